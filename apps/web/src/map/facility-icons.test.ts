import { facilityType } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import {
  facilityIconId,
  facilityIconResolver,
  type IconSink,
  type IconSpec,
  redrawFacilityIcons,
} from './facility-icons.ts'

function sink(): IconSink & { added: string[]; updated: string[] } {
  const added: string[] = []
  const updated: string[] = []
  return {
    added,
    updated,
    hasImage: (id) => added.includes(id),
    addImage: (id) => {
      added.push(id)
    },
    updateImage: (id) => {
      updated.push(id)
    },
  }
}

// A stand-in for the canvas drawing, which needs a browser.
const pixels = (_spec: IconSpec) => ({ width: 1, height: 1 }) as ImageData

describe('facilityIconResolver', () => {
  it('draws a facility icon the first time the map asks for it, and only once', () => {
    const map = sink()
    const resolve = facilityIconResolver(map, pixels)
    for (const type of facilityType.values) resolve(facilityIconId(type))
    resolve(facilityIconId('clinic'))
    expect(map.added).toEqual(facilityType.values.map(facilityIconId))
  })

  it('leaves images that are not facility icons to others', () => {
    const map = sink()
    const resolve = facilityIconResolver(map, pixels)
    resolve('facility-unknown')
    resolve('marker')
    expect(map.added).toEqual([])
  })
})

describe('redrawFacilityIcons', () => {
  it('draws again, once their font has loaded, only the icons the map already has', () => {
    const map = sink()
    const resolve = facilityIconResolver(map, pixels)
    resolve(facilityIconId('clinic'))
    resolve(facilityIconId('park'))
    redrawFacilityIcons(map, pixels)
    expect(map.updated.sort()).toEqual([facilityIconId('clinic'), facilityIconId('park')].sort())
    expect(map.added).toHaveLength(2)
  })
})

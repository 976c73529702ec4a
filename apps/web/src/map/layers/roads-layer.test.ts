import { roadClass } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import { statusClasses } from '../compound-classes.ts'
import { districtGround } from './boundary-fill-layer.tsx'
import { roadCasingColours, roadColours } from './roads-layer.tsx'

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number]
}

/** Chroma: how far the colour is from a grey (0), whatever its lightness. */
function chroma(hex: string): number {
  const channels = rgb(hex)
  return Math.max(...channels) - Math.min(...channels)
}

/** WCAG relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

describe('the roads', () => {
  it('are drawn in neutral whites and greys for every class, leaving colour to the compounds’ status', () => {
    for (const cls of roadClass.values) {
      for (const colour of [roadColours[cls], roadCasingColours[cls]]) {
        expect(colour, cls).toMatch(/^#[0-9A-F]{6}$/i)
        expect(chroma(colour as string), `${cls} ${colour}`).toBeLessThan(0.06)
      }
    }
    const statusColours = statusClasses.filter((cls) => cls.key !== 'not_old').map((cls) => cls.colour)
    for (const colour of statusColours) expect(chroma(colour)).toBeGreaterThan(0.5)
  })

  it('edge a higher class with a darker grey, and every edge stands out from the district’s ground', () => {
    const edges = roadClass.values.map((cls) => luminance(roadCasingColours[cls] as string))
    expect([...edges].sort((a, b) => a - b)).toEqual(edges)
    expect(new Set(edges).size).toBe(edges.length)
    for (const edge of edges) expect(luminance(districtGround) - edge).toBeGreaterThan(0.15)
    for (const cls of roadClass.values) {
      expect(luminance(roadColours[cls] as string)).toBeGreaterThan(luminance(districtGround))
    }
  })
})

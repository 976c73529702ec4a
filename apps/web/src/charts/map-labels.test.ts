import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { FeatureCollection, Geometry } from 'geojson'
import { describe, expect, it } from 'vitest'
import { coverageMapLayout } from './chart-options.ts'
import { areaLabel, chooseMapLabels, type LabelledArea } from './map-labels.ts'

const square = (code: string, name: string, x: number, y: number, side: number): LabelledArea => ({
  code,
  name,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + side, y],
        [x + side, y + side],
        [x, y + side],
        [x, y],
      ],
    ],
  },
})

/** The demo's street outlines (data/jinjiang), as the dashboard's small map draws them. */
function jinjiangStreets(): LabelledArea[] {
  const file = path.resolve(import.meta.dirname, '../../../../data/jinjiang/streets.geojson')
  const streets = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<
    Geometry,
    { code: string; name: string }
  >
  return streets.features.map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    geometry: f.geometry,
  }))
}

describe('the names on the small choropleth', () => {
  it('are written at the centroid of each area’s largest polygon', () => {
    const label = areaLabel(square('a', 'A', 104, 30, 0.02))
    expect(label?.point[0]).toBeCloseTo(104.01, 6)
    expect(label?.point[1]).toBeCloseTo(30.01, 6)
  })

  it('skip an area whose name would overlap the name of a larger one', () => {
    const areas = [
      square('small', '小区甲', 104.0, 30.0, 0.004),
      square('large', '大街道', 104.0, 30.0, 0.01),
    ]
    const far = square('far', '远处街道', 104.5, 30.5, 0.004)
    expect([...chooseMapLabels([...areas, far], 360, coverageMapLayout)].sort()).toEqual(['far', 'large'])
  })

  it('keep the demo’s northern street names apart at the dashboard’s 360 px, and name the rest', () => {
    const streets = jinjiangStreets()
    const all = new Set(streets.map((s) => s.code))
    const chosen = chooseMapLabels(streets, 360, coverageMapLayout)
    // Every name fits once its neighbours are skipped: a name that overlaps another is left out, not all of them.
    expect(chosen.size).toBeGreaterThanOrEqual(streets.length - 3)
    // Drawn all at once, some of them overlap: that is what the choice prevents.
    expect(chooseMapLabels(streets, 10_000, coverageMapLayout)).toEqual(all)
    expect(chosen.size).toBeLessThan(all.size)
  })
})

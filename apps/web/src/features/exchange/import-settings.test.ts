import type { ImportAnalysis } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import {
  importOptionsOf,
  initialSettings,
  newIdempotencyKey,
  sampleValues,
  unmappedRequired,
  withTarget,
} from './import-settings.ts'

function createAnalysis(overrides: Partial<ImportAnalysis> = {}): ImportAnalysis {
  return {
    format: 'csv',
    featureCount: 2,
    columns: ['bm', 'mc', 'lx', 'lng', 'lat'],
    sample: [
      { bm: 'F-1', mc: '马家沟菜市场', lx: '菜市场', lng: '104.1', lat: '30.66' },
      { bm: 'F-2', mc: '', lx: '公园', lng: '104.2', lat: '30.67' },
    ],
    detectedCrs: '4326',
    crsReason: {
      reason: 'crs_degrees',
      params: { x: [104.1, 104.2], y: [30.66, 30.67], crs: '4326' },
    },
    detectedEncoding: 'utf-8',
    geometryColumns: { lon: 'lng', lat: 'lat', wkt: null },
    suggestedMappings: {
      compounds: { code: 'bm', name: 'mc' },
      buildings: { code: 'bm', name: 'mc', storeys: 'gone' },
      facilities: { code: 'bm', name: 'mc', facilityType: 'lx' },
    },
    rememberedMapping: { compounds: false, buildings: false, facilities: true },
    ...overrides,
  }
}

describe('the import wizard’s settings', () => {
  it('start from the suggested mapping of the target, keeping only columns the file has', () => {
    const analysis = createAnalysis()
    const settings = initialSettings(analysis, 'buildings')
    expect(settings.mapping).toEqual({ code: 'bm', name: 'mc' })
    expect(settings.lonColumn).toBe('lng')
    expect(withTarget(settings, analysis, 'facilities').mapping).toEqual({
      code: 'bm',
      name: 'mc',
      facilityType: 'lx',
    })
  })

  it('send CSV geometry columns only for CSV, with the declared system', () => {
    const analysis = createAnalysis()
    const settings = { ...initialSettings(analysis, 'facilities'), crs: 'gcj02' as const }
    expect(importOptionsOf(settings, 'csv')).toEqual({
      target: 'facilities',
      crs: 'gcj02',
      encoding: 'auto',
      mapping: { code: 'bm', name: 'mc', facilityType: 'lx' },
      lonColumn: 'lng',
      latColumn: 'lat',
      skipInvalid: false,
    })
    expect(importOptionsOf(settings, 'geojson')).not.toHaveProperty('lonColumn')
  })

  it('name the required fields left without a column', () => {
    const settings = initialSettings(createAnalysis(), 'facilities')
    expect(unmappedRequired(settings)).toEqual([])
    const { facilityType: _dropped, ...mapping } = settings.mapping
    expect(unmappedRequired({ ...settings, mapping }).map((f) => f.name)).toEqual(['facilityType'])
  })

  it('show a column’s non-empty sample values', () => {
    expect(sampleValues(createAnalysis(), 'mc')).toEqual(['马家沟菜市场'])
    expect(sampleValues(createAnalysis(), null)).toEqual([])
  })

  it('make idempotency keys the API accepts, a new one each time', () => {
    const key = newIdempotencyKey()
    expect(key).toMatch(/^[\w.:-]{8,100}$/)
    expect(newIdempotencyKey()).not.toBe(key)
  })
})

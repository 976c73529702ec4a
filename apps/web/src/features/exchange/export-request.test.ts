import { describe, expect, it } from 'vitest'
import { crsForFormat, featuresWritten, lonLatAllowed, planExport } from './export-request.ts'
import { fileNameFromDisposition } from './file-download.ts'

const base = {
  layers: ['compounds'] as const,
  format: 'geojson' as const,
  crs: '4326' as const,
  area: { kind: 'all' } as const,
  clip: false,
  csvGeometry: 'wkt' as const,
  filters: {},
}

describe('an export request', () => {
  it('asks /exports/{layer} for one layer in WGS84, counting lines after the FeatureCollection opening', () => {
    const plan = planExport(base)
    expect(plan.path).toBe('/exports/compounds?format=geojson')
    expect(plan.fileName).toBe('compounds.geojson')
    expect(plan.bundle).toBe(false)
    expect(plan.progress).toEqual({ kind: 'lines', headerLines: 1 })
  })

  it('asks for the bundle when the planner wants two layers in EPSG:4544 around Wufuyuan, filters applied', () => {
    const plan = planExport({
      ...base,
      layers: ['buildings', 'compounds'],
      crs: '4544',
      area: { kind: 'near', compoundId: 42, radius: 300 },
      clip: true,
      filters: { street: '510104030', status: ['completed'], householdsMin: 100 },
    })
    const url = new URL(plan.path, 'http://x')
    expect(url.pathname).toBe('/exports/bundle')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'geojson',
      crs: '4544',
      street: '510104030',
      status: 'completed',
      near: '42',
      radius: '300',
      clip: 'true',
      layers: 'compounds,buildings',
    })
    expect(plan.fileName).toBe('renewal-atlas_EPSG4544.zip')
    expect(plan.progress).toEqual({ kind: 'bytes' })
  })

  it('sends the map view as a plain-decimal bbox and never clips without an area', () => {
    const view = planExport({ ...base, area: { kind: 'view', bbox: [104.05, 30.6, 104.1, 30.65] } })
    expect(new URL(view.path, 'http://x').searchParams.get('bbox')).toBe(
      '104.050000,30.600000,104.100000,30.650000',
    )
    expect(planExport({ ...base, clip: true }).path).not.toContain('clip')
  })

  it('moves DXF to EPSG:4544 unless EPSG:4523 was chosen', () => {
    expect(crsForFormat('dxf', '4326')).toBe('4544')
    expect(crsForFormat('dxf', 'gcj02')).toBe('4544')
    expect(crsForFormat('dxf', '4523')).toBe('4523')
    expect(crsForFormat('geojson', 'gcj02')).toBe('gcj02')
    expect(planExport({ ...base, format: 'dxf' }).path).toContain('crs=4544')
  })

  it('writes lon/lat CSV columns only for point layers', () => {
    expect(lonLatAllowed(['facilities'])).toBe(true)
    expect(lonLatAllowed(['facilities', 'compounds'])).toBe(false)
    const points = planExport({ ...base, layers: ['facilities'], format: 'csv', csvGeometry: 'lonlat' })
    expect(points.path).toContain('csvGeometry=lonlat')
    expect(points.fileName).toBe('facilities.csv')
    const polygons = planExport({ ...base, format: 'csv', csvGeometry: 'lonlat' })
    expect(polygons.path).toContain('csvGeometry=wkt')
  })

  it('counts features written from newlines, never more than the file holds', () => {
    expect(featuresWritten(0, 1, 10)).toBe(0)
    expect(featuresWritten(5, 1, 10)).toBe(4)
    expect(featuresWritten(12, 1, 10)).toBe(10)
    expect(featuresWritten(7, 0, null)).toBe(7)
  })
})

describe('the saved file name', () => {
  it('comes from filename* (UTF-8) first, then filename', () => {
    expect(fileNameFromDisposition('attachment; filename="compounds_EPSG4544.geojson"')).toBe(
      'compounds_EPSG4544.geojson',
    )
    expect(
      fileNameFromDisposition(
        `attachment; filename="wufuyuan.zip"; filename*=UTF-8''${encodeURIComponent('五福苑.zip')}`,
      ),
    ).toBe('五福苑.zip')
    expect(fileNameFromDisposition('attachment; filename=plain.csv')).toBe('plain.csv')
    expect(fileNameFromDisposition(null)).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { exportFileName } from './file-name.ts'

describe('export file names', () => {
  it('say the coordinate system when it is not WGS84, and the format', () => {
    expect(exportFileName('compounds', 'geojson', '4326')).toBe('compounds.geojson')
    expect(exportFileName('compounds', 'geojson', '4544')).toBe('compounds_EPSG4544.geojson')
    expect(exportFileName('buildings', 'csv', 'gcj02')).toBe('buildings_GCJ02.csv')
    expect(exportFileName('compounds', 'shapefile', '4544')).toBe('compounds_EPSG4544.zip')
    expect(exportFileName('roads', 'geojsonseq', '4523')).toBe('roads_EPSG4523.geojsons')
    expect(exportFileName('wufuyuan', 'dxf', '4544')).toBe('wufuyuan_EPSG4544.dxf')
  })
})

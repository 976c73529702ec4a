import { EXCHANGE_LAYERS, exportMetadata as exportMetadataSchema } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import { type ExportDescription, exportMetadata } from './metadata.ts'

const description = (overrides: Partial<ExportDescription> = {}): ExportDescription => ({
  layers: [
    { layer: 'compounds', file: 'compounds_EPSG4544.geojson', features: 12 },
    { layer: 'roads', file: 'roads_EPSG4544.geojson', features: 30 },
  ],
  crs: '4544',
  format: 'geojson',
  filter: { street: '510104030' },
  generatedAt: new Date('2026-11-27T08:00:00Z'),
  synthetic: true,
  ...overrides,
})

describe('export metadata sidecar', () => {
  it('matches the ExportMetadata schema', () => {
    expect(() => exportMetadataSchema.parse(exportMetadata(description()))).not.toThrow()
  })

  it('states the coordinate system with its EPSG code, units and axis order', () => {
    expect(exportMetadata(description()).crs).toEqual({
      code: '4544',
      epsg: 4544,
      uri: 'http://www.opengis.net/def/crs/EPSG/0/4544',
      name: 'CGCS2000 / 3-degree Gauss-Kruger CM 105E',
      units: 'metre',
      axisOrder: expect.stringMatching(/^easting, northing/),
    })
    expect(exportMetadata(description({ crs: 'gcj02' })).crs).toMatchObject({
      epsg: null,
      uri: null,
      units: 'degree',
    })
  })

  it('lists each layer with its file, count, geometry and the catalogue fields', () => {
    const [compounds] = exportMetadata(description()).layers
    expect(compounds).toMatchObject({ layer: 'compounds', file: 'compounds_EPSG4544.geojson', features: 12 })
    expect(compounds?.geometry).toBe('Polygon')
    expect(compounds?.fields.map((field) => field.dbf)).toEqual(
      EXCHANGE_LAYERS.compounds.fields.map((f) => f.dbf),
    )
    expect(compounds?.fields.find((field) => field.name === 'floorAreaM2')).toEqual({
      name: 'floorAreaM2',
      dbf: 'floor_m2',
      type: 'number',
      zh: '建筑面积',
      en: 'Floor area',
      unit: 'm²',
    })
  })

  it('says the data are synthetic when they are', () => {
    expect(exportMetadata(description()).source).toMatch(/synthetic/)
    expect(exportMetadata(description({ synthetic: false })).synthetic).toBe(false)
  })
})

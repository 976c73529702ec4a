import { EXCHANGE_LAYERS, renovationStatus } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import type { ExportDescription } from './metadata.ts'
import { bundleReadme } from './readme.ts'

const description = (overrides: Partial<ExportDescription> = {}): ExportDescription => ({
  layers: [
    { layer: 'compounds', file: 'wufuyuan/compounds_EPSG4544.geojson', features: 12 },
    { layer: 'facilities', file: 'wufuyuan/facilities_EPSG4544.geojson', features: 4 },
  ],
  crs: '4544',
  format: 'geojson',
  filter: { street: '510104030', builtTo: 2000, community: undefined },
  generatedAt: new Date('2026-11-27T08:00:00Z'),
  synthetic: true,
  ...overrides,
})

describe('bundle README', () => {
  it('explains the bundle in Chinese first, then in English', () => {
    const readme = bundleReadme(description())
    expect(readme.indexOf('## 说明')).toBeGreaterThan(0)
    expect(readme.indexOf('## About')).toBeGreaterThan(readme.indexOf('## 说明'))
  })

  it('lists each file with its layer and feature count', () => {
    const readme = bundleReadme(description())
    expect(readme).toContain('| wufuyuan/compounds_EPSG4544.geojson | 小区 (compounds) | 12 |')
    expect(readme).toContain('| wufuyuan/facilities_EPSG4544.geojson | Facilities (facilities) | 4 |')
  })

  it('writes feature counts as the dashboard does, with thousands separators, and areas in m²', () => {
    const readme = bundleReadme(
      description({ layers: [{ layer: 'compounds', file: 'compounds.geojson', features: 1189 }] }),
    )
    expect(readme).toContain('| compounds.geojson | 小区 (compounds) | 1,189 |')
    expect(readme).toContain('| compounds.geojson | Compounds (compounds) | 1,189 |')
    expect(readme).toMatch(/\| `floorAreaM2` \|.*\| 平方米 \/ m² \|/)
    expect(readme).not.toMatch(/\bm2\b/)
  })

  it('names the coordinate system, its EPSG code, units and axis order, and the prior arrangement of RFC 7946', () => {
    const readme = bundleReadme(description())
    expect(readme).toContain('(EPSG:4544)')
    expect(readme).toContain('单位：米')
    expect(readme).toContain('Units: metres')
    expect(readme).toMatch(/Axis order: easting, northing/)
    expect(readme).toContain('prior arrangement')
    expect(bundleReadme(description({ crs: '4326' }))).not.toContain('prior arrangement')
    expect(bundleReadme(description({ format: 'shapefile' }))).not.toContain('prior arrangement')
  })

  it('tabulates every field of each layer with its dbf name, Chinese and English labels, type and unit', () => {
    const readme = bundleReadme(description())
    for (const field of [...EXCHANGE_LAYERS.compounds.fields, ...EXCHANGE_LAYERS.facilities.fields]) {
      expect(readme).toContain(
        `| \`${field.name}\` | \`${field.dbf}\` | ${field.label.zh} | ${field.label.en} |`,
      )
    }
    expect(readme).toContain(
      '| `floorAreaM2` | `floor_m2` | 建筑面积 | Floor area | 数值 / number | 平方米 / m² |',
    )
    expect(readme).not.toContain('`roadClass`')
  })

  it('explains the coded values in Chinese and English', () => {
    const readme = bundleReadme(description())
    for (const [code, label] of Object.entries(renovationStatus.labels)) {
      expect(readme).toContain(`| \`${code}\` | ${label.zh} | ${label.en} |`)
    }
    expect(readme).toContain('| `clinic` | 社区卫生服务站 | Clinic |')
  })

  it('states the filter and that the data are synthetic', () => {
    const readme = bundleReadme(description())
    expect(readme).toContain('`{"street":"510104030","builtTo":2000}`')
    expect(readme).toContain('合成')
    expect(readme).toMatch(/synthetic demo data/)
  })

  it('names the CAD layers of a DXF bundle', () => {
    expect(bundleReadme(description({ format: 'dxf' }))).toContain('`COMPOUNDS`, `COMPOUNDS_LABEL`')
  })
})

import { describe, expect, it } from 'vitest'
import { MAX_TILE_ZOOM } from '../tile.schema.ts'
import {
  EXCHANGE_LAYERS,
  exportLayer,
  LAYER_IDS,
  layerDefinition,
  TILE_LAYER_NAMES,
  TILE_LAYERS,
  tileFields,
} from './layer.registry.ts'

describe('the layer registry', () => {
  it.each(LAYER_IDS)(
    '%s names each field once, with a Shapefile column of at most 10 ASCII characters',
    (id) => {
      const { fields } = layerDefinition(id)
      expect(new Set(fields.map((f) => f.name)).size).toBe(fields.length)
      expect(new Set(fields.map((f) => f.dbf)).size).toBe(fields.length)
      for (const f of fields) expect(f.dbf, f.name).toMatch(/^[a-z][a-z0-9_]{0,9}$/)
    },
  )

  it.each(LAYER_IDS)('%s carries in tiles every tile-only field, and has words in both languages', (id) => {
    const layer = layerDefinition(id)
    expect(layer.label.zh).toMatch(/\p{Script=Han}/u)
    expect(layer.label.en).toMatch(/^[A-Z]/)
    for (const f of layer.fields) if (f.tileOnly) expect(f.tile, f.name).toBe(true)
  })

  it('gives tile layers a zoom range inside the addressable zooms', () => {
    for (const id of TILE_LAYER_NAMES) {
      const { minzoom, maxzoom } = TILE_LAYERS[id]
      expect(0 <= minzoom && minzoom <= maxzoom && maxzoom <= MAX_TILE_ZOOM, id).toBe(true)
    }
  })

  it('exports what the map draws of a compound, and more, but never a tile-only key', () => {
    const exported = EXCHANGE_LAYERS.compounds.fields.map((f) => f.name)
    expect(exported[0]).toBe('id')
    for (const name of Object.keys(tileFields('compounds'))) expect(exported).toContain(name)
    const exportedBuildings = EXCHANGE_LAYERS.buildings.fields.map((f) => f.name)
    for (const key of ['compoundId', 'communityCode', 'compoundStatus', 'compoundHouseholds']) {
      expect(exportedBuildings).not.toContain(key)
    }
    // A building's tile carries its compound's fields too, so that the map's compound filters hide its buildings.
    expect(tileFields('buildings')).toEqual({
      compoundId: 'Number',
      streetCode: 'String',
      communityCode: 'String',
      compoundStatus: 'String',
      compoundOnOldRegister: 'Boolean',
      compoundBuiltYear: 'Number',
      compoundHouseholds: 'Number',
      storeys: 'Number',
      households: 'Number',
      hasLift: 'Boolean',
    })
  })

  it('lists exported layers in registry order and tile layers including the label points', () => {
    expect(exportLayer.values).toEqual([
      'compounds',
      'buildings',
      'roads',
      'facilities',
      'streets',
      'communities',
    ])
    expect(TILE_LAYER_NAMES).toContain('compound-labels')
    expect(exportLayer.values).not.toContain('compound-labels')
    expect(exportLayer.labels.buildings).toEqual({ zh: '楼栋', en: 'Buildings' })
  })
})

// GET /api/v1/layers: the layer registry with each tile layer's current revision, so a map builds its sources (and
// legend) from one description and asks for new tiles exactly when their data changed.
import {
  LAYER_IDS,
  type LayerListResponse,
  layerDefinition,
  layerListResponse,
  TILE_LAYER_NAMES,
  type TileLayerName,
} from '@renewal-atlas/domain'
import { Router } from 'express'
import { jsonBody, readErrors, registry } from '../openapi/registry.ts'
import type { TileService } from '../tiles/tile.service.ts'

registry.registerPath({
  method: 'get',
  path: '/api/v1/layers',
  tags: ['Vector tiles 矢量瓦片'],
  summary: 'The map layers: words, geometry, fields with units and codes, zooms, access, and tile revisions',
  description:
    'Each tile layer’s `tiles.url` carries its revision, which changes whenever a write changes data the layer ' +
    'shows; a client that rebuilds its sources from a newer answer never draws tiles cached before the write.',
  responses: {
    200: jsonBody(layerListResponse, 'Every layer of the registry', 'application/json'),
    ...readErrors,
  },
})

const isTileLayer = (id: string): id is TileLayerName => (TILE_LAYER_NAMES as readonly string[]).includes(id)

export function layerRoutes(tiles: TileService): Router {
  const router = Router()
  router.get('/layers', (_req, res) => {
    const body: LayerListResponse = {
      layers: LAYER_IDS.map((id) => {
        const layer = layerDefinition(id)
        const revision = isTileLayer(id) ? tiles.revision(id) : undefined
        return {
          id,
          label: layer.label,
          description: layer.description,
          geometry: layer.geometry,
          fields: layer.fields.map(({ tile, tileOnly, dbf: _dbf, width: _width, ...field }) => ({
            ...field,
            tile: tile === true,
            exported: layer.exchange !== undefined && tileOnly !== true,
          })),
          access: layer.access,
          tiles:
            layer.tiles && revision !== undefined
              ? {
                  ...layer.tiles,
                  revision,
                  url: `/api/v1/tiles/${id}/{z}/{x}/{y}.mvt?rev=${revision}`,
                }
              : null,
          exchange: layer.exchange ?? null,
        }
      }),
    }
    // Revisions change with every write: always ask again (cheap: no database).
    res.set('Cache-Control', 'no-cache').json(body)
  })
  return router
}

// GET /api/v1/tiles/{layer}/{z}/{x}/{y}.mvt (Mapbox vector tiles) and GET /api/v1/tiles/{layer}.json (TileJSON).
import {
  problemResponse,
  tileJsonPathDoc,
  tileJsonPathParams,
  tileJsonResponse,
  tilePathDoc,
  tilePathParams,
} from '@renewal-atlas/domain'
import { type Request, Router } from 'express'
import { z } from 'zod'
import { parsePath } from '../http/validate.ts'
import { jsonBody, readErrors, registry } from '../openapi/registry.ts'
import type { TileService } from './tile.service.ts'

export const MVT_MEDIA_TYPE = 'application/vnd.mapbox-vector-tile'
const CACHE_CONTROL = 'public, max-age=60'
/** For a reader limited to some streets: their tiles differ from everyone else's, so no shared cache may keep them. */
const SCOPED_CACHE_CONTROL = 'private, max-age=60'

const tags = ['Vector tiles 矢量瓦片']
const problem = { 'application/problem+json': { schema: problemResponse } }
registry.registerPath({
  method: 'get',
  path: '/api/v1/tiles/{layer}/{z}/{x}/{y}.mvt',
  tags,
  summary:
    'One Mapbox vector tile (MVT) of a layer; the layer name is the MVT layer name, feature ids are row ids',
  request: { params: tilePathDoc },
  responses: {
    200: {
      description:
        'The tile; its ETag is a hash of the bytes. For a reader limited to some streets (design institute), ' +
        'compounds, compound labels and buildings are those of their streets only, and the tile is private',
      content: { [MVT_MEDIA_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
    },
    204: {
      description: 'No feature of the layer falls in the tile, or the zoom is below the layer’s minzoom',
    },
    304: { description: 'The tile has not changed since the ETag given in If-None-Match' },
    ...readErrors,
    404: { description: 'No such layer, or the zoom is above the layer’s maxzoom', content: problem },
    503: { description: 'The tile took longer than the statement timeout to make', content: problem },
  },
})
registry.registerPath({
  method: 'get',
  path: '/api/v1/tiles/{layer}.json',
  tags,
  summary: 'TileJSON 3.0.0 of a layer: tile URL template, zoom range, bounds and property types',
  request: { params: tileJsonPathDoc },
  responses: {
    200: jsonBody(tileJsonResponse, 'The layer’s TileJSON', 'application/json'),
    ...readErrors,
    404: { description: 'No such layer', content: problem },
  },
})

export function tileRoutes(tiles: TileService): Router {
  const router = Router()
  router.get('/tiles/:layer/:z/:x/:y.mvt', async (req, res) => {
    const { layer, ...address } = parsePath(tilePathParams, req)
    const { scope } = res.locals
    const tile = await tiles.tile(layer, address, scope)
    res.set('Cache-Control', scope.streetIds === null ? CACHE_CONTROL : SCOPED_CACHE_CONTROL)
    // What a tile holds depends on who asks (a design institute sees only its streets): shared caches must
    // keep one copy per credential.
    res.set('Vary', 'Cookie, Authorization')
    if (!tile.etag) {
      res.status(204).end()
      return
    }
    res.set('ETag', tile.etag)
    if (matches(req.get('If-None-Match'), tile.etag)) {
      res.status(304).end()
      return
    }
    res
      .type(MVT_MEDIA_TYPE)
      .send(Buffer.from(tile.bytes.buffer, tile.bytes.byteOffset, tile.bytes.byteLength))
  })
  router.get('/tiles/:layer.json', async (req, res) => {
    const { layer } = parsePath(tileJsonPathParams, req)
    res.json(await tiles.tileJson(layer, origin(req), res.locals.scope))
  })
  return router
}

/** If-None-Match with weak comparison (RFC 9110 §13.1.2): `*`, or a list in which one tag equals ours. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const ours = etag.replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === ours)
}

/** Scheme, host and port as the client sees them (forwarded headers are trusted from loopback proxies only). */
function origin(req: Request): string {
  return `${req.protocol}://${req.host}`
}

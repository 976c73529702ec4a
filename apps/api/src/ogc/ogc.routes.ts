// /ogc: OGC API Features Part 1 (Core, GeoJSON, OpenAPI 3.0) over the exchange layers, for GDAL's OAPIF driver
// and QGIS. The rows come from the export SQL (layer-query.ts) in WGS84; an area-limited reader (a design
// institute) gets compounds and buildings of its streets only, as on the map. Sign-in, the permission table and
// the rate limit are applied where the router is mounted (app.ts), exactly as for /api/v1.
import { type ExportLayer, exportLayer } from '@renewal-atlas/domain'
import { type Request, type Response, Router } from 'express'
import { NotFoundError } from '../http/errors.ts'
import { parseQuery } from '../http/validate.ts'
import type { LayerFilter } from '../layers/layer-query.ts'
import { featureDocumentText, featurePageText } from './feature-page.ts'
import { CRS84, collection, collections, conformance, landingPage, MEDIA } from './ogc.documents.ts'
import { ogcOpenApi } from './ogc.openapi.ts'
import { bboxFilter, OGC_DEFAULT_LIMIT, ogcDocumentQuery, ogcItemQuery, ogcItemsQuery } from './ogc.params.ts'
import type { OgcService } from './ogc.service.ts'

/** The service root as the client reached it (links must be absolute for GDAL and QGIS to follow them). */
const serviceBase = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`

function layerOf(req: Request): ExportLayer {
  const id = String(req.params.collectionId)
  const parsed = exportLayer.schema.safeParse(id)
  if (!parsed.success) {
    throw new NotFoundError(`No collection "${id}"; the collections are ${exportLayer.values.join(', ')}`)
  }
  return parsed.data
}

/** Feature ids are record ids; anything else names no feature. */
function featureIdOf(req: Request, layer: ExportLayer): number {
  const raw = String(req.params.featureId)
  const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(id <= 2_147_483_647)) throw new NotFoundError(`No feature "${raw}" in ${layer}`)
  return id
}

export interface OgcOptions {
  /** The application's version, stated in the API definition. */
  version: string
}

export function ogcRoutes(service: OgcService, { version }: OgcOptions): Router {
  const router = Router()
  const sendJson = (res: Response, type: string, body: unknown) => res.type(type).send(JSON.stringify(body))

  router.get('/', (req, res) => {
    parseQuery(ogcDocumentQuery, req)
    sendJson(res, MEDIA.json, landingPage(serviceBase(req)))
  })

  router.get('/conformance', (req, res) => {
    parseQuery(ogcDocumentQuery, req)
    sendJson(res, MEDIA.json, conformance())
  })

  router.get('/api', (req, res) => {
    parseQuery(ogcDocumentQuery, req)
    sendJson(res, MEDIA.openapi, ogcOpenApi(serviceBase(req), version))
  })

  router.get('/collections', async (req, res) => {
    parseQuery(ogcDocumentQuery, req)
    sendJson(res, MEDIA.json, collections(serviceBase(req), await service.extents()))
  })

  router.get('/collections/:collectionId', async (req, res) => {
    const layer = layerOf(req)
    parseQuery(ogcDocumentQuery, req)
    sendJson(res, MEDIA.json, collection(serviceBase(req), layer, await service.extent(layer)))
  })

  router.get('/collections/:collectionId/items', async (req, res) => {
    const layer = layerOf(req)
    const query = parseQuery(ogcItemsQuery, req)
    const limit = query.limit ?? OGC_DEFAULT_LIMIT
    const offset = query.offset ?? 0
    const filter: LayerFilter = {
      ...(query.bbox ? bboxFilter(query.bbox) : {}),
      streetIds: res.locals.scope.streetIds,
    }
    // Features are ordered by id: `after` (from a next link) reads the page by index, `offset` by skipping.
    const page = query.after === undefined ? { offset } : { afterId: query.after }
    const { numberMatched, rows } = await service.items(layer, { filter, limit, page })
    const base = serviceBase(req)
    res
      .set('Content-Crs', `<${CRS84}>`)
      .type(MEDIA.geojson)
      .send(
        featurePageText({
          layer,
          self: new URL(req.originalUrl, base),
          collection: `${base}/collections/${layer}`,
          limit,
          offset,
          numberMatched,
          rows,
        }),
      )
  })

  router.get('/collections/:collectionId/items/:featureId', async (req, res) => {
    const layer = layerOf(req)
    const id = featureIdOf(req, layer)
    parseQuery(ogcItemQuery, req)
    const row = await service.item(layer, id, res.locals.scope.streetIds)
    if (!row) throw new NotFoundError(`No feature ${id} in ${layer}`)
    const self = `${serviceBase(req)}/collections/${layer}`
    res
      .set('Content-Crs', `<${CRS84}>`)
      .type(MEDIA.geojson)
      .send(featureDocumentText(layer, row, `${self}/items/${id}`, self))
  })

  return router
}

// GET /api/v1/exports/…: a layer as GeoJSON, GeoJSON Text Sequences, CSV, zipped Shapefile or DXF in the asked
// coordinate system, its metadata sidecar, and several layers zipped with a README (the plan-area bundle).
// Bodies stream: the feature count goes out first as a header (for progress), then the features as they are read.
import { pipeline } from 'node:stream/promises'
import {
  bundleQuery,
  EXCHANGE_LAYERS,
  type ExportCrs,
  type ExportFormat,
  type ExportLayer,
  type ExportQuery,
  exportLayer,
  exportLayerParam,
  exportMetadata,
  exportQuery,
  FEATURE_COUNT_HEADER,
} from '@renewal-atlas/domain'
import { type Request, type Response, Router } from 'express'
import { ValidationError } from '../http/errors.ts'
import { parsePath, parseQuery } from '../http/validate.ts'
import type { LayerFilter } from '../layers/layer-query.ts'
import { notFound, readErrors, registry } from '../openapi/registry.ts'
import { attachment } from '../stats/downloads.ts'
import type { ExportFile, ExportService } from './export.service.ts'

/** Metres around a compound when `near` is given without `radius`. */
const DEFAULT_NEAR_RADIUS_M = 300

const fileResponse = {
  description: `The file, streamed. \`${FEATURE_COUNT_HEADER}\` gives the number of features before the body.`,
  content: Object.fromEntries(
    [
      'application/geo+json',
      'application/geo+json-seq',
      'text/csv',
      'application/zip',
      'application/dxf',
    ].map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }]),
  ),
}

registry.registerPath({
  method: 'get',
  path: '/api/v1/exports/{layer}',
  tags: ['Data exchange 数据交换'],
  summary: 'One layer as a file (GeoJSON, GeoJSON Text Sequences, CSV, zipped Shapefile or DXF)',
  description:
    'Filtered like the map; limited to a bbox, a GeoJSON polygon (`area`) or the surroundings of a compound ' +
    '(`near`, `radius`), cut there with `clip=true`. GeoJSON in WGS84 follows RFC 7946; any other `crs` is ' +
    'named in the file name (e.g. compounds_EPSG4544.geojson) and in the metadata sidecar linked with ' +
    'rel="describedby". DXF is drawn in Gauss-Kruger metres (4544 by default, or 4523). Text formats hold one ' +
    'feature per line. An `area` that is not a Polygon or MultiPolygon, or that PostGIS finds invalid, is refused ' +
    'with 400 naming `area` and the reason (e.g. `not a valid polygon: Self-intersection[104.09 30.65]`, from ' +
    'ST_IsValidReason) before any byte is sent.',
  request: { params: exportLayerParam, query: exportQuery },
  responses: { 200: fileResponse, ...readErrors, ...notFound },
})

registry.registerPath({
  method: 'get',
  path: '/api/v1/exports/{layer}/metadata',
  tags: ['Data exchange 数据交换'],
  summary: 'The metadata sidecar of a layer export: coordinate system, fields (中文/English, units), filter',
  request: { params: exportLayerParam, query: exportQuery },
  responses: {
    200: { description: 'The sidecar', content: { 'application/json': { schema: exportMetadata } } },
    ...readErrors,
    ...notFound,
  },
})

registry.registerPath({
  method: 'get',
  path: '/api/v1/exports/bundle',
  tags: ['Data exchange 数据交换'],
  summary: 'Several layers in one zip with README.md and metadata.json (the plan-area bundle)',
  description:
    'One file per layer (DXF: one drawing with a CAD layer per feature type) inside a folder named after ' +
    '`name` and the coordinate system, with a README listing every field in Chinese and English with units ' +
    'and coded values, and the coordinate system.',
  request: { query: bundleQuery },
  responses: {
    200: {
      description: 'The zip, streamed',
      content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
    },
    ...readErrors,
    ...notFound,
  },
})

export function exportRoutes(service: ExportService): Router {
  const router = Router()

  router.get('/exports/bundle', async (req, res) => {
    const query = parseQuery(bundleQuery, req)
    const format = query.format ?? 'geojson'
    const layers = query.layers ?? exportLayer.values
    checkCsvGeometry(format, query.csvGeometry, layers)
    const file = await service.bundle(
      {
        layers,
        format,
        crs: crsFor(format, query.crs),
        filter: filterOf(query, res),
        csvGeometry: query.csvGeometry,
      },
      query.name ?? 'renewal-atlas',
    )
    await send(req, res, file)
  })

  router.get('/exports/:layer', async (req, res) => {
    const { layer } = parsePath(exportLayerParam, req)
    const query = parseQuery(exportQuery, req)
    const format = query.format ?? 'geojson'
    checkCsvGeometry(format, query.csvGeometry, [layer])
    const file = await service.layerFile(layer, {
      format,
      crs: crsFor(format, query.crs),
      filter: filterOf(query, res),
      csvGeometry: query.csvGeometry,
    })
    // The sidecar is the same request at /metadata.
    const search = new URL(req.originalUrl, 'http://x').search
    res.set(
      'Link',
      `</api/v1/exports/${layer}/metadata${search}>; rel="describedby"; type="application/json"`,
    )
    await send(req, res, file)
  })

  router.get('/exports/:layer/metadata', async (req, res) => {
    const { layer } = parsePath(exportLayerParam, req)
    const query = parseQuery(exportQuery, req)
    const format = query.format ?? 'geojson'
    res.set('Cache-Control', 'no-store').json(
      await service.metadata(layer, {
        format,
        crs: crsFor(format, query.crs),
        filter: filterOf(query, res),
      }),
    )
  })

  return router
}

/** DXF is drawn in Gauss-Kruger metres: 4544 unless 4523 is asked for; the rest default to WGS84. */
function crsFor(format: ExportFormat, crs: ExportCrs | undefined): ExportCrs {
  return crs ?? (format === 'dxf' ? '4544' : '4326')
}

function checkCsvGeometry(
  format: ExportFormat,
  csvGeometry: string | undefined,
  layers: readonly ExportLayer[],
): void {
  if (csvGeometry === undefined) return
  if (format !== 'csv') {
    throw new ValidationError([
      { name: 'csvGeometry', in: 'query', reason: 'csvGeometry applies to format=csv only' },
    ])
  }
  const notPoints = layers.filter((layer) => EXCHANGE_LAYERS[layer].geometry !== 'Point')
  if (csvGeometry === 'lonlat' && notPoints.length) {
    throw new ValidationError([
      {
        name: 'csvGeometry',
        in: 'query',
        reason: `lon/lat columns carry points only; ${notPoints.join(', ')} need csvGeometry=wkt`,
      },
    ])
  }
}

type FilterQuery = Omit<ExportQuery, 'format'>

function filterOf(query: FilterQuery, res: Response): LayerFilter {
  const { near, radius, crs: _crs, csvGeometry: _csv, ...rest } = query
  return {
    ...rest,
    ...(near === undefined ? {} : { near: { compoundId: near, radiusM: radius ?? DEFAULT_NEAR_RADIUS_M } }),
    streetIds: res.locals.scope.streetIds,
  }
}

/**
 * Sends the headers (name, type, feature count), then streams the body. A client that goes away destroys the
 * body, which stops the database paging; a failure after the first byte can only cut the response short.
 */
async function send(req: Request, res: Response, file: ExportFile): Promise<void> {
  res.status(200).set({
    'Content-Type': file.mediaType,
    'Content-Disposition': attachment(file.fileName, file.fileName),
    [FEATURE_COUNT_HEADER]: String(file.featureCount),
    'Cache-Control': 'no-store',
  })
  try {
    await pipeline(file.body, res)
  } catch (error) {
    if (!res.writableEnded && !req.destroyed) req.log?.error({ err: error }, 'export failed while streaming')
    res.destroy()
  }
}

// The queries of exports and the OGC API over the layers' SQL sources (layer-sources.ts): the fields files carry, in
// registry order, the map's filters, an area (bbox, polygon or the surroundings of a compound), and the geometry in
// the asked coordinate system, cut at the area when asked. Pages go by id (keyset), so a long
// export reads one page at a time on both backends.

import { envelope, geometryFromGeoJson, intersects } from '@renewal-atlas/db'
import {
  type AreaGeometry,
  CRS_INFO,
  type ExportCrs,
  type ExportLayer,
  layerDefinition,
  type RenovationStatus,
} from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import { exchangeColumns, LAYER_SOURCES, layerFrom } from './layer-sources.ts'

export interface LayerFilter {
  street?: string | undefined
  community?: string | undefined
  status?: RenovationStatus[] | undefined
  onRegister?: boolean | undefined
  builtFrom?: number | undefined
  builtTo?: number | undefined
  bbox?: readonly [number, number, number, number] | undefined
  area?: AreaGeometry | undefined
  /** The surroundings of a compound: features within `radiusM` metres of its outline. */
  near?: { compoundId: number; radiusM: number } | undefined
  /** Cut geometries at the area instead of keeping whole features that touch it. */
  clip?: boolean | undefined
  /** Only compound-level records (compounds, buildings) in these streets: an area-limited reader. */
  streetIds?: readonly number[] | null | undefined
}

/** Dimension of a layer's geometry, for ST_CollectionExtract after a cut: 1 points, 2 lines, 3 polygons. */
function dimensionOf(layer: ExportLayer): 1 | 2 | 3 {
  const { geometry } = layerDefinition(layer)
  return geometry === 'Point' ? 1 : geometry === 'LineString' ? 2 : 3
}

/** The area as one SQL geometry, or undefined for the whole district. */
function areaOf(knex: Knex, filter: LayerFilter): Knex.Raw | undefined {
  if (filter.bbox) return envelope(filter.bbox)
  if (filter.area) return geometryFromGeoJson(filter.area)
  if (filter.near) {
    return knex.raw('(select ST_Buffer(n.geom::geography, ?)::geometry from compounds n where n.id = ?)', [
      filter.near.radiusM,
      filter.near.compoundId,
    ])
  }
  return undefined
}

/** PostGIS's reason (ST_IsValidReason) the filter's `area` polygon is not valid; undefined when valid or absent. */
export async function areaInvalidReason(knex: Knex, filter: LayerFilter): Promise<string | undefined> {
  if (!filter.area) return undefined
  const row = await knex
    .from(knex.raw('(select ? as g) as area', [geometryFromGeoJson(filter.area)]))
    .first(knex.raw('case when ST_IsValid(g) then null else ST_IsValidReason(g) end as reason'))
  return row?.reason ?? undefined
}

/** The layer's rows that pass the filter: FROM, every lookup and WHERE, without a select list. */
function layerBase(knex: Knex, layer: ExportLayer, filter: LayerFilter): Knex.QueryBuilder {
  const { filters = {}, inStreets } = LAYER_SOURCES[layer]
  const q = layerFrom(knex, layer)
  const area = areaOf(knex, filter)
  if (area) q.where(intersects('t.geom', area))

  // Street and community: by code on layers that carry them, by location on roads and facilities.
  if (filter.street !== undefined) {
    if (filters.street) q.where(`${filters.street}.code`, filter.street)
    else q.whereRaw('ST_Intersects(t.geom, (select geom from streets where code = ?))', [filter.street])
  }
  if (filter.community !== undefined) {
    if (filters.community) q.where(`${filters.community}.code`, filter.community)
    else if (!filters.street) {
      q.whereRaw('ST_Intersects(t.geom, (select geom from communities where code = ?))', [filter.community])
    }
  }
  const c = filters.compound
  if (c) {
    if (filter.status) q.whereIn(`${c}.renovation_status`, filter.status)
    if (filter.onRegister !== undefined) q.where(`${c}.on_old_register`, filter.onRegister)
    if (filter.builtFrom !== undefined) q.where(`${c}.built_year`, '>=', filter.builtFrom)
    if (filter.builtTo !== undefined) q.where(`${c}.built_year`, '<=', filter.builtTo)
  }
  if (filter.streetIds && inStreets) q.whereRaw(inStreets, [[...filter.streetIds]])
  return q
}

/** SQL of the output geometry: cut at the area when asked, CCW exterior rings, in the asked system. */
function geometrySql(
  knex: Knex,
  layer: ExportLayer,
  filter: LayerFilter,
  crs: ExportCrs,
): { sql: string; bindings: Knex.Value[] } {
  const area = filter.clip ? areaOf(knex, filter) : undefined
  let sql = 't.geom'
  const bindings: Knex.Value[] = []
  if (area) {
    sql = `ST_CollectionExtract(ST_Intersection(t.geom, ?), ${dimensionOf(layer)})`
    bindings.push(area)
  }
  sql = `ST_ForcePolygonCCW(${sql})`
  const { epsg } = CRS_INFO[crs]
  // GCJ-02 is not an EPSG system: the rows leave in WGS84 and the offset is applied in JS.
  if (epsg !== null && epsg !== 4326) sql = `ST_Transform(${sql}, ${Number(epsg)})`
  return { sql, bindings }
}

function decimalsOf(crs: ExportCrs): number {
  return CRS_INFO[crs].decimals
}

export interface PageOptions {
  crs: ExportCrs
  /** Keyset: ids after this one (exports). */
  afterId?: number
  /** Offset paging (the OGC API's next links). */
  offset?: number
  /** Rows per page; every row when absent (one COPY of the whole layer). */
  limit?: number
  /** Only this feature (the OGC API's single item). */
  id?: number
}

function paged(q: Knex.QueryBuilder, page: PageOptions): Knex.QueryBuilder {
  if (page.id !== undefined) q.where('t.id', page.id)
  if (page.afterId !== undefined) q.where('t.id', '>', page.afterId)
  q.orderBy('t.id')
  if (page.limit !== undefined) q.limit(page.limit)
  if (page.offset) q.offset(page.offset)
  return q
}

export interface LayerRow {
  id: number
  /** Properties in catalogue order. */
  properties: Record<string, string | number | boolean | null>
  /** GeoJSON geometry text in the asked system, or null when a cut left nothing. */
  geometry: string | null
}

/**
 * The page's query with two lateral sub-selects: `geo.g`, the output geometry (null when a cut left nothing of the
 * layer's dimension), and `p`, the properties as named columns in catalogue order.
 */
function pageQuery(
  knex: Knex,
  layer: ExportLayer,
  filter: LayerFilter,
  page: PageOptions,
): Knex.QueryBuilder {
  const geometry = geometrySql(knex, layer, filter, page.crs)
  const properties = exchangeColumns(layer)
  const q = paged(layerBase(knex, layer, filter), page)
  q.joinRaw(`cross join lateral (select ${geometry.sql} as g) as geo0`, geometry.bindings)
  q.joinRaw('cross join lateral (select case when ST_IsEmpty(geo0.g) then null else geo0.g end as g) as geo')
  q.joinRaw(
    `cross join lateral (select ${properties.map(([, expr]) => `${expr} as ??`).join(', ')}) as p`,
    properties.map(([name]) => name),
  )
  return q
}

/** ST_AsGeoJSON without a `crs` member (options 0): RFC 7946 has none, and other systems are named elsewhere. */
const geoJsonOf = (knex: Knex, crs: ExportCrs) => knex.raw('ST_AsGeoJSON(geo.g, ?, 0)', [decimalsOf(crs)])

/** One page of rows: properties and the geometry as GeoJSON text. */
export async function layerRows(
  knex: Knex,
  layer: ExportLayer,
  filter: LayerFilter,
  page: PageOptions,
): Promise<LayerRow[]> {
  const rows = (await pageQuery(knex, layer, filter, page).select(
    'p.*',
    knex.raw('?::text as "__geometry"', [geoJsonOf(knex, page.crs)]),
  )) as Record<string, unknown>[]
  return rows.map((row) => {
    const { __geometry, ...properties } = row
    return {
      id: Number(properties.id),
      properties: properties as LayerRow['properties'],
      geometry: (__geometry as string | null) ?? null,
    }
  })
}

/** One whole RFC 7946 Feature text per row, compact and in catalogue order, as the column `feature`. */
function featureText(knex: Knex, crs: ExportCrs, linePrefix = ''): Knex.Raw {
  return knex.raw(
    `? || '{"type":"Feature","id":' || t.id || ',"geometry":' || coalesce(?::text, 'null') || ` +
      `',"properties":' || row_to_json(p)::text || '}' as feature`,
    [linePrefix, geoJsonOf(knex, crs)],
  )
}

/**
 * One page of whole Feature texts built by the database (`{"type":"Feature","id":…,"geometry":…,
 * "properties":{…}}`), for GeoJSON in an EPSG system: the API only frames them.
 */
export async function layerFeatureTexts(
  knex: Knex,
  layer: ExportLayer,
  filter: LayerFilter,
  page: PageOptions,
): Promise<{ lastId: number | undefined; texts: string[] }> {
  const rows = (await pageQuery(knex, layer, filter, page).select('t.id', featureText(knex, page.crs))) as {
    id: number
    feature: string
  }[]
  return { lastId: rows.at(-1)?.id, texts: rows.map((row) => row.feature) }
}

/**
 * The SQL text of every Feature text of the layer in id order, one column, for `COPY (…) TO STDOUT`, which takes
 * no bound parameters: the values are inlined by knex's escaping. Every value here has passed the request schema
 * first (codes, enums, numbers, a GeoJSON polygon of numbers).
 */
export function layerFeatureTextSql(
  knex: Knex,
  layer: ExportLayer,
  filter: LayerFilter,
  crs: ExportCrs,
  /** Written before each feature: the separator of its format (see geojson-lines.ts in packages/exchange). */
  linePrefix: string,
): string {
  return pageQuery(knex, layer, filter, { crs })
    .select(featureText(knex, crs, linePrefix))
    .toQuery()
}

export async function layerCount(knex: Knex, layer: ExportLayer, filter: LayerFilter): Promise<number> {
  const [row] = await layerBase(knex, layer, filter).count<{ n: string | number }[]>('* as n')
  return Number(row?.n ?? 0)
}

/** Bounding box of the layer in WGS84, for the OGC collection's extent; null when the layer is empty. */
export async function layerExtent(
  knex: Knex,
  layer: ExportLayer,
): Promise<[number, number, number, number] | null> {
  const [row] = (await knex({ t: LAYER_SOURCES[layer].table }).select(
    knex.raw(
      'ST_XMin(ST_Extent(t.geom)) as x0, ST_YMin(ST_Extent(t.geom)) as y0, ' +
        'ST_XMax(ST_Extent(t.geom)) as x1, ST_YMax(ST_Extent(t.geom)) as y1',
    ),
  )) as { x0: number | null; y0: number; x1: number; y1: number }[]
  if (!row || row.x0 === null) return null
  return [Number(row.x0), Number(row.y0), Number(row.x1), Number(row.y1)]
}

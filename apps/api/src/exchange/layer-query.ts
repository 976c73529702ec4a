// The SQL of each exchange layer (exports and the OGC API): which tables, which properties (exactly the fields of
// EXCHANGE_LAYERS, in order), the map's filters, an area (bbox, polygon or the surroundings of a compound), and
// the geometry in the asked coordinate system, cut at the area when asked. Pages go by id (keyset), so a long
// export reads one page at a time on both backends.
import {
  type AreaGeometry,
  CRS_INFO,
  EXCHANGE_LAYERS,
  type ExportCrs,
  type ExportLayer,
  type RenovationStatus,
} from '@renewal-atlas/domain'
import type { Knex } from 'knex'

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

interface LayerSql {
  /** FROM and JOINs; the layer's own table is `t`. */
  from(knex: Knex): Knex.QueryBuilder
  /** Property name → SQL expression (constants of ours, never from a request), for every catalogue field. */
  properties: Readonly<Record<string, string>>
  /** Alias of the compound the map's compound filters apply to, on compound-level layers. */
  compound?: 't' | 'c'
  /** Alias of the street and community tables, when joined. */
  street?: 's' | 't'
  community?: 'cm' | 't'
  /** Dimension of the geometry (ST_CollectionExtract after a cut): 1 points, 2 lines, 3 polygons. */
  dimension: 1 | 2 | 3
}

const COMPOUND_COLUMNS = {
  id: 't.id',
  code: 't.code',
  name: 't.name',
  address: 't.address',
  streetCode: 's.code',
  streetName: 's.name',
  communityCode: 'cm.code',
  communityName: 'cm.name',
  builtYear: 't.built_year',
  buildingCount: 't.building_count',
  households: 't.households',
  residents: 't.residents',
  floorAreaM2: 't.floor_area_m2',
  managementType: 't.management_type',
  onOldRegister: 't.on_old_register',
  renovationStatus: 't.renovation_status',
  renovationYear: 't.renovation_year',
  synthetic: 't.synthetic',
}

const LAYER_SQL: Readonly<Record<ExportLayer, LayerSql>> = {
  compounds: {
    from: (knex) =>
      knex({ t: 'compounds' })
        .join({ cm: 'communities' }, 'cm.id', 't.community_id')
        .join({ s: 'streets' }, 's.id', 'cm.street_id'),
    properties: COMPOUND_COLUMNS,
    compound: 't',
    street: 's',
    community: 'cm',
    dimension: 3,
  },
  buildings: {
    from: (knex) =>
      knex({ t: 'buildings' })
        .join({ c: 'compounds' }, 'c.id', 't.compound_id')
        .join({ cm: 'communities' }, 'cm.id', 'c.community_id')
        .join({ s: 'streets' }, 's.id', 'cm.street_id'),
    properties: {
      id: 't.id',
      code: 't.code',
      name: 't.name',
      compoundCode: 'c.code',
      compoundName: 'c.name',
      streetCode: 's.code',
      storeys: 't.storeys',
      households: 't.households',
      builtYear: 't.built_year',
      hasLift: 't.has_lift',
      structure: 't.structure',
      synthetic: 't.synthetic',
    },
    compound: 'c',
    street: 's',
    community: 'cm',
    dimension: 3,
  },
  roads: {
    from: (knex) => knex({ t: 'roads' }),
    properties: {
      id: 't.id',
      code: 't.code',
      name: 't.name',
      roadClass: 't.road_class',
      redLineWidthM: 't.red_line_width_m',
      carriagewayWidthM: 't.carriageway_width_m',
      lengthM: 'round(ST_Length(t.geom::geography)::numeric, 1)::double precision',
      synthetic: 't.synthetic',
    },
    dimension: 2,
  },
  facilities: {
    from: (knex) => knex({ t: 'facilities' }),
    properties: {
      id: 't.id',
      code: 't.code',
      name: 't.name',
      facilityType: 't.facility_type',
      capacity: 't.capacity',
      floorAreaM2: 't.floor_area_m2',
      synthetic: 't.synthetic',
    },
    dimension: 1,
  },
  streets: {
    from: (knex) => knex({ t: 'streets' }),
    properties: { id: 't.id', code: 't.code', name: 't.name', synthetic: 't.synthetic' },
    street: 't',
    dimension: 3,
  },
  communities: {
    from: (knex) => knex({ t: 'communities' }).join({ s: 'streets' }, 's.id', 't.street_id'),
    properties: {
      id: 't.id',
      code: 't.code',
      name: 't.name',
      streetCode: 's.code',
      streetName: 's.name',
      synthetic: 't.synthetic',
    },
    street: 's',
    community: 't',
    dimension: 3,
  },
}

// The catalogue and the SQL must name the same fields in the same order: checked once, at load.
for (const [layer, sql] of Object.entries(LAYER_SQL) as [ExportLayer, LayerSql][]) {
  const catalogue = EXCHANGE_LAYERS[layer].fields.map((f) => f.name).join(',')
  const selected = Object.keys(sql.properties).join(',')
  if (catalogue !== selected)
    throw new Error(`layer ${layer}: SQL fields ${selected} ≠ catalogue ${catalogue}`)
}

/** An `area` polygon (GeoJSON text, one binding) as SQL geometry. */
const AREA_GEOMETRY_SQL = 'ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)'

/** The area as one SQL geometry expression with its bindings, or undefined for the whole district. */
function areaSql(filter: LayerFilter): { sql: string; bindings: Knex.Value[] } | undefined {
  if (filter.bbox) return { sql: 'ST_MakeEnvelope(?, ?, ?, ?, 4326)', bindings: [...filter.bbox] }
  if (filter.area) return { sql: AREA_GEOMETRY_SQL, bindings: [JSON.stringify(filter.area)] }
  if (filter.near) {
    return {
      sql: '(select ST_Buffer(n.geom::geography, ?)::geometry from compounds n where n.id = ?)',
      bindings: [filter.near.radiusM, filter.near.compoundId],
    }
  }
  return undefined
}

/** The layer's rows that pass the filter: FROM, JOINs and WHERE, without a select list. */
function layerBase(knex: Knex, layer: ExportLayer, filter: LayerFilter): Knex.QueryBuilder {
  const sql = LAYER_SQL[layer]
  const q = sql.from(knex)
  const area = areaSql(filter)
  if (area) q.whereRaw(`ST_Intersects(t.geom, ${area.sql})`, area.bindings)

  // Street and community: by code on layers that carry them, by location on roads and facilities.
  if (filter.street !== undefined) {
    if (sql.street) q.where(`${sql.street}.code`, filter.street)
    else q.whereRaw('ST_Intersects(t.geom, (select geom from streets where code = ?))', [filter.street])
  }
  if (filter.community !== undefined) {
    if (sql.community) q.where(`${sql.community}.code`, filter.community)
    else if (!sql.street) {
      q.whereRaw('ST_Intersects(t.geom, (select geom from communities where code = ?))', [filter.community])
    }
  }
  if (sql.compound) {
    const c = sql.compound
    if (filter.status) q.whereIn(`${c}.renovation_status`, filter.status)
    if (filter.onRegister !== undefined) q.where(`${c}.on_old_register`, filter.onRegister)
    if (filter.builtFrom !== undefined) q.where(`${c}.built_year`, '>=', filter.builtFrom)
    if (filter.builtTo !== undefined) q.where(`${c}.built_year`, '<=', filter.builtTo)
    if (filter.streetIds) q.whereIn('s.id', [...filter.streetIds])
  }
  return q
}

/** SQL of the output geometry: cut at the area when asked, CCW exterior rings, in the asked system. */
function geometrySql(
  layer: ExportLayer,
  filter: LayerFilter,
  crs: ExportCrs,
): { sql: string; bindings: Knex.Value[] } {
  const area = filter.clip ? areaSql(filter) : undefined
  let sql = 't.geom'
  const bindings: Knex.Value[] = []
  if (area) {
    sql = `ST_CollectionExtract(ST_Intersection(t.geom, ${area.sql}), ${LAYER_SQL[layer].dimension})`
    bindings.push(...area.bindings)
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
  const geometry = geometrySql(layer, filter, page.crs)
  const properties = Object.entries(LAYER_SQL[layer].properties)
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

/** PostGIS's reason (ST_IsValidReason) the filter's `area` polygon is not valid; undefined when valid or absent. */
export async function areaInvalidReason(knex: Knex, filter: LayerFilter): Promise<string | undefined> {
  if (!filter.area) return undefined
  const { rows } = await knex.raw<{ rows: { reason: string | null }[] }>(
    `select case when ST_IsValid(g) then null else ST_IsValidReason(g) end as reason from (select ${AREA_GEOMETRY_SQL} as g) as area`,
    [JSON.stringify(filter.area)],
  )
  return rows[0]?.reason ?? undefined
}

/** Bounding box of the layer in WGS84, for the OGC collection's extent; null when the layer is empty. */
export async function layerExtent(
  knex: Knex,
  layer: ExportLayer,
): Promise<[number, number, number, number] | null> {
  const [row] = (await LAYER_SQL[layer]
    .from(knex)
    .select(
      knex.raw(
        'ST_XMin(ST_Extent(t.geom)) as x0, ST_YMin(ST_Extent(t.geom)) as y0, ' +
          'ST_XMax(ST_Extent(t.geom)) as x1, ST_YMax(ST_Extent(t.geom)) as y1',
      ),
    )) as { x0: number | null; y0: number; x1: number; y1: number }[]
  if (!row || row.x0 === null) return null
  return [Number(row.x0), Number(row.y0), Number(row.x1), Number(row.y1)]
}

// What only the database can tell about features to import: PostGIS's verdict on each geometry (ST_IsValidDetail:
// its words and the place they name), whether it lies in the district, whether its code is taken, which community
// or compound it belongs to (by code, else the one holding its point on surface), and for buildings the existing
// buildings of that compound it overlaps. One statement per batch, the features passed as arrays and unnested;
// nothing is written.

import { isGeometryFailure } from '@renewal-atlas/db'
import { BUILDING_OVERLAP_TOLERANCE_M2, type ImportTarget } from '@renewal-atlas/domain'
import type { Knex } from 'knex'

/** One feature as the database checks it: WGS84 GeoJSON text (null: no usable geometry) and the codes it names. */
export interface CheckInput {
  n: number
  code: string | null
  /** compounds: communityCode; buildings: compoundCode; facilities: null. */
  parentCode: string | null
  geojson: string | null
}

/** What PostGIS finds wrong with a geometry it was given. */
export type GeometryVerdict =
  /** Not valid: GEOS's words (e.g. "Self-intersection") and the place they name, WGS84 [lon, lat], if any. */
  | { kind: 'invalid'; reason: string; location: [number, number] | null }
  | { kind: 'empty' }
  /** ST_GeomFromGeoJSON refused it: PostGIS's message. */
  | { kind: 'unreadable'; message: string }

/** An existing building of the same compound that an imported building overlaps. */
export interface BuildingOverlap {
  code: string
  /** Area of the overlap, m² (in EPSG:4544). */
  m2: number
  /** Area of the imported building, m². */
  ownM2: number
}

export interface CheckResult {
  n: number
  /** Null when the geometry is valid, or there was none to check. */
  verdict: GeometryVerdict | null
  /** Null when there is no valid geometry to place. */
  district: 'inside' | 'partly' | 'outside' | null
  codeExists: boolean
  /** Community (compounds) or compound (buildings) the feature belongs to; null when none was found. */
  parentId: number | null
  /** Street of the parent, or for facilities the street holding the point. */
  streetId: number | null
  /** Buildings: existing buildings of its compound it overlaps by more than the tolerance, largest overlap first. */
  overlaps: BuildingOverlap[]
}

/** Features per statement, and GeoJSON characters per statement (a few large outlines fill a batch alone). */
const BATCH_FEATURES = 500
const BATCH_CHARACTERS = 8_000_000

// The statement is put together once, from constant fragments per target; every value is bound.
const INPUT = `
with input as (
  select t.n, t.code, t.parent_code, ST_SetSRID(ST_GeomFromGeoJSON(t.geojson), 4326) as geom
  from unnest(?::int[], ?::text[], ?::text[], ?::text[]) as t(n, code, parent_code, geojson)
), detailed as (
  select input.*, case when geom is not null then ST_IsValidDetail(geom) end as validity from input
), checked as (
  select detailed.*, geom is not null and (validity).valid and not ST_IsEmpty(geom) as usable from detailed
), placed as (
  select checked.*, case when usable then ST_PointOnSurface(geom) end as point from checked
)
select p.n,
  case when p.geom is not null and not (p.validity).valid then (p.validity).reason end as invalid_reason,
  ST_X((p.validity).location) as invalid_x,
  ST_Y((p.validity).location) as invalid_y,
  p.geom is not null and (p.validity).valid and ST_IsEmpty(p.geom) as empty,
  case when p.usable then (select bool_or(ST_Intersects(d.geom, p.geom)) from districts d) end as touches_district,
  case when p.usable then (select bool_or(ST_CoveredBy(p.geom, d.geom)) from districts d) end as inside_district,
`

const TARGET_SQL: Record<ImportTarget, string> = {
  compounds: `
  exists (select 1 from compound_records r where r.code = p.code) as code_exists,
  coalesce(by_code.id, by_place.id) as parent_id,
  coalesce(by_code.street_id, by_place.street_id) as street_id,
  null::json as overlaps
from placed p
left join lateral (
  select cm.id, cm.street_id from communities cm where cm.code = p.parent_code
) by_code on true
left join lateral (
  select cm.id, cm.street_id from communities cm
  where p.parent_code is null and p.point is not null and ST_Intersects(cm.geom, p.point)
  order by cm.id limit 1
) by_place on true`,
  buildings: `
  exists (select 1 from buildings r where r.code = p.code) as code_exists,
  coalesce(by_code.id, by_place.id) as parent_id,
  coalesce(by_code.street_id, by_place.street_id) as street_id,
  overlap.overlaps
from placed p
left join lateral (
  select c.id, cm.street_id from compounds c join communities cm on cm.id = c.community_id
  where c.code = p.parent_code
) by_code on true
left join lateral (
  select c.id, cm.street_id from compounds c join communities cm on cm.id = c.community_id
  where p.parent_code is null and p.point is not null and ST_Intersects(c.geom, p.point)
  order by c.id limit 1
) by_place on true
left join lateral (
  -- Areas in EPSG:4544 metres; the building with the same code is the one it would replace, reported as taken.
  select json_agg(json_build_object('code', o.code, 'm2', o.m2, 'own', o.own) order by o.m2 desc, o.code) as overlaps
  from (
    select b.code,
      ST_Area(ST_Transform(ST_Intersection(b.geom, p.geom), 4544)) as m2,
      ST_Area(ST_Transform(p.geom, 4544)) as own
    from buildings b
    where p.usable and b.compound_id = coalesce(by_code.id, by_place.id)
      and b.code is distinct from p.code
      and b.geom && p.geom and ST_Intersects(b.geom, p.geom)
  ) o
  where o.m2 > ?
) overlap on true`,
  facilities: `
  exists (select 1 from facilities r where r.code = p.code) as code_exists,
  null::int as parent_id,
  by_place.id as street_id,
  null::json as overlaps
from placed p
left join lateral (
  select s.id from streets s where p.point is not null and ST_Intersects(s.geom, p.point)
  order by s.id limit 1
) by_place on true`,
}

/** Bindings of each target's fragment, after the input arrays. */
const TARGET_BINDINGS: Record<ImportTarget, Knex.Value[]> = {
  compounds: [],
  buildings: [BUILDING_OVERLAP_TOLERANCE_M2],
  facilities: [],
}

const CHECK_SQL: Record<ImportTarget, string> = {
  compounds: `${INPUT}${TARGET_SQL.compounds}\norder by p.n`,
  buildings: `${INPUT}${TARGET_SQL.buildings}\norder by p.n`,
  facilities: `${INPUT}${TARGET_SQL.facilities}\norder by p.n`,
}

export class ImportCheckRepository {
  constructor(private readonly knex: Knex) {}

  /** Check every feature, a batch per statement; the results in input order. */
  async check(target: ImportTarget, inputs: CheckInput[]): Promise<CheckResult[]> {
    const results: CheckResult[] = []
    for (const batch of batches(inputs)) results.push(...(await this.checkBatch(target, batch)))
    return results
  }

  /**
   * A batch whose statement fails on a geometry PostGIS cannot even read (ST_GeomFromGeoJSON raises) is checked
   * again one feature at a time, each in its own savepoint, so that one bad feature is reported, not the batch.
   */
  private async checkBatch(target: ImportTarget, batch: CheckInput[]): Promise<CheckResult[]> {
    try {
      return await this.run(this.knex, target, batch)
    } catch (error) {
      if (!isGeometryFailure(error) || batch.length === 0) throw error
    }
    const results: CheckResult[] = []
    for (const input of batch) {
      try {
        results.push(...(await this.knex.transaction((sp) => this.run(sp, target, [input]))))
      } catch (error) {
        if (!isGeometryFailure(error)) throw error
        const [checked] = await this.run(this.knex, target, [{ ...input, geojson: null }])
        if (!checked) throw error
        results.push({ ...checked, verdict: { kind: 'unreadable', message: postgisMessage(error) } })
      }
    }
    return results
  }

  private async run(knex: Knex, target: ImportTarget, batch: CheckInput[]): Promise<CheckResult[]> {
    const result = await knex.raw<{ rows: Record<string, unknown>[] }>(CHECK_SQL[target], [
      ...arrayBindings([
        batch.map((i) => i.n),
        batch.map((i) => i.code),
        batch.map((i) => i.parentCode),
        batch.map((i) => i.geojson),
      ]),
      ...TARGET_BINDINGS[target],
    ])
    return result.rows.map((row) => ({
      n: Number(row.n),
      verdict: verdictOf(row),
      district:
        row.touches_district === null || row.touches_district === undefined
          ? null
          : row.inside_district === true
            ? 'inside'
            : row.touches_district === true
              ? 'partly'
              : 'outside',
      codeExists: row.code_exists === true,
      parentId: row.parent_id === null || row.parent_id === undefined ? null : Number(row.parent_id),
      streetId: row.street_id === null || row.street_id === undefined ? null : Number(row.street_id),
      overlaps: overlapsOf(row.overlaps),
    }))
  }
}

function verdictOf(row: Record<string, unknown>): GeometryVerdict | null {
  if (typeof row.invalid_reason === 'string') {
    const location =
      row.invalid_x === null || row.invalid_x === undefined
        ? null
        : ([Number(row.invalid_x), Number(row.invalid_y)] as [number, number])
    return { kind: 'invalid', reason: row.invalid_reason, location }
  }
  return row.empty === true ? { kind: 'empty' } : null
}

/** The overlaps' JSON (parsed by one driver, text from the other). */
function overlapsOf(value: unknown): BuildingOverlap[] {
  if (value === null || value === undefined) return []
  const list = (typeof value === 'string' ? JSON.parse(value) : value) as {
    code: string
    m2: number
    own: number
  }[]
  return list.map((o) => ({ code: o.code, m2: Number(o.m2), ownM2: Number(o.own) }))
}

/** Arrays bind as PostgreSQL arrays on both drivers; knex's types only know arrays without nulls. */
export const arrayBindings = (arrays: unknown[][]) => arrays as unknown as Knex.Value[]

function* batches(inputs: CheckInput[]): Generator<CheckInput[]> {
  let batch: CheckInput[] = []
  let characters = 0
  for (const input of inputs) {
    const size = input.geojson?.length ?? 0
    if (batch.length && (batch.length >= BATCH_FEATURES || characters + size > BATCH_CHARACTERS)) {
      yield batch
      batch = []
      characters = 0
    }
    batch.push(input)
    characters += size
  }
  if (batch.length) yield batch
}

/** PostGIS's own words, without the statement knex puts in front of them. */
function postgisMessage(error: unknown): string {
  const message = String((error as Error).message ?? error)
  const cut = message.lastIndexOf(' - ')
  return cut >= 0 ? message.slice(cut + 3) : message
}

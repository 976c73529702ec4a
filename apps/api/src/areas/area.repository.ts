// Reads the administrative hierarchy: district (with its coverage summary), streets and communities.
import type { Knex } from 'knex'
import { type Feature, geometrySelect, toFeature, whereInBbox } from '../http/geojson.ts'

export interface Page {
  limit: number
  offset: number
  bbox?: [number, number, number, number] | undefined
}

export interface StreetRow {
  id: number
  code: string
  name: string
  districtCode: string
  synthetic: boolean
}

export interface CommunityRow {
  id: number
  code: string
  name: string
  officialName: string | null
  streetCode: string
  streetName: string
  synthetic: boolean
}

export class AreaRepository {
  constructor(private readonly knex: Knex) {}

  /**
   * The district with its headline figures; `streetIds` (an area-limited reader's streets) narrows the figures to
   * those streets, as the compound list is narrowed, and names them in `summary.streets`.
   */
  async districts(streetIds: number[] | null = null) {
    const k = this.knex
    const rows = await k('districts as d')
      .select(
        'd.id',
        'd.code',
        'd.name',
        'd.name_en as nameEn',
        'd.official_area_km2 as officialAreaKm2',
        k.raw('round((ST_Area(d.geom::geography) / 1e6)::numeric, 2)::float8 as "areaKm2"'),
        'd.resident_population as residentPopulation',
        'd.service_population as servicePopulation',
        'd.old_compound_cutoff_year as oldCompoundCutoffYear',
        'd.synthetic',
        'd.source',
        geometrySelect(k, 'd.geom'),
      )
      .orderBy('d.id')
    const [summaries, streets] = await Promise.all([
      this.districtSummaries(streetIds),
      streetIds === null
        ? null
        : k('streets').whereIn('id', streetIds).orderBy('code').pluck<string[]>('code'),
    ])
    return rows.map(({ geometry, ...p }) =>
      toFeature({ ...p, summary: { ...(summaries.get(p.id) ?? emptySummary()), streets } }, geometry),
    )
  }

  /** Headline counts per district, from the compounds themselves (only those in `streetIds` unless null). */
  private async districtSummaries(streetIds: number[] | null) {
    const query = this.knex('compounds as c')
      .join('communities as cm', 'cm.id', 'c.community_id')
      .join('streets as s', 's.id', 'cm.street_id')
    if (streetIds !== null) query.whereIn('s.id', streetIds)
    const rows = await query
      .groupBy('s.district_id')
      .select(
        's.district_id as districtId',
        this.knex.raw('count(*)::int as compounds'),
        this.knex.raw('(count(*) filter (where c.on_old_register))::int as "oldCompounds"'),
        this.knex.raw(
          '(count(*) filter (where c.on_old_register and c.renovation_status = \'completed\'))::int as "renovatedOldCompounds"',
        ),
        this.knex.raw('coalesce(sum(c.households), 0)::int as households'),
        this.knex.raw(
          'coalesce(sum(c.households) filter (where c.on_old_register and c.renovation_status = \'completed\'), 0)::int as "householdsBenefiting"',
        ),
      )
    return new Map(
      rows.map(({ districtId, ...s }) => [
        districtId as number,
        { ...s, coverage: s.oldCompounds ? s.renovatedOldCompounds / s.oldCompounds : 0 },
      ]),
    )
  }

  async streets(page: Page): Promise<{ total: number; features: Feature<StreetRow>[] }> {
    const k = this.knex
    const base = k('streets as s').join('districts as d', 'd.id', 's.district_id')
    whereInBbox(base, 's.geom', page.bbox)
    const [count, rows] = await Promise.all([
      base.clone().count<{ n: number }[]>('* as n'),
      base
        .clone()
        .select(
          's.id',
          's.code',
          's.name',
          'd.code as districtCode',
          's.synthetic',
          geometrySelect(k, 's.geom'),
        )
        .orderBy('s.code')
        .limit(page.limit)
        .offset(page.offset),
    ])
    return { total: count[0]?.n ?? 0, features: rows.map(({ geometry, ...p }) => toFeature(p, geometry)) }
  }

  async communities(page: Page & { streetCode?: string | undefined }) {
    const k = this.knex
    const base = k('communities as cm').join('streets as s', 's.id', 'cm.street_id')
    whereInBbox(base, 'cm.geom', page.bbox)
    if (page.streetCode) base.where('s.code', page.streetCode)
    const [count, rows] = await Promise.all([
      base.clone().count<{ n: number }[]>('* as n'),
      base
        .clone()
        .select(
          'cm.id',
          'cm.code',
          'cm.name',
          'cm.official_name as officialName',
          's.code as streetCode',
          's.name as streetName',
          'cm.synthetic',
          geometrySelect(k, 'cm.geom'),
        )
        .orderBy('cm.code')
        .limit(page.limit)
        .offset(page.offset),
    ])
    return {
      total: count[0]?.n ?? 0,
      features: rows.map(({ geometry, ...p }) => toFeature(p as CommunityRow, geometry)),
    }
  }

  async streetExists(code: string): Promise<boolean> {
    return (await this.knex('streets').where({ code }).first('id')) !== undefined
  }

  async communityExists(code: string): Promise<boolean> {
    return (await this.knex('communities').where({ code }).first('id')) !== undefined
  }
}

function emptySummary() {
  return {
    compounds: 0,
    oldCompounds: 0,
    renovatedOldCompounds: 0,
    coverage: 0,
    households: 0,
    householdsBenefiting: 0,
  }
}

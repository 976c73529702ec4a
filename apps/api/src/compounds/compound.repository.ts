// Reads compounds (小区/院落) with their community and street, filtered by the map's allow-listed filters.
import type { CompoundListQuery, CompoundResponseProperties } from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import { type Feature, geometrySelect, toFeature, whereInBbox } from '../http/geojson.ts'

export type CompoundFilter = Omit<CompoundListQuery, 'limit' | 'offset'> & {
  /** Only compounds in these streets (an area-limited reader); all when null or absent. */
  streetIds?: number[] | null
}

export class CompoundRepository {
  constructor(private readonly knex: Knex) {}

  private base(filter: CompoundFilter): Knex.QueryBuilder {
    const q = this.knex('compounds as c')
      .join('communities as cm', 'cm.id', 'c.community_id')
      .join('streets as s', 's.id', 'cm.street_id')
    whereInBbox(q, 'c.geom', filter.bbox)
    if (filter.streetIds) q.whereIn('s.id', filter.streetIds)
    if (filter.street) q.where('s.code', filter.street)
    if (filter.community) q.where('cm.code', filter.community)
    if (filter.status) q.whereIn('c.renovation_status', filter.status)
    if (filter.onRegister !== undefined) q.where('c.on_old_register', filter.onRegister)
    if (filter.builtFrom !== undefined) q.where('c.built_year', '>=', filter.builtFrom)
    if (filter.builtTo !== undefined) q.where('c.built_year', '<=', filter.builtTo)
    if (filter.householdsMin !== undefined) q.where('c.households', '>=', filter.householdsMin)
    if (filter.householdsMax !== undefined) q.where('c.households', '<=', filter.householdsMax)
    return q
  }

  async list(
    filter: CompoundFilter,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; features: Feature<CompoundResponseProperties>[] }> {
    const [count, rows] = await Promise.all([
      this.base(filter).count<{ n: number }[]>('* as n'),
      this.base(filter)
        .select(compoundColumns(this.knex))
        .orderBy('c.id')
        .limit(page.limit)
        .offset(page.offset),
    ])
    return {
      total: count[0]?.n ?? 0,
      features: rows.map(({ geometry, ...p }: { geometry: string }) =>
        toFeature(p as CompoundResponseProperties, geometry),
      ),
    }
  }

  /** The street of a compound, or undefined when no (live) compound has the id. */
  async streetId(id: number): Promise<number | undefined> {
    const row = await this.knex('compounds as c')
      .join('communities as cm', 'cm.id', 'c.community_id')
      .where('c.id', id)
      .first('cm.street_id as streetId')
    return row ? Number(row.streetId) : undefined
  }

  async byId(id: number): Promise<Feature<CompoundResponseProperties> | undefined> {
    const row = await this.base({}).where('c.id', id).first(compoundColumns(this.knex))
    if (!row) return undefined
    const { geometry, ...p } = row
    return toFeature(p as CompoundResponseProperties, geometry)
  }
}

/** The properties of GET /api/v1/compounds/{id}, over `c` (a compound), `cm` (its community) and `s` (its street). */
export function compoundColumns(knex: Knex): (string | Knex.Raw)[] {
  return [
    'c.id',
    'c.code',
    'c.name',
    'c.address',
    'cm.code as communityCode',
    'cm.name as communityName',
    's.code as streetCode',
    's.name as streetName',
    'c.built_year as builtYear',
    'c.building_count as buildingCount',
    'c.households',
    'c.residents',
    'c.floor_area_m2 as floorAreaM2',
    'c.management_type as managementType',
    'c.on_old_register as onOldRegister',
    'c.renovation_status as renovationStatus',
    'c.renovation_year as renovationYear',
    'c.synthetic',
    'c.version',
    geometrySelect(knex, 'c.geom'),
  ]
}

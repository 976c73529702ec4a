// Coverage of old-compound renovation, aggregated in SQL with GROUP BY and FILTER.
import type { CoverageGroupBy, CoverageRow } from '@renewal-atlas/domain'
import type { Knex } from 'knex'

/** Constant SQL fragments of ours; nothing here comes from a request. */
const OLD = 'c.on_old_register'
const RENOVATED_OLD = "c.on_old_register and c.renovation_status = 'completed'"

export class StatsRepository {
  constructor(private readonly knex: Knex) {}

  async coverage(groupBy: CoverageGroupBy): Promise<CoverageRow[]> {
    switch (groupBy) {
      case 'district':
        return this.byArea(
          this.knex('districts as d')
            .leftJoin('streets as s', 's.district_id', 'd.id')
            .leftJoin('communities as cm', 'cm.street_id', 's.id'),
          'd',
        )
      case 'street':
        return this.byArea(
          this.knex('streets as s').leftJoin('communities as cm', 'cm.street_id', 's.id'),
          's',
        )
      case 'community':
        return this.byArea(this.knex('communities as cm'), 'cm')
      case 'year':
        return this.byYear()
    }
  }

  /** Counts per area; areas without compounds are rows of zeros, so every area of the map has a value. */
  private async byArea(areas: Knex.QueryBuilder, alias: 'd' | 's' | 'cm'): Promise<CoverageRow[]> {
    const k = this.knex
    return areas
      .leftJoin('compounds as c', 'c.community_id', 'cm.id')
      .groupBy(`${alias}.id`, `${alias}.code`, `${alias}.name`)
      .select(
        `${alias}.code as key`,
        `${alias}.name`,
        k.raw('count(c.id)::int as compounds'),
        k.raw(`(count(c.id) filter (where ${OLD}))::int as "oldCompounds"`),
        k.raw(`(count(c.id) filter (where ${RENOVATED_OLD}))::int as "renovatedOldCompounds"`),
        k.raw(
          `coalesce((count(c.id) filter (where ${RENOVATED_OLD}))::float8 / nullif(count(c.id) filter (where ${OLD}), 0), 0) as coverage`,
        ),
        k.raw('coalesce(sum(c.households), 0)::int as households'),
        k.raw(
          `coalesce(sum(c.households) filter (where ${RENOVATED_OLD}), 0)::int as "householdsBenefiting"`,
        ),
      )
      .orderBy(`${alias}.code`)
  }

  /**
   * One row per renovation year, over the compounds renovated that year; coverage is cumulative: the
   * share of all old compounds renovated by the end of that year.
   */
  private async byYear(): Promise<CoverageRow[]> {
    const k = this.knex
    const oldTotal = k('compounds as c').whereRaw(OLD).count('*')
    return k('compounds as c')
      .whereNotNull('c.renovation_year')
      .groupBy('c.renovation_year')
      .select(
        k.raw('c.renovation_year::text as key'),
        k.raw('c.renovation_year::text as name'),
        k.raw('count(*)::int as compounds'),
        k.raw(`(count(*) filter (where ${OLD}))::int as "oldCompounds"`),
        k.raw(`(count(*) filter (where ${RENOVATED_OLD}))::int as "renovatedOldCompounds"`),
        k.raw(
          `coalesce(sum(count(*) filter (where ${RENOVATED_OLD})) over (order by c.renovation_year)::float8 / nullif((?), 0), 0) as coverage`,
          [oldTotal],
        ),
        k.raw('coalesce(sum(c.households), 0)::int as households'),
        k.raw(
          `coalesce(sum(c.households) filter (where ${RENOVATED_OLD}), 0)::int as "householdsBenefiting"`,
        ),
      )
      .orderBy('c.renovation_year')
  }
}

// Retrofit statistics, aggregated in SQL with GROUP BY, FILTER and window functions. Every value from a request
// is a binding; the SQL text is made only of the constant fragments below and column names chosen in code.
import {
  type BuildEraRow,
  type ContentGroupBy,
  type ContentRow,
  type CoverageGroupBy,
  type CoverageRow,
  type FundingGroupBy,
  type FundingRow,
  itemCategory,
  itemType,
  type ProgressRow,
  type RenovationTarget,
  type ReviewRow,
} from '@renewal-atlas/domain'
import type { Knex } from 'knex'

/** The statistics filter once the service has resolved the street code to its id. */
export interface ScopeFilter {
  streetId?: number | undefined
  yearFrom?: number | undefined
  yearTo?: number | undefined
}

/** A district's identity and its policy cut-off year. */
export interface DistrictInfo {
  id: number
  code: string
  name: string
  cutoffYear: number
}

/** Figures behind the headline, each at the end of the as-of year and of the year before. */
export interface HeadlineCounts {
  compounds: number
  compoundsPrevious: number
  oldCompounds: number
  renovatedOldCompounds: number
  renovatedOldCompoundsPrevious: number
  coverage: number
  coveragePrevious: number
  householdsBenefiting: number
  householdsBenefitingPrevious: number
  residentsBenefiting: number
  residentsBenefitingPrevious: number
  floorAreaRenovatedM2: number
  floorAreaRenovatedM2Previous: number
}

/** The target line of the progress chart: 0 at `fromYear`, `compounds` at `toYear`. */
export interface TargetLine {
  fromYear: number
  toYear: number
  compounds: number
}

/**
 * Open bounds of a renovation-year range: the whole smallint range of compounds.renovation_year, so that
 * "no bound" is the same SQL text with a wider binding.
 */
const NO_YEAR_BEFORE = -32768
const NO_YEAR_AFTER = 32767

const OLD = 'c.on_old_register'
/** An old compound renovated within the year range bound to the next two `?`. */
const RENOVATED_OLD_IN =
  "c.on_old_register and c.renovation_status = 'completed' and c.renovation_year between ? and ?"
/** A project's year: its completion year, or while under way its start year; null while only planned. */
const PROJECT_YEAR = 'extract(year from coalesce(p.completion_date, p.start_date))'

const yearRange = (f: ScopeFilter): [number, number] => [
  f.yearFrom ?? NO_YEAR_BEFORE,
  f.yearTo ?? NO_YEAR_AFTER,
]

export class StatsRepository {
  constructor(private readonly knex: Knex) {}

  async streetId(code: string): Promise<number | undefined> {
    return (await this.knex('streets').where({ code }).first('id'))?.id
  }

  async communityId(code: string): Promise<number | undefined> {
    return (await this.knex('communities').where({ code }).first('id'))?.id
  }

  /** The street's district, or without a street the (first) district of the database. */
  async district(streetId?: number): Promise<DistrictInfo | undefined> {
    const q = this.knex('districts as d').orderBy('d.id')
    if (streetId !== undefined) q.join('streets as s', 's.district_id', 'd.id').where('s.id', streetId)
    return q.first('d.id', 'd.code', 'd.name', 'd.old_compound_cutoff_year as cutoffYear')
  }

  /** First and latest renovation year on record, over the whole database. */
  async renovationYears(): Promise<{ first: number | null; last: number | null }> {
    const row = await this.knex('compounds as c')
      .where('c.renovation_status', 'completed')
      .first(
        this.knex.raw('min(c.renovation_year)::int as "first"'),
        this.knex.raw('max(c.renovation_year)::int as "last"'),
      )
    return { first: row?.first ?? null, last: row?.last ?? null }
  }

  /** Whether any compound is synthetic (the demo data set), so reports can say so. */
  async hasSyntheticCompounds(): Promise<boolean> {
    const row = await this.knex('compounds').where('synthetic', true).first(this.knex.raw('1 as found'))
    return row !== undefined
  }

  /** Compounds joined to their community, narrowed to the filter's street. */
  private compounds(f: ScopeFilter): Knex.QueryBuilder {
    const q = this.knex('compounds as c').join('communities as cm', 'cm.id', 'c.community_id')
    if (f.streetId !== undefined) q.where('cm.street_id', f.streetId)
    return q
  }

  // ---- coverage ----

  async coverage(groupBy: CoverageGroupBy, f: ScopeFilter): Promise<CoverageRow[]> {
    const k = this.knex
    switch (groupBy) {
      case 'district': {
        const areas = k('districts as d')
          .leftJoin('streets as s', 's.district_id', 'd.id')
          .leftJoin('communities as cm', 'cm.street_id', 's.id')
        if (f.streetId !== undefined) areas.where('s.id', f.streetId)
        return this.byArea(areas, 'd', f)
      }
      case 'street': {
        const areas = k('streets as s').leftJoin('communities as cm', 'cm.street_id', 's.id')
        if (f.streetId !== undefined) areas.where('s.id', f.streetId)
        return this.byArea(areas, 's', f)
      }
      case 'community': {
        const areas = k('communities as cm')
        if (f.streetId !== undefined) areas.where('cm.street_id', f.streetId)
        return this.byArea(areas, 'cm', f)
      }
      case 'year':
        return this.byYear(f)
    }
  }

  /**
   * Counts per area; areas without compounds are rows of zeros, so every area of the map has a value.
   * Stock counts take every compound, renovation counts only those renovated within the year range.
   */
  private async byArea(areas: Knex.QueryBuilder, alias: 'd' | 's' | 'cm', f: ScopeFilter) {
    const k = this.knex
    const range = yearRange(f)
    return areas
      .leftJoin('compounds as c', 'c.community_id', 'cm.id')
      .groupBy(`${alias}.id`, `${alias}.code`, `${alias}.name`)
      .select(
        `${alias}.code as key`,
        `${alias}.name`,
        k.raw('count(c.id)::int as compounds'),
        k.raw(`(count(c.id) filter (where ${OLD}))::int as "oldCompounds"`),
        k.raw(`(count(c.id) filter (where ${RENOVATED_OLD_IN}))::int as "renovatedOldCompounds"`, range),
        k.raw(
          `coalesce((count(c.id) filter (where ${RENOVATED_OLD_IN}))::float8 / nullif(count(c.id) filter (where ${OLD}), 0), 0) as coverage`,
          range,
        ),
        k.raw('coalesce(sum(c.households), 0)::int as households'),
        k.raw(
          `coalesce(sum(c.households) filter (where ${RENOVATED_OLD_IN}), 0)::int as "householdsBenefiting"`,
          range,
        ),
      )
      .orderBy(`${alias}.code`)
  }

  /**
   * One row per renovation year within the range, over the compounds renovated that year. Coverage is
   * cumulative from the first year counted: the share of the old compounds renovated by the end of that year.
   */
  private async byYear(f: ScopeFilter): Promise<CoverageRow[]> {
    const k = this.knex
    const range = yearRange(f)
    const oldTotal = this.compounds(f).whereRaw(OLD).count('*')
    const rows = await this.compounds(f)
      .where('c.renovation_status', 'completed')
      .whereBetween('c.renovation_year', range)
      .groupBy('c.renovation_year')
      .select(
        k.raw('c.renovation_year::text as key'),
        k.raw('c.renovation_year::text as name'),
        k.raw('count(*)::int as compounds'),
        k.raw(`(count(*) filter (where ${OLD}))::int as "oldCompounds"`),
        k.raw(`(count(*) filter (where ${OLD}))::int as "renovatedOldCompounds"`),
        k.raw(
          `coalesce(sum(count(*) filter (where ${OLD})) over (order by c.renovation_year)::float8 / nullif((?), 0), 0) as coverage`,
          [oldTotal],
        ),
        k.raw('coalesce(sum(c.households), 0)::int as households'),
        k.raw(`coalesce(sum(c.households) filter (where ${OLD}), 0)::int as "householdsBenefiting"`),
      )
      .orderBy('c.renovation_year')
    return rows
  }

  // ---- headline figures ----

  /** Stock and renovation figures as of the end of `asOfYear` and of the year before. */
  async headline(f: ScopeFilter, asOfYear: number): Promise<HeadlineCounts> {
    const k = this.knex
    const previousYear = asOfYear - 1
    const from = f.yearFrom ?? NO_YEAR_BEFORE
    const now = [from, asOfYear]
    const before = [from, previousYear]
    const renovated = `count(*) filter (where ${RENOVATED_OLD_IN})`
    const sumOf = (column: string) => `coalesce(sum(${column}) filter (where ${RENOVATED_OLD_IN}), 0)`
    return this.compounds(f).first(
      k.raw('count(*)::int as compounds'),
      // A compound without a build year is taken to have existed a year ago.
      k.raw(
        '(count(*) filter (where c.built_year <= ? or c.built_year is null))::int as "compoundsPrevious"',
        [previousYear],
      ),
      k.raw(`(count(*) filter (where ${OLD}))::int as "oldCompounds"`),
      k.raw(`(${renovated})::int as "renovatedOldCompounds"`, now),
      k.raw(`(${renovated})::int as "renovatedOldCompoundsPrevious"`, before),
      // The register carries no dates: both coverages divide by today's register.
      k.raw(
        `coalesce((${renovated})::float8 / nullif(count(*) filter (where ${OLD}), 0), 0) as coverage`,
        now,
      ),
      k.raw(
        `coalesce((${renovated})::float8 / nullif(count(*) filter (where ${OLD}), 0), 0) as "coveragePrevious"`,
        before,
      ),
      k.raw(`${sumOf('c.households')}::int as "householdsBenefiting"`, now),
      k.raw(`${sumOf('c.households')}::int as "householdsBenefitingPrevious"`, before),
      k.raw(`${sumOf('c.residents')}::int as "residentsBenefiting"`, now),
      k.raw(`${sumOf('c.residents')}::int as "residentsBenefitingPrevious"`, before),
      k.raw(`${sumOf('c.floor_area_m2')}::float8 as "floorAreaRenovatedM2"`, now),
      k.raw(`${sumOf('c.floor_area_m2')}::float8 as "floorAreaRenovatedM2Previous"`, before),
    )
  }

  // ---- progress against the target ----

  async oldCompounds(f: ScopeFilter): Promise<number> {
    const row = await this.compounds(f).whereRaw(OLD).first(this.knex.raw('count(*)::int as n'))
    return row?.n ?? 0
  }

  /** First year an old compound was renovated within the filter, up to `asOfYear`; null if none was. */
  async firstRenovationYear(f: ScopeFilter, asOfYear: number): Promise<number | null> {
    const row = await this.compounds(f)
      .whereRaw(RENOVATED_OLD_IN, [f.yearFrom ?? NO_YEAR_BEFORE, asOfYear])
      .first(this.knex.raw('min(c.renovation_year)::int as year'))
    return row?.year ?? null
  }

  /** Every year from `firstYear` to `lastYear` (gaps as zeros) with per-year and running totals. */
  async progressRows(
    f: ScopeFilter,
    firstYear: number,
    lastYear: number,
    oldCompounds: number,
    line: TargetLine | null,
  ): Promise<ProgressRow[]> {
    const k = this.knex
    // The first row may come before yearFrom (a filter without renovations): count nothing before yearFrom.
    const renovated = this.compounds(f)
      .whereRaw(RENOVATED_OLD_IN, [Math.max(firstYear, f.yearFrom ?? NO_YEAR_BEFORE), lastYear])
      .groupBy('c.renovation_year')
      .select('c.renovation_year as year', k.raw('count(*) as n'), k.raw('sum(c.households) as households'))
    const running = (column: string) => `sum(coalesce(r.${column}, 0)) over (order by y.year)`
    return k
      .with('renovated', renovated)
      .from(k.raw('generate_series(?::int, ?::int) as y(year)', [firstYear, lastYear]))
      .leftJoin('renovated as r', 'r.year', 'y.year')
      .select(
        'y.year',
        k.raw('coalesce(r.n, 0)::int as "renovatedOldCompounds"'),
        k.raw('coalesce(r.households, 0)::int as "householdsBenefiting"'),
        k.raw(`(${running('n')})::int as "cumulativeRenovatedOldCompounds"`),
        k.raw(`(${running('households')})::int as "cumulativeHouseholdsBenefiting"`),
        k.raw(`coalesce((${running('n')})::float8 / nullif(?::int, 0), 0) as coverage`, [oldCompounds]),
        line
          ? // Straight line from 0 at line.fromYear to line.compounds at line.toYear; nothing after it.
            k.raw('case when y.year <= ? then ?::float8 * (y.year - ?) / ? end as "targetCumulative"', [
              line.toYear,
              line.compounds,
              line.fromYear,
              line.toYear - line.fromYear,
            ])
          : k.raw('null::float8 as "targetCumulative"'),
      )
      .orderBy('y.year')
  }

  private targetColumns() {
    return [
      'id',
      'target_year as year',
      'old_compound_share as oldCompoundShare',
      'name',
      'name_en as nameEn',
      'synthetic',
    ]
  }

  /** Targets of the district, soonest first. */
  async targets(districtId: number): Promise<RenovationTarget[]> {
    return this.knex('renovation_targets')
      .where('district_id', districtId)
      .select(this.targetColumns())
      .orderBy([{ column: 'target_year' }, { column: 'id' }])
  }

  /** The earliest target due in or after `asOfYear`, else the latest one; null without targets. */
  async targetFor(districtId: number, asOfYear: number): Promise<RenovationTarget | null> {
    const row = await this.knex('renovation_targets')
      .where('district_id', districtId)
      .select(this.targetColumns())
      // Targets not yet past first (false sorts before true), the soonest of them; else the latest past one.
      .orderByRaw(
        '(target_year < ?), case when target_year >= ? then target_year else -target_year end, id',
        [asOfYear, asOfYear],
      )
      .first()
    return row ?? null
  }

  // ---- renovation content and funding ----

  /**
   * Projects counted under the filter, each with one street: that of its compound (the first by code if it
   * covers several), so that no project is counted in two streets and street rows add up to the district.
   * With a year range, a project counts when its year is in the range; planned projects have no year.
   */
  private countedProjects(f: ScopeFilter): Knex.QueryBuilder {
    const k = this.knex
    const homes = k('renovation_project_compounds as rpc')
      .join('compounds as c', 'c.id', 'rpc.compound_id')
      .join('communities as cm', 'cm.id', 'c.community_id')
      .distinctOn('rpc.project_id')
      .select('rpc.project_id', 'cm.street_id')
      .orderBy('rpc.project_id')
      .orderByRaw('c.code collate "C"')
    const q = k
      .from(homes.as('h'))
      .join('renovation_projects as p', 'p.id', 'h.project_id')
      .select('h.project_id', 'h.street_id')
    if (f.streetId !== undefined) q.where('h.street_id', f.streetId)
    if (f.yearFrom !== undefined || f.yearTo !== undefined) {
      q.whereRaw(`${PROJECT_YEAR} between ? and ?`, yearRange(f))
    }
    return q
  }

  async content(groupBy: ContentGroupBy, f: ScopeFilter): Promise<ContentRow[]> {
    const k = this.knex
    const byCategory = groupBy === 'category'
    const key = byCategory ? 'i.category' : 'i.item_type'
    const rows: Omit<ContentRow, 'name'>[] = await k
      .with('counted', this.countedProjects(f))
      .from('renovation_items as i')
      .join('counted', 'counted.project_id', 'i.project_id')
      .groupBy(key)
      .select(
        `${key} as key`,
        // An item type filed under several categories is shown under the one it is filed under most.
        byCategory
          ? 'i.category as category'
          : k.raw('mode() within group (order by i.category) as category'),
        k.raw('count(*)::int as items'),
        k.raw('count(distinct i.project_id)::int as projects'),
        k.raw('sum(i.cost_yuan)::float8 as "costYuan"'),
        k.raw(
          'coalesce(sum(i.cost_yuan)::float8 / nullif((sum(sum(i.cost_yuan)) over ())::float8, 0), 0) as "costShare"',
        ),
      )
      .orderBy('costYuan', 'desc')
      .orderByRaw(`${key} collate "C"`)
    const labels: Readonly<Record<string, { zh: string }>> = byCategory
      ? itemCategory.labels
      : itemType.labels
    return rows.map(({ key, ...r }) => ({ key, name: labels[key]?.zh ?? key, ...r }))
  }

  async funding(groupBy: FundingGroupBy, f: ScopeFilter): Promise<FundingRow[]> {
    const k = this.knex
    const bySource = (source: string, alias: string) =>
      k.raw(`coalesce(sum(f.amount_yuan) filter (where f.source = ?), 0)::float8 as ??`, [source, alias])
    const sums = [
      k.raw('count(distinct counted.project_id)::int as projects'),
      bySource('fiscal', 'fiscal'),
      bySource('enterprise', 'enterprise'),
      bySource('residents', 'residents'),
      bySource('social_capital', 'socialCapital'),
      k.raw('coalesce(sum(f.amount_yuan), 0)::float8 as total'),
    ]
    const q = k.with('counted', this.countedProjects(f))
    if (groupBy === 'district') {
      q.from('districts as d')
        .leftJoin('streets as s', 's.district_id', 'd.id')
        .groupBy('d.id', 'd.code', 'd.name')
        .select('d.code as key', 'd.name', ...sums)
        .orderBy('d.code')
    } else {
      // Every street, those without counted projects as zeros; only the filter's street when one is given.
      q.from('streets as s')
        .groupBy('s.id', 's.code', 's.name')
        .select('s.code as key', 's.name', ...sums)
        .orderBy('s.code')
      if (f.streetId !== undefined) q.where('s.id', f.streetId)
    }
    return q
      .leftJoin('counted', 'counted.street_id', 's.id')
      .leftJoin('project_funding as f', 'f.project_id', 'counted.project_id')
  }

  // ---- build era and the review list ----

  /** Compounds by build decade (the year range does not apply); `cutoffYear` decides the review column. */
  async buildEra(f: ScopeFilter, cutoffYear: number): Promise<BuildEraRow[]> {
    const k = this.knex
    // Integer division: build years are positive, so this is floor(built_year / 10) * 10.
    const decades = this.compounds(f).select(
      k.raw('c.built_year / 10 * 10 as decade'),
      'c.built_year',
      'c.on_old_register',
      'c.renovation_status',
      'c.households',
    )
    return k
      .from(decades.as('c'))
      .groupBy('c.decade')
      .select(
        k.raw("coalesce(c.decade::text, 'unknown') as key"),
        k.raw("case when c.decade is null then '未知' else concat(c.decade, '–', c.decade + 9) end as name"),
        k.raw('count(*)::int as compounds'),
        k.raw(`(count(*) filter (where ${OLD}))::int as "oldCompounds"`),
        k.raw(
          `(count(*) filter (where ${OLD} and c.renovation_status = 'completed'))::int as "renovatedOldCompounds"`,
        ),
        k.raw(
          '(count(*) filter (where not c.on_old_register and c.built_year <= ?))::int as "beforeCutoffNotOnRegister"',
          [cutoffYear],
        ),
        k.raw('coalesce(sum(c.households), 0)::int as households'),
      )
      .orderByRaw('c.decade nulls last')
  }

  /** Compounds built no later than the cut-off year but not on the register: oldest first, then by code. */
  async reviewList(
    filter: { streetId?: number | undefined; communityId?: number | undefined; cutoffYear: number },
    page: { limit: number; offset: number } | undefined,
  ): Promise<{ total: number; rows: ReviewRow[] }> {
    const k = this.knex
    const base = k('compounds as c')
      .join('communities as cm', 'cm.id', 'c.community_id')
      .join('streets as s', 's.id', 'cm.street_id')
      .whereNot('c.on_old_register', true)
      .where('c.built_year', '<=', filter.cutoffYear)
    if (filter.streetId !== undefined) base.where('s.id', filter.streetId)
    if (filter.communityId !== undefined) base.where('cm.id', filter.communityId)
    const rows = base
      .clone()
      .select(
        'c.id',
        'c.code',
        'c.name',
        'c.address',
        's.code as streetCode',
        's.name as streetName',
        'cm.code as communityCode',
        'cm.name as communityName',
        'c.built_year as builtYear',
        'c.building_count as buildingCount',
        'c.households',
        'c.renovation_status as renovationStatus',
      )
      .orderBy('c.built_year')
      .orderByRaw('c.code collate "C"')
    if (page) rows.limit(page.limit).offset(page.offset)
    const [count, list] = await Promise.all([base.clone().first(k.raw('count(*)::int as n')), rows])
    return { total: count?.n ?? 0, rows: list }
  }
}

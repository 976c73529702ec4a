// Every statistics figure, recomputed in TypeScript straight from the committed files in data/jinjiang (no
// database), must be what the API answers on each backend: for the whole district, for one street, for a
// year range, for both together, and for a street with no old compounds at all.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  type BuildEraResponse,
  type CompoundProperties,
  type ContentGroupBy,
  type ContentResponse,
  type ContentRow,
  type CoverageGroupBy,
  type CoverageResponse,
  type CoverageRow,
  type DistrictProperties,
  datasetFiles,
  type FundingGroupBy,
  type FundingResponse,
  type FundingRow,
  type HeadlineFigure,
  itemCategory,
  itemType,
  type ProgressResponse,
  type ProgressRow,
  type ProjectRecord,
  type ReviewListResponse,
  type StatsFilter,
  type StatsSettingsResponse,
  type SummaryResponse,
} from '@renewal-atlas/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { startTestApp, type TestApp } from '../support/app.ts'
import { backends } from '../support/backends.ts'

// ---- the committed data set, read and checked with its own schemas ----

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/jinjiang')
function read<K extends keyof typeof datasetFiles>(key: K) {
  const { file, schema } = datasetFiles[key]
  return schema.parse(JSON.parse(readFileSync(path.join(dataDir, file), 'utf8'))) as z.infer<
    (typeof datasetFiles)[K]['schema']
  >
}
const district = read('district').features[0]?.properties as DistrictProperties
const streets = read('streets')
  .features.map((f) => f.properties)
  .sort((a, b) => byCode(a.code, b.code))
const communities = read('communities')
  .features.map((f) => f.properties)
  .sort((a, b) => byCode(a.code, b.code))
const compounds = read('compounds').features.map((f) => f.properties)
const projects = read('projects')
const targets = read('targets')

const streetOfCommunity = new Map(communities.map((c) => [c.code, c.streetCode]))
const compoundByCode = new Map(compounds.map((c) => [c.code, c]))
const streetOf = (c: CompoundProperties) => streetOfCommunity.get(c.communityCode)

/** Code-point order, as `collate "C"` in the database. */
function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
const total = <T>(xs: readonly T[], value: (x: T) => number) => xs.reduce((s, x) => s + value(x), 0)
const inYears = (year: number | null, from = -Infinity, to = Infinity) =>
  year !== null && year >= from && year <= to
const renovatedOld = (c: CompoundProperties, from?: number, to?: number) =>
  c.onOldRegister && c.renovationStatus === 'completed' && inYears(c.renovationYear, from, to)
const inStreet = (f: StatsFilter) => (c: CompoundProperties) => !f.street || streetOf(c) === f.street
const renovationYears = compounds.flatMap((c) =>
  c.renovationStatus === 'completed' && c.renovationYear !== null ? [c.renovationYear] : [],
)
const firstRenovationYear = Math.min(...renovationYears)
const lastRenovationYear = Math.max(...renovationYears)

// ---- the figures, recomputed ----

function coverageRow(key: string, name: string, cs: CompoundProperties[], f: StatsFilter): CoverageRow {
  const old = cs.filter((c) => c.onOldRegister).length
  const renovated = cs.filter((c) => renovatedOld(c, f.yearFrom, f.yearTo))
  return {
    key,
    name,
    compounds: cs.length,
    oldCompounds: old,
    renovatedOldCompounds: renovated.length,
    coverage: old ? renovated.length / old : 0,
    households: total(cs, (c) => c.households),
    householdsBenefiting: total(renovated, (c) => c.households),
  }
}

function coverage(groupBy: CoverageGroupBy, f: StatsFilter): CoverageResponse {
  const cs = compounds.filter(inStreet(f))
  const ownStreets = streets.filter((s) => !f.street || s.code === f.street)
  switch (groupBy) {
    case 'district':
      return { groupBy, rows: [coverageRow(district.code, district.name, cs, f)] }
    case 'street':
      return {
        groupBy,
        rows: ownStreets.map((s) =>
          coverageRow(
            s.code,
            s.name,
            cs.filter((c) => streetOf(c) === s.code),
            f,
          ),
        ),
      }
    case 'community':
      return {
        groupBy,
        rows: communities
          .filter((cm) => !f.street || cm.streetCode === f.street)
          .map((cm) =>
            coverageRow(
              cm.code,
              cm.name,
              cs.filter((c) => c.communityCode === cm.code),
              f,
            ),
          ),
      }
    case 'year': {
      const old = cs.filter((c) => c.onOldRegister).length
      const done = cs.filter(
        (c) => c.renovationStatus === 'completed' && inYears(c.renovationYear, f.yearFrom, f.yearTo),
      )
      const years = [...new Set(done.map((c) => c.renovationYear as number))].sort((a, b) => a - b)
      let cumulative = 0
      return {
        groupBy,
        rows: years.map((year) => {
          const that = done.filter((c) => c.renovationYear === year)
          const oldThat = that.filter((c) => c.onOldRegister)
          cumulative += oldThat.length
          return {
            key: String(year),
            name: String(year),
            compounds: that.length,
            oldCompounds: oldThat.length,
            renovatedOldCompounds: oldThat.length,
            coverage: old ? cumulative / old : 0,
            households: total(that, (c) => c.households),
            householdsBenefiting: total(oldThat, (c) => c.households),
          }
        }),
      }
    }
  }
}

const asOf = (f: StatsFilter) => f.yearTo ?? lastRenovationYear

function figure(key: HeadlineFigure['key'], value: number, previous: number | null): HeadlineFigure {
  const change = previous === null ? null : value - previous
  return {
    key,
    value,
    previous,
    change,
    changeRatio: change === null || previous === 0 ? null : change / (previous as number),
  }
}

function summary(f: StatsFilter): SummaryResponse {
  const asOfYear = asOf(f)
  const previousYear = asOfYear - 1
  const cs = compounds.filter(inStreet(f))
  const old = cs.filter((c) => c.onOldRegister).length
  const now = cs.filter((c) => renovatedOld(c, f.yearFrom, asOfYear))
  const before = cs.filter((c) => renovatedOld(c, f.yearFrom, previousYear))
  const both = (key: 'householdsBenefiting' | 'residentsBenefiting' | 'floorAreaRenovatedM2') => {
    const value = {
      householdsBenefiting: 'households',
      residentsBenefiting: 'residents',
      floorAreaRenovatedM2: 'floorAreaM2',
    } as const
    return figure(
      key,
      total(now, (c) => c[value[key]]),
      total(before, (c) => c[value[key]]),
    )
  }
  return {
    asOfYear,
    previousYear,
    rows: [
      figure('compounds', cs.length, cs.filter((c) => c.builtYear <= previousYear).length),
      figure('oldCompounds', old, null),
      figure('renovatedOldCompounds', now.length, before.length),
      figure('coverage', old ? now.length / old : 0, old ? before.length / old : 0),
      both('householdsBenefiting'),
      both('residentsBenefiting'),
      both('floorAreaRenovatedM2'),
    ],
  }
}

/** Targets as the API shows them, in file order (their ids are the load order). */
const apiTargets = targets.map((t, i) => ({
  id: i + 1,
  year: t.year,
  oldCompoundShare: t.oldCompoundShare,
  name: t.name,
  nameEn: t.nameEn,
  synthetic: t.synthetic,
}))

function progress(f: StatsFilter): ProgressResponse {
  const asOfYear = asOf(f)
  const cs = compounds.filter(inStreet(f))
  const old = cs.filter((c) => c.onOldRegister).length
  const counted = cs.filter((c) => renovatedOld(c, f.yearFrom, asOfYear))
  const firstYear = counted.length
    ? Math.min(...counted.map((c) => c.renovationYear as number))
    : Math.min(Math.max(firstRenovationYear, f.yearFrom ?? -Infinity), asOfYear)
  const byYear = [...apiTargets].sort((a, b) => a.year - b.year || a.id - b.id)
  const target = byYear.find((t) => t.year >= asOfYear) ?? byYear.at(-1) ?? null
  const targetCompounds = target ? Math.ceil(target.oldCompoundShare * old) : null
  const rows: ProgressRow[] = []
  let cumulative = 0
  let cumulativeHouseholds = 0
  for (let year = firstYear; year <= asOfYear; year++) {
    const that = counted.filter((c) => c.renovationYear === year)
    cumulative += that.length
    cumulativeHouseholds += total(that, (c) => c.households)
    const span = target ? target.year - (firstYear - 1) : 0
    rows.push({
      year,
      renovatedOldCompounds: that.length,
      householdsBenefiting: total(that, (c) => c.households),
      cumulativeRenovatedOldCompounds: cumulative,
      cumulativeHouseholdsBenefiting: cumulativeHouseholds,
      coverage: old ? cumulative / old : 0,
      targetCumulative:
        target && targetCompounds !== null && span > 0 && year <= target.year
          ? (targetCompounds * (year - (firstYear - 1))) / span
          : null,
    })
  }
  const last3 = rows.slice(-3)
  const recentPerYear = last3.length ? total(last3, (r) => r.renovatedOldCompounds) / last3.length : 0
  return {
    oldCompounds: old,
    target,
    targetCompounds,
    requiredPerYear:
      target && targetCompounds !== null && target.year > asOfYear
        ? Math.max(0, targetCompounds - cumulative) / (target.year - asOfYear)
        : null,
    recentPerYear,
    asOfYear,
    rows,
    outlook: outlook(target, targetCompounds, firstYear, asOfYear, cumulative, recentPerYear),
  }
}

/**
 * The outlook, worked out year by year rather than by formula: the straight-line path today, and the first year
 * whose end reaches the target if the recent pace goes on (within a century).
 */
function outlook(
  target: ProgressResponse['target'],
  targetCompounds: number | null,
  firstYear: number,
  asOfYear: number,
  cumulative: number,
  perYear: number,
): ProgressResponse['outlook'] {
  if (!target || targetCompounds === null) {
    return {
      cumulative,
      pathToday: null,
      gapToPath: null,
      standing: null,
      remaining: null,
      reachYear: null,
      inTime: null,
      verdict: 'noTarget',
      tone: 'neutral',
    }
  }
  const pathToday =
    target.year <= asOfYear
      ? targetCompounds
      : (targetCompounds * (asOfYear - (firstYear - 1))) / (target.year - (firstYear - 1))
  const gapToPath = Math.round(cumulative - pathToday)
  const standing = gapToPath > 0 ? 'ahead' : gapToPath < 0 ? 'behind' : 'on'
  const remaining = Math.max(0, targetCompounds - cumulative)
  let reachYear: number | null = null
  for (let year = asOfYear + 1; remaining > 0 && perYear > 0 && year <= asOfYear + 100; year++) {
    if (cumulative + perYear * (year - asOfYear) >= targetCompounds - 1e-9) {
      reachYear = year
      break
    }
  }
  const facts = { cumulative, pathToday, gapToPath, standing, remaining, reachYear } as const
  if (remaining === 0) return { ...facts, inTime: true, verdict: 'met', tone: 'good' }
  if (target.year <= asOfYear) return { ...facts, inTime: false, verdict: 'missed', tone: 'bad' }
  const inTime = reachYear !== null && reachYear <= target.year
  if (standing === 'behind') {
    return inTime
      ? { ...facts, inTime, verdict: 'catchingUp', tone: 'warning' }
      : { ...facts, inTime, verdict: 'behind', tone: 'bad' }
  }
  return inTime
    ? { ...facts, inTime, verdict: 'onTrack', tone: 'good' }
    : { ...facts, inTime, verdict: 'slowing', tone: 'bad' }
}

/** A project's street: that of its compound, the first by code if it has several. */
function projectStreet(p: ProjectRecord): string | undefined {
  const [first] = [...p.compoundCodes].sort(byCode)
  const compound = first === undefined ? undefined : compoundByCode.get(first)
  return compound && streetOf(compound)
}

function countedProjects(f: StatsFilter): ProjectRecord[] {
  const ranged = f.yearFrom !== undefined || f.yearTo !== undefined
  return projects.filter((p) => {
    if (f.street && projectStreet(p) !== f.street) return false
    if (!ranged) return true
    const date = p.completionDate ?? p.startDate
    return date !== null && inYears(Number(date.slice(0, 4)), f.yearFrom, f.yearTo)
  })
}

function content(groupBy: ContentGroupBy, f: StatsFilter): ContentResponse {
  const groups = new Map<
    string,
    { items: number; projects: Set<string>; cost: number; categories: Map<string, number> }
  >()
  for (const p of countedProjects(f))
    for (const item of p.items) {
      const key = groupBy === 'category' ? item.category : item.itemType
      const g = groups.get(key) ?? { items: 0, projects: new Set(), cost: 0, categories: new Map() }
      g.items++
      g.projects.add(p.code)
      g.cost += item.costYuan
      g.categories.set(item.category, (g.categories.get(item.category) ?? 0) + 1)
      groups.set(key, g)
    }
  const allCost = total([...groups.values()], (g) => g.cost)
  const labels: Record<string, { zh: string }> =
    groupBy === 'category' ? itemCategory.labels : itemType.labels
  const rows: ContentRow[] = [...groups].map(([key, g]) => {
    // The category an item type is filed under most often; ties go to the first category by name.
    const [category] = [...g.categories].sort((a, b) => b[1] - a[1] || byCode(a[0], b[0]))[0] as [
      string,
      number,
    ]
    return {
      key,
      name: labels[key]?.zh ?? key,
      category,
      items: g.items,
      projects: g.projects.size,
      costYuan: g.cost,
      costShare: allCost ? g.cost / allCost : 0,
    }
  })
  rows.sort((a, b) => b.costYuan - a.costYuan || byCode(a.key, b.key))
  return { groupBy, rows }
}

function fundingRow(key: string, name: string, ps: ProjectRecord[]): FundingRow {
  const of = (source: string) =>
    total(ps, (p) =>
      total(
        p.funding.filter((x) => x.source === source),
        (x) => x.amountYuan,
      ),
    )
  return {
    key,
    name,
    projects: ps.length,
    fiscal: of('fiscal'),
    enterprise: of('enterprise'),
    residents: of('residents'),
    socialCapital: of('social_capital'),
    total: total(ps, (p) => total(p.funding, (x) => x.amountYuan)),
  }
}

function funding(groupBy: FundingGroupBy, f: StatsFilter): FundingResponse {
  const counted = countedProjects(f)
  if (groupBy === 'district') return { groupBy, rows: [fundingRow(district.code, district.name, counted)] }
  return {
    groupBy,
    rows: streets
      .filter((s) => !f.street || s.code === f.street)
      .map((s) =>
        fundingRow(
          s.code,
          s.name,
          counted.filter((p) => projectStreet(p) === s.code),
        ),
      ),
  }
}

function buildEra(f: StatsFilter): BuildEraResponse {
  const cutoffYear = district.oldCompoundCutoffYear
  const cs = compounds.filter(inStreet(f))
  const decades = [...new Set(cs.map((c) => Math.floor(c.builtYear / 10) * 10))].sort((a, b) => a - b)
  return {
    cutoffYear,
    rows: decades.map((decade) => {
      const that = cs.filter((c) => Math.floor(c.builtYear / 10) * 10 === decade)
      return {
        key: String(decade),
        name: `${decade}–${decade + 9}`,
        compounds: that.length,
        oldCompounds: that.filter((c) => c.onOldRegister).length,
        renovatedOldCompounds: that.filter((c) => renovatedOld(c)).length,
        beforeCutoffNotOnRegister: that.filter((c) => !c.onOldRegister && c.builtYear <= cutoffYear).length,
        households: total(that, (c) => c.households),
      }
    }),
  }
}

type ReviewRowWithoutId = Omit<ReviewListResponse['rows'][number], 'id'>

function reviewList(f: { street?: string; community?: string; cutoffYear?: number }) {
  const cutoffYear = f.cutoffYear ?? district.oldCompoundCutoffYear
  const communityByCode = new Map(communities.map((c) => [c.code, c]))
  const streetByCode = new Map(streets.map((s) => [s.code, s]))
  const rows: ReviewRowWithoutId[] = compounds
    .filter((c) => inStreet(f)(c) && (!f.community || c.communityCode === f.community))
    .filter((c) => !c.onOldRegister && c.builtYear <= cutoffYear)
    .sort((a, b) => a.builtYear - b.builtYear || byCode(a.code, b.code))
    .map((c) => {
      const community = communityByCode.get(c.communityCode)
      const street = streetByCode.get(community?.streetCode ?? '')
      return {
        code: c.code,
        name: c.name,
        address: c.address,
        streetCode: street?.code ?? '',
        streetName: street?.name ?? '',
        communityCode: c.communityCode,
        communityName: community?.name ?? '',
        builtYear: c.builtYear,
        buildingCount: c.buildingCount,
        households: c.households,
        renovationStatus: c.renovationStatus,
      }
    })
  return { cutoffYear, rows }
}

function settings(): StatsSettingsResponse {
  return {
    oldCompoundCutoffYear: district.oldCompoundCutoffYear,
    nationalCutoffYear: 2000,
    targets: apiTargets,
    yearRange: { first: firstRenovationYear, last: lastRenovationYear },
    syntheticData: compounds.some((c) => c.synthetic),
  }
}

// ---- comparison ----

/** Shares and ratios to 12 significant digits: SQL and TypeScript may round the last bit differently. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(12))
  if (Array.isArray(value)) return value.map(rounded)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]))
  return value
}

const SHAHE = '510104030' // 沙河街道, Wufuyuan's street
const LIUJIANG = '510104036' // 柳江街道: newer housing, no compound on the register
const scenarios: [string, StatsFilter][] = [
  ['the whole district', {}],
  ['Shahe street', { street: SHAHE }],
  ['the years 2019–2021', { yearFrom: 2019, yearTo: 2021 }],
  ['Shahe street in 2019–2021', { street: SHAHE, yearFrom: 2019, yearTo: 2021 }],
  ['Liujiang street, which has no old compounds', { street: LIUJIANG }],
  ['the years from 2024 (projects under way only)', { yearFrom: 2024 }],
]

const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v))
  const text = q.toString()
  return text ? `?${text}` : ''
}

describe.each(backends)('statistics recomputed from data/jinjiang on the %s backend', (backend) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(backend)
  })
  afterAll(async () => {
    await app?.close()
  })

  async function api(endpoint: string, params: Record<string, string | number | undefined> = {}) {
    const res = await app.get(`/api/v1/stats/${endpoint}${query(params)}`)
    expect(res.status, `${endpoint}${query(params)}`).toBe(200)
    return res.json()
  }

  it('has a data set worth checking: every project covers compounds the file lists', () => {
    for (const p of projects) expect(projectStreet(p), p.code).toBeDefined()
    expect(targets.length).toBeGreaterThan(0)
  })

  describe.each(scenarios)('for %s', (_label, f) => {
    it.each(['district', 'street', 'community', 'year'] as const)('gives coverage by %s', async (groupBy) => {
      expect(rounded(await api('coverage', { groupBy, ...f }))).toEqual(rounded(coverage(groupBy, f)))
    })

    it('gives the headline figures and their year-on-year change', async () => {
      expect(rounded(await api('summary', { ...f }))).toEqual(rounded(summary(f)))
    })

    it('gives progress per year, the target line, the pace needed and the recent pace', async () => {
      expect(rounded(await api('progress', { ...f }))).toEqual(rounded(progress(f)))
    })

    it.each(['category', 'itemType'] as const)('gives renovation content by %s', async (groupBy) => {
      expect(rounded(await api('renovation-content', { groupBy, ...f }))).toEqual(
        rounded(content(groupBy, f)),
      )
    })

    it.each(['district', 'street'] as const)('gives funding by %s', async (groupBy) => {
      expect(rounded(await api('funding', { groupBy, ...f }))).toEqual(rounded(funding(groupBy, f)))
    })

    it('gives compounds by build decade, whatever the year range', async () => {
      expect(await api('build-era', { ...f })).toEqual(buildEra({ street: f.street }))
    })

    it('gives the whole review list, and pages of it', async () => {
      const expected = reviewList({ street: f.street })
      const all: ReviewListResponse = await api('review-list', { street: f.street, limit: 2000 })
      expect(all.cutoffYear).toBe(expected.cutoffYear)
      expect(all.numberMatched).toBe(expected.rows.length)
      expect(all.numberReturned).toBe(expected.rows.length)
      expect(all.rows.map(({ id, ...row }) => row)).toEqual(expected.rows)
      const page: ReviewListResponse = await api('review-list', { street: f.street, limit: 4, offset: 2 })
      expect(page.numberMatched).toBe(expected.rows.length)
      expect(page.rows.map(({ id, ...row }) => row)).toEqual(expected.rows.slice(2, 6))
    })
  })

  it('gives the review list of one community and under another cut-off year', async () => {
    const community = '510104030007'
    const own: ReviewListResponse = await api('review-list', { community, limit: 2000 })
    expect(own.rows.map(({ id, ...row }) => row)).toEqual(reviewList({ community }).rows)
    const national: ReviewListResponse = await api('review-list', { cutoffYear: 2000, limit: 2000 })
    const expected = reviewList({ cutoffYear: 2000 })
    expect(national.cutoffYear).toBe(2000)
    expect(national.rows.map(({ id, ...row }) => row)).toEqual(expected.rows)
  })

  it('gives the settings: cut-off years, the demo target and the years on record', async () => {
    expect(await api('settings')).toEqual(settings())
  })
})

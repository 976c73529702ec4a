// Statistics of the Jinjiang demo data set as the API returns them, typed and checked with the shared schemas.
import {
  assessProgress,
  type BuildEraResponse,
  buildEraResponse,
  type ContentResponse,
  type CoverageResponse,
  type CoverageRow,
  contentResponse,
  coverageResponse,
  type FundingResponse,
  type FundingRow,
  fundingResponse,
  type ProgressResponse,
  progressResponse,
  type ReviewListResponse,
  type ReviewRow,
  reviewListResponse,
  type SummaryResponse,
  summaryResponse,
} from '@renewal-atlas/domain'
import type { ReportData } from '@renewal-atlas/report'

/** The district row: 1,189 compounds, 751 on the register, 477 renovated, 54,000 households benefiting. */
export const DISTRICT = {
  code: '510104',
  name: '锦江区',
  compounds: 1189,
  oldCompounds: 751,
  renovatedOldCompounds: 477,
  householdsBenefiting: 54000,
} as const

type StreetFigures = [
  code: string,
  name: string,
  compounds: number,
  old: number,
  renovated: number,
  households: number,
  benefiting: number,
]

const STREETS: StreetFigures[] = [
  ['510104017', '锦官驿街道', 146, 142, 97, 11310, 7726],
  ['510104018', '东湖街道', 82, 63, 38, 18060, 7304],
  ['510104019', '锦华路街道', 133, 28, 18, 54394, 4212],
  ['510104022', '春熙路街道', 267, 264, 168, 15958, 9982],
  ['510104023', '书院街街道', 84, 83, 49, 6531, 4109],
  ['510104026', '牛市口街道', 66, 48, 28, 16641, 6762],
  ['510104030', '沙河街道', 72, 69, 44, 9106, 5477],
  ['510104032', '狮子山街道', 82, 47, 30, 23415, 7297],
  ['510104035', '成龙路街道', 72, 7, 5, 29128, 1131],
  ['510104036', '柳江街道', 83, 0, 0, 47157, 0],
  ['510104037', '三圣街道', 102, 0, 0, 64203, 0],
]

export function createStreetCoverage(): CoverageResponse {
  const rows: CoverageRow[] = STREETS.map(
    ([key, name, compounds, old, renovated, households, benefiting]) => ({
      key,
      name,
      compounds,
      oldCompounds: old,
      renovatedOldCompounds: renovated,
      coverage: old === 0 ? 0 : renovated / old,
      households,
      householdsBenefiting: benefiting,
    }),
  )
  return coverageResponse.parse({ groupBy: 'street', rows })
}

export function createSummary(): SummaryResponse {
  const figure = (key: string, value: number, previous: number | null) => ({
    key,
    value,
    previous,
    change: previous === null ? null : value - previous,
    changeRatio: previous === null || previous === 0 ? null : (value - previous) / previous,
  })
  return summaryResponse.parse({
    asOfYear: 2023,
    previousYear: 2022,
    rows: [
      figure('compounds', 1189, 1166),
      figure('oldCompounds', 751, null),
      figure('renovatedOldCompounds', 477, 394),
      figure('coverage', 477 / 751, 394 / 751),
      figure('householdsBenefiting', 54000, 44080),
      figure('residentsBenefiting', 151223, 123488),
      figure('floorAreaRenovatedM2', 4017390, 3259160),
    ],
  })
}

/** Old compounds renovated and households benefiting per year, 2015–2023. */
const YEARS: [year: number, renovated: number, households: number][] = [
  [2015, 30, 3110],
  [2016, 18, 1810],
  [2017, 34, 3465],
  [2018, 33, 3756],
  [2019, 55, 5758],
  [2020, 61, 7520],
  [2021, 77, 8717],
  [2022, 86, 9944],
  [2023, 83, 9920],
]

export function createProgress(): ProgressResponse {
  let cumulative = 0
  let cumulativeHouseholds = 0
  const rows = YEARS.map(([year, renovated, households]) => {
    cumulative += renovated
    cumulativeHouseholds += households
    return {
      year,
      renovatedOldCompounds: renovated,
      householdsBenefiting: households,
      cumulativeRenovatedOldCompounds: cumulative,
      cumulativeHouseholdsBenefiting: cumulativeHouseholds,
      coverage: cumulative / 751,
      targetCumulative: (751 * (year - 2014)) / (2027 - 2014),
    }
  })
  const facts = {
    oldCompounds: 751,
    target: {
      id: 1,
      year: 2027,
      oldCompoundShare: 1,
      name: '2027年底前完成清单内全部老旧小区改造（演示目标）',
      nameEn: 'All register compounds renovated by the end of 2027 (demo target)',
      synthetic: true,
    },
    targetCompounds: 751,
    requiredPerYear: (751 - 477) / (2027 - 2023),
    recentPerYear: (77 + 86 + 83) / 3,
    asOfYear: 2023,
    rows,
  }
  return progressResponse.parse({ ...facts, outlook: assessProgress(facts) })
}

export function createContent(): ContentResponse {
  const rows = [
    { key: 'basic', name: '基础类', items: 2677, projects: 587, costYuan: 794276500 },
    { key: 'safety', name: '安全类', items: 754, projects: 501, costYuan: 270156100 },
    { key: 'improvement', name: '完善类', items: 1177, projects: 587, costYuan: 123949400 },
    { key: 'upgrade', name: '提升类', items: 637, projects: 409, costYuan: 99466500 },
  ]
  const total = rows.reduce((sum, r) => sum + r.costYuan, 0)
  return contentResponse.parse({
    groupBy: 'category',
    rows: rows.map((r) => ({ ...r, category: r.key, costShare: r.costYuan / total })),
  })
}

const fundingRow = (
  key: string,
  name: string,
  projects: number,
  fiscal: number,
  enterprise: number,
  residents: number,
  socialCapital: number,
): FundingRow => ({
  key,
  name,
  projects,
  fiscal,
  enterprise,
  residents,
  socialCapital,
  total: fiscal + enterprise + residents + socialCapital,
})

export function createStreetFunding(): FundingResponse {
  return fundingResponse.parse({
    groupBy: 'street',
    rows: [
      fundingRow('510104017', '锦官驿街道', 118, 175406100, 1724400, 10208000, 3570000),
      fundingRow('510104018', '东湖街道', 48, 153569200, 1610000, 7811400, 2858300),
      fundingRow('510104019', '锦华路街道', 20, 82507300, 1680300, 4669000, 941200),
      fundingRow('510104022', '春熙路街道', 206, 243381600, 3906800, 13582600, 4559400),
      fundingRow('510104023', '书院街街道', 59, 94519200, 1206000, 5461000, 2154900),
      fundingRow('510104026', '牛市口街道', 39, 138368700, 2300900, 7033200, 2405000),
      fundingRow('510104030', '沙河街道', 54, 121940900, 1997800, 5946300, 2737300),
      fundingRow('510104032', '狮子山街道', 36, 145685400, 1911200, 8085800, 3888100),
      fundingRow('510104035', '成龙路街道', 7, 27828100, 355100, 1398000, 640000),
      fundingRow('510104036', '柳江街道', 0, 0, 0, 0, 0),
      fundingRow('510104037', '三圣街道', 0, 0, 0, 0, 0),
    ],
  })
}

/** The district row: the sum of the street rows. */
export function createDistrictFunding(): FundingRow {
  return fundingRow('510104', '锦江区', 587, 1183206500, 16692500, 64195300, 23754200)
}

export function createBuildEra(): BuildEraResponse {
  const decades: [
    key: string,
    compounds: number,
    old: number,
    renovated: number,
    review: number,
    households: number,
  ][] = [
    ['1950', 1, 1, 0, 0, 79],
    ['1960', 131, 131, 81, 0, 7346],
    ['1970', 178, 178, 110, 0, 13360],
    ['1980', 198, 198, 132, 0, 23356],
    ['1990', 183, 167, 113, 16, 27408],
    ['2000', 191, 76, 41, 14, 57923],
    ['2010', 226, 0, 0, 0, 116888],
    ['2020', 81, 0, 0, 0, 49543],
  ]
  return buildEraResponse.parse({
    cutoffYear: 2004,
    rows: decades.map(([key, compounds, old, renovated, review, households]) => ({
      key,
      name: `${key}–${Number(key) + 9}`,
      compounds,
      oldCompounds: old,
      renovatedOldCompounds: renovated,
      beforeCutoffNotOnRegister: review,
      households,
    })),
  })
}

type ReviewFigures = [
  code: string,
  name: string,
  address: string,
  street: string,
  community: string,
  built: number,
  buildings: number,
  households: number,
]

const REVIEW: ReviewFigures[] = [
  ['C510104030003-001', '卓锦宿舍', '团结三路22号', '沙河街道', '塔子山社区', 1996, 2, 88],
  ['C510104030007-008', '梅苑大院', '静安正街7号', '沙河街道', '牛沙路社区', 1996, 6, 259],
  ['C510104032009-004', '观音桥下街14号院', '观音桥下街14号', '狮子山街道', '佳宏路社区', 1996, 4, 159],
  ['C510104032009-010', '芳草楼', '盐道东路5号', '狮子山街道', '佳宏路社区', 1996, 9, 194],
  ['C510104035004-008', '国槐新村', '水井大街34号', '成龙路街道', '国槐社区', 1996, 9, 249],
  ['C510104017006-012', '佳宏路48号院', '佳宏路48号', '锦官驿街道', '交子社区', 1997, 3, 97],
  ['C510104018005-004', '市饮食公司家属区', '东光上街15号', '东湖街道', '河滨社区', 1997, 3, 114],
  ['C510104017005-016', '市橡胶厂家属院', '海棠正街26号', '锦官驿街道', '点将台社区', 1998, 2, 94],
  ['C510104017006-021', '交子院', '华兴南路13号', '锦官驿街道', '交子社区', 1998, 4, 136],
  ['C510104022011-035', '市五金公司家属区', '督院大道156号', '春熙路街道', '盐市口社区', 1998, 2, 68],
  ['C510104026015-005', '一心桥住宅区', '石牛西路8号', '牛市口街道', '一心桥社区', 1998, 3, 124],
  ['C510104030008-003', '蓝谷楼', '福字横街9号', '沙河街道', '汇泉路社区', 1998, 4, 169],
  ['C510104032010-008', '佳宏北路11号院', '佳宏北路11号', '狮子山街道', '金像寺社区', 1998, 12, 356],
  ['C510104022011-037', '东胜院', '督院大道163号', '春熙路街道', '盐市口社区', 1999, 3, 135],
  ['C510104026015-007', '锦城横街28号院', '锦城横街28号', '牛市口街道', '一心桥社区', 1999, 3, 108],
]

export function createReviewRows(): ReviewRow[] {
  return REVIEW.map(
    ([code, name, address, streetName, communityName, builtYear, buildingCount, households], i) => ({
      id: 1000 + i,
      code,
      name,
      address,
      streetCode: code.slice(1, 10),
      streetName,
      communityCode: code.slice(1, 13),
      communityName,
      builtYear,
      buildingCount,
      households,
      renovationStatus: 'not_planned',
    }),
  )
}

export function createReviewList(): ReviewListResponse {
  const rows = createReviewRows()
  return reviewListResponse.parse({ cutoffYear: 2004, numberMatched: 30, numberReturned: rows.length, rows })
}

export function createReportData(overrides: Partial<ReportData> = {}): ReportData {
  return {
    generatedAt: new Date('2026-11-26T06:30:00Z'),
    filterLabel: '锦江区 · 全部年份',
    synthetic: true,
    summary: createSummary(),
    coverage: createStreetCoverage(),
    progress: createProgress(),
    content: createContent(),
    funding: createStreetFunding(),
    fundingTotal: createDistrictFunding(),
    buildEra: createBuildEra(),
    review: createReviewList(),
    ...overrides,
  }
}

// The columns of every statistics table, with Chinese and English headers: one definition for the dashboard's
// tables, the CSV and Excel downloads and the printed report.
import { NO_OLD_COMPOUNDS } from './format/number-format.ts'
import { itemCategory, type Label, renovationStatus } from './labels.ts'
import type {
  BuildEraRow,
  ContentRow,
  CoverageRow,
  FundingRow,
  HeadlineFigure,
  ProgressRow,
  ReviewRow,
} from './stats.schema.ts'

/** How a cell is written: counts and years as integers, shares as percentages, money in yuan. */
export type ColumnKind = 'text' | 'int' | 'year' | 'share' | 'yuan' | 'area' | 'decimal'

export interface Column<Row> {
  key: keyof Row & string
  header: Label
  kind: ColumnKind
  /** Coded text values written with their label in the download's language. */
  labels?: Readonly<Record<string, Label>>
  /**
   * Rows where the column has no value, e.g. the coverage of an area with no old compounds (0 ÷ 0): the screen
   * and the PDF say `label`, the downloads leave the cell empty so the column stays numbers only.
   */
  noValue?: { when: (row: Row) => boolean; label: Label }
}

export interface TableDefinition<Row> {
  /** File name stem of downloads, e.g. `coverage-street`. */
  id: string
  title: Label
  columns: readonly Column<Row>[]
}

const col = <Row>(key: keyof Row & string, zh: string, en: string, kind: ColumnKind): Column<Row> => ({
  key,
  header: { zh, en },
  kind,
})

const coverageColumns = (keyHeader: Label, nameHeader: Label): readonly Column<CoverageRow>[] => [
  { key: 'key', header: keyHeader, kind: 'text' },
  { key: 'name', header: nameHeader, kind: 'text' },
  col('compounds', '小区（院落）数', 'Compounds', 'int'),
  col('oldCompounds', '老旧小区数', 'Old compounds', 'int'),
  col('renovatedOldCompounds', '已改造老旧小区数', 'Renovated old compounds', 'int'),
  {
    ...col<CoverageRow>('coverage', '改造覆盖率', 'Coverage', 'share'),
    noValue: { when: (row) => row.oldCompounds === 0, label: NO_OLD_COMPOUNDS },
  },
  col('households', '户数', 'Households', 'int'),
  col('householdsBenefiting', '受益户数', 'Households benefiting', 'int'),
]

export const coverageTables = {
  district: {
    id: 'coverage-district',
    title: { zh: '全区改造覆盖率', en: 'Coverage of the district' },
    columns: coverageColumns({ zh: '区划代码', en: 'Code' }, { zh: '区', en: 'District' }),
  },
  street: {
    id: 'coverage-street',
    title: { zh: '各街道改造覆盖率', en: 'Coverage by street' },
    columns: coverageColumns({ zh: '街道代码', en: 'Street code' }, { zh: '街道', en: 'Street' }),
  },
  community: {
    id: 'coverage-community',
    title: { zh: '各社区改造覆盖率', en: 'Coverage by community' },
    columns: coverageColumns({ zh: '社区代码', en: 'Community code' }, { zh: '社区', en: 'Community' }),
  },
  year: {
    id: 'coverage-year',
    title: { zh: '逐年改造情况', en: 'Renovation by year' },
    columns: coverageColumns({ zh: '年份', en: 'Year' }, { zh: '年份', en: 'Year' }),
  },
} as const satisfies Record<string, TableDefinition<CoverageRow>>

/** Headline figures as a table: one row per figure; `label` is filled from headlineLabels. */
export type HeadlineTableRow = HeadlineFigure & { label: string }

export const headlineLabels: Record<HeadlineFigure['key'], Label & { kind: ColumnKind }> = {
  compounds: { zh: '小区（院落）总数', en: 'Compounds', kind: 'int' },
  oldCompounds: { zh: '纳入老旧小区清单', en: 'On the old-compound register', kind: 'int' },
  renovatedOldCompounds: { zh: '已改造老旧小区', en: 'Old compounds renovated', kind: 'int' },
  coverage: { zh: '改造覆盖率', en: 'Coverage', kind: 'share' },
  householdsBenefiting: { zh: '受益户数', en: 'Households benefiting', kind: 'int' },
  residentsBenefiting: { zh: '受益居民', en: 'Residents benefiting', kind: 'int' },
  floorAreaRenovatedM2: { zh: '改造建筑面积（m²）', en: 'Floor area renovated (m²)', kind: 'area' },
}

export const summaryTable: TableDefinition<HeadlineTableRow> = {
  id: 'headline-figures',
  title: { zh: '核心指标', en: 'Headline figures' },
  columns: [
    col('label', '指标', 'Figure', 'text'),
    col('value', '数值', 'Value', 'decimal'),
    col('previous', '上年末', 'End of previous year', 'decimal'),
    col('change', '同比变化', 'Year-on-year change', 'decimal'),
    col('changeRatio', '同比增幅', 'Year-on-year growth', 'share'),
  ],
}

export const progressTable: TableDefinition<ProgressRow> = {
  id: 'progress',
  title: { zh: '改造进度与目标', en: 'Progress against the target' },
  columns: [
    col('year', '年份', 'Year', 'year'),
    col('renovatedOldCompounds', '当年改造小区数', 'Renovated in the year', 'int'),
    col('householdsBenefiting', '当年受益户数', 'Households benefiting in the year', 'int'),
    col('cumulativeRenovatedOldCompounds', '累计改造小区数', 'Renovated, cumulative', 'int'),
    col('cumulativeHouseholdsBenefiting', '累计受益户数', 'Households benefiting, cumulative', 'int'),
    col('coverage', '累计覆盖率', 'Coverage, cumulative', 'share'),
    col('targetCumulative', '目标累计小区数', 'Target, cumulative', 'decimal'),
  ],
}

const contentColumns = (keyHeader: Label): readonly Column<ContentRow>[] => [
  { key: 'key', header: keyHeader, kind: 'text' },
  col('name', '名称', 'Name', 'text'),
  { ...col<ContentRow>('category', '类别', 'Category', 'text'), labels: itemCategory.labels },
  col('items', '改造内容项数', 'Items', 'int'),
  col('projects', '项目数', 'Projects', 'int'),
  col('costYuan', '投资（元）', 'Cost (yuan)', 'yuan'),
  col('costShare', '投资占比', 'Share of cost', 'share'),
]

export const contentTables = {
  category: {
    id: 'content-category',
    title: { zh: '改造内容（按类别）', en: 'Renovation content by category' },
    columns: contentColumns({ zh: '类别代码', en: 'Category code' }),
  },
  itemType: {
    id: 'content-item-type',
    title: { zh: '改造内容（按项目类型）', en: 'Renovation content by item type' },
    columns: contentColumns({ zh: '类型代码', en: 'Item type code' }),
  },
} as const satisfies Record<string, TableDefinition<ContentRow>>

const fundingColumns = (keyHeader: Label, nameHeader: Label): readonly Column<FundingRow>[] => [
  { key: 'key', header: keyHeader, kind: 'text' },
  { key: 'name', header: nameHeader, kind: 'text' },
  col('projects', '项目数', 'Projects', 'int'),
  col('fiscal', '财政资金（元）', 'Fiscal (yuan)', 'yuan'),
  col('enterprise', '企业出资（元）', 'Enterprise (yuan)', 'yuan'),
  col('residents', '居民出资（元）', 'Residents (yuan)', 'yuan'),
  col('socialCapital', '社会资本（元）', 'Social capital (yuan)', 'yuan'),
  col('total', '合计（元）', 'Total (yuan)', 'yuan'),
]

export const fundingTables = {
  district: {
    id: 'funding-district',
    title: { zh: '资金来源', en: 'Funding by source' },
    columns: fundingColumns({ zh: '区划代码', en: 'Code' }, { zh: '区', en: 'District' }),
  },
  street: {
    id: 'funding-street',
    title: { zh: '各街道资金来源', en: 'Funding by street' },
    columns: fundingColumns({ zh: '街道代码', en: 'Street code' }, { zh: '街道', en: 'Street' }),
  },
} as const satisfies Record<string, TableDefinition<FundingRow>>

export const buildEraTable: TableDefinition<BuildEraRow> = {
  id: 'build-era',
  title: { zh: '建成年代', en: 'Build era' },
  columns: [
    col('key', '年代代码', 'Decade code', 'text'),
    col('name', '建成年代', 'Build era', 'text'),
    col('compounds', '小区（院落）数', 'Compounds', 'int'),
    col('oldCompounds', '老旧小区数', 'Old compounds', 'int'),
    col('renovatedOldCompounds', '已改造老旧小区数', 'Renovated old compounds', 'int'),
    col(
      'beforeCutoffNotOnRegister',
      '截止年前建成但未纳入清单',
      'Built before the cut-off, not on the register',
      'int',
    ),
    col('households', '户数', 'Households', 'int'),
  ],
}

export const reviewTable: TableDefinition<ReviewRow> = {
  id: 'review-list',
  title: {
    zh: '待核查小区（截止年前建成、未纳入清单）',
    en: 'Review list: built before the cut-off, not on the register',
  },
  columns: [
    col('code', '小区编码', 'Code', 'text'),
    col('name', '小区名称', 'Name', 'text'),
    col('address', '地址', 'Address', 'text'),
    col('streetName', '街道', 'Street', 'text'),
    col('communityName', '社区', 'Community', 'text'),
    col('builtYear', '建成年份', 'Year built', 'year'),
    col('buildingCount', '楼栋数', 'Buildings', 'int'),
    col('households', '户数', 'Households', 'int'),
    {
      ...col<ReviewRow>('renovationStatus', '改造状态', 'Renovation status', 'text'),
      labels: renovationStatus.labels,
    },
  ],
}

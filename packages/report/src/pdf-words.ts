// The report's words in Chinese and English, apart from the drawing: every heading, note and sentence it prints.
import type { ProgressResponse } from '@renewal-atlas/domain'
import { formatCount, formatDecimal } from './format.ts'

export const WORDS = {
  zh: {
    title: '老旧小区改造统计报告',
    generated: '生成时间',
    asOf: (year: number) => `数据截至${year}年末`,
    changeNote: (year: number) =>
      `箭头为较${year}年末的变化；覆盖率 = 已改造老旧小区 ÷ 纳入清单的老旧小区；纳入清单数无历史记录。`,
    coverageByStreet: '各街道改造覆盖率',
    coverageByCommunity: '各社区改造覆盖率',
    rankedNote: '按覆盖率由高到低排列',
    rank: '序',
    street: '街道',
    community: '社区',
    compounds: '小区数',
    oldCompounds: '老旧小区',
    renovated: '已改造',
    householdsBenefiting: '受益户数',
    coverage: '改造覆盖率',
    overall: (share: string) => `总体 ${share}`,
    more: (n: number) => `另有 ${n} 行未列出，完整数据请下载表格。`,
    coverageClasses: '颜色分级（自然间断点）：',
    classRange: (bounds: readonly string[]) => bounds.map((b) => `${b}%`).join('–'),
    noOldCompounds: '无老旧小区',
    progress: '改造进度与目标',
    perYear: '当年改造老旧小区',
    cumulative: '累计改造',
    targetLine: '目标进度',
    ahead: '至目标年',
    noRenovations: '筛选范围内没有改造记录',
    target: (name: string) => `目标：${name}`,
    noTarget: '未设置改造目标',
    targetFacts: (p: ProgressResponse, coverage: string) => {
      const last = p.rows[p.rows.length - 1]
      const done = last
        ? `截至${p.asOfYear}年末累计改造 ${formatCount(last.cumulativeRenovatedOldCompounds)} 个（${coverage}）`
        : ''
      const need = p.requiredPerYear === null ? '' : `；尚需每年改造 ${formatDecimal(p.requiredPerYear)} 个`
      return `目标小区数 ${formatCount(p.targetCompounds ?? 0)} 个；${done}${need}；近三年平均每年 ${formatDecimal(p.recentPerYear)} 个。`
    },
    byYear: '逐年改造情况',
    year: '年份',
    yearRenovated: '当年改造',
    yearHouseholds: '当年受益户数',
    cumulativeRenovated: '累计改造',
    cumulativeCoverage: '累计覆盖率',
    targetCumulative: '目标累计',
    content: '改造内容（按类别）',
    contentRankedNote: '按投资由高到低排列',
    category: '类别',
    items: '内容项',
    projects: '项目数',
    cost: (unit: string) => `投资（${unit}）`,
    costShare: '投资占比',
    funding: (unit: string) => `资金来源（${unit}）`,
    fundingTotal: (amount: string, unit: string, projects: number) =>
      `合计 ${amount} ${unit}，涉及项目 ${formatCount(projects)} 个`,
    total: '合计',
    buildEra: '建成年代',
    era: '年代',
    beforeCutoff: (year: number) => `${year}年前未入清单`,
    households: '户数',
    eraOnRegister: '已纳入老旧小区清单',
    eraReview: (year: number) => `${year}年及以前建成、未纳入清单`,
    eraOther: '其他',
    review: '待核查小区',
    reviewNote: (year: number, n: number) =>
      `${year}年及以前建成、未纳入老旧小区清单：共 ${formatCount(n)} 个`,
    reviewMore: (shown: number, n: number) =>
      `仅列出前 ${shown} 个（共 ${formatCount(n)} 个），完整清单请在统计页下载 Excel。`,
    reviewEmpty: '没有需要核查的小区。',
    name: '小区名称',
    builtYear: '建成',
    buildings: '楼栋',
    status: '改造状态',
    footerNote: (synthetic: boolean) =>
      `本报告数据于生成时从系统数据库实时计算${synthetic ? '；演示数据为合成数据，不代表实际情况' : ''}。`,
    page: (n: number, of: number) => `第 ${n} 页 / 共 ${of} 页`,
  },
  en: {
    title: 'Old-compound renovation report',
    generated: 'Generated',
    asOf: (year: number) => `Figures as of the end of ${year}`,
    changeNote: (year: number) =>
      `Arrows: change since the end of ${year}. Coverage = renovated old compounds ÷ old compounds on the register; the register has no history.`,
    coverageByStreet: 'Coverage by street',
    coverageByCommunity: 'Coverage by community',
    rankedNote: 'ranked by coverage',
    rank: '#',
    street: 'Street',
    community: 'Community',
    compounds: 'Compounds',
    oldCompounds: 'Old',
    renovated: 'Renovated',
    householdsBenefiting: 'Households benefiting',
    coverage: 'Coverage',
    overall: (share: string) => `Overall ${share}`,
    more: (n: number) => `${n} more rows not shown; download the table for all of them.`,
    coverageClasses: 'Colour classes (natural breaks):',
    classRange: (bounds: readonly string[]) => `${bounds.join('–')}%`,
    noOldCompounds: 'No old compounds',
    progress: 'Progress against the target',
    perYear: 'Old compounds renovated in the year',
    cumulative: 'Cumulative',
    targetLine: 'Target path',
    ahead: 'to the target year',
    noRenovations: 'No renovations within the filter',
    target: (name: string) => `Target: ${name}`,
    noTarget: 'No renovation target set',
    targetFacts: (p: ProgressResponse, coverage: string) => {
      const last = p.rows[p.rows.length - 1]
      const done = last
        ? `; ${formatCount(last.cumulativeRenovatedOldCompounds)} renovated by the end of ${p.asOfYear} (${coverage})`
        : ''
      const need =
        p.requiredPerYear === null ? '' : `; ${formatDecimal(p.requiredPerYear)} a year still needed`
      return `Target: ${formatCount(p.targetCompounds ?? 0)} compounds${done}${need}; ${formatDecimal(p.recentPerYear)} a year over the last three years.`
    },
    byYear: 'Renovation by year',
    year: 'Year',
    yearRenovated: 'Renovated in the year',
    yearHouseholds: 'Households benefiting',
    cumulativeRenovated: 'Renovated, cumulative',
    cumulativeCoverage: 'Coverage, cumulative',
    targetCumulative: 'Target, cumulative',
    content: 'Renovation content by category',
    contentRankedNote: 'ranked by cost',
    category: 'Category',
    items: 'Items',
    projects: 'Projects',
    cost: (unit: string) => `Cost (${unit})`,
    costShare: 'Share of cost',
    funding: (unit: string) => `Funding by source (${unit})`,
    fundingTotal: (amount: string, unit: string, projects: number) =>
      `Total ${amount} ${unit} over ${formatCount(projects)} projects`,
    total: 'Total',
    buildEra: 'Build era',
    era: 'Decade',
    beforeCutoff: (year: number) => `Built by ${year}, not listed`,
    households: 'Households',
    eraOnRegister: 'On the register',
    eraReview: (year: number) => `Built by ${year}, not on it`,
    eraOther: 'Other',
    review: 'Review list',
    reviewNote: (year: number, n: number) =>
      `Built in ${year} or earlier but not on the old-compound register: ${formatCount(n)} compounds`,
    reviewMore: (shown: number, n: number) =>
      `The first ${shown} of ${formatCount(n)} are listed; download the full list as Excel from the statistics page.`,
    reviewEmpty: 'No compounds to review.',
    name: 'Compound',
    builtYear: 'Built',
    buildings: 'Bldgs',
    status: 'Renovation status',
    footerNote: (synthetic: boolean) =>
      `Figures computed from the system database when this report was generated.${synthetic ? ' Demo data: synthetic, not actual figures.' : ''}`,
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
}

/** The words of one language; both languages have the same keys. */
export type ReportWords = (typeof WORDS)['zh']

// Renovation projects (改造项目): one per completed or under-way compound and for most planned ones, with items
// from the catalogue, budget and funding by source; Wufuyuan's 13 key items from the case.
import type { FundingSource, ProjectRecord } from '@renewal-atlas/domain'
import { CATALOGUE } from '../catalogue.ts'
import { dateBetween, dayNumber, fromDayNumber } from '../dates.ts'
import { roundTo } from '../numbers.ts'
import { cmp, type Rng, stream } from '../random.ts'
import { type CompoundDraft, compoundMetrics } from './compound-draft.ts'

export interface Projects {
  /** In code order. */
  projects: ProjectRecord[]
  /** By compound code. */
  projectOf: Map<string, ProjectRecord>
}

/** Projects numbered per year in compound-code order; a completed project's lifts go into the compound's buildings. */
export function buildProjects(drafts: CompoundDraft[]): Projects {
  const pr = stream('projects')
  const projects: ProjectRecord[] = []
  const projectOf = new Map<string, ProjectRecord>()
  const withProject = drafts
    .filter(
      (c) =>
        c.status === 'completed' || c.status === 'under_way' || (c.status === 'planned' && pr.chance(0.6)),
    )
    .sort((a, b) => cmp(a.code, b.code))
  const seqByYear = new Map<number, number>()
  const projectYear = (c: CompoundDraft) =>
    c.status === 'completed' ? (c.renovationYear as number) : c.status === 'under_way' ? 2025 : 2026
  // Number projects per year in compound-code order (Wufuyuan included).
  const codes = new Map<string, string>()
  for (const c of withProject) {
    const y = projectYear(c)
    const s = (seqByYear.get(y) ?? 0) + 1
    seqByYear.set(y, s)
    codes.set(c.code, `RP${y}-${String(s).padStart(3, '0')}`)
  }
  for (const c of withProject) {
    const code = codes.get(c.code) as string
    c.projectCode = code
    const project = c.wufuyuan ? wufuyuanProject(code, c) : genericProject(code, c, pr)
    projects.push(project)
    projectOf.set(c.code, project)
    // Lifts added by a completed project now serve the first buildings without one.
    const lift = project.items.find((i) => i.itemType === 'lift')
    if (lift && project.status === 'completed') {
      let n = lift.quantity ?? 0
      for (const b of c.buildings)
        if (n > 0 && !b.hasLift && b.storeys >= 4) {
          b.hasLift = true
          n--
        }
    }
  }
  projects.sort((a, b) => cmp(a.code, b.code))
  return { projects, projectOf }
}

function funding(budget: number, shares: Partial<Record<FundingSource, number>>): ProjectRecord['funding'] {
  const order: FundingSource[] = ['fiscal', 'enterprise', 'residents', 'social_capital']
  const out: ProjectRecord['funding'] = []
  let rest = budget
  for (const s of order.slice(1)) {
    const share = shares[s] ?? 0
    if (share <= 0) continue
    const amount = roundTo(budget * share, 100)
    out.push({ source: s, amountYuan: amount })
    rest -= amount
  }
  return [{ source: 'fiscal', amountYuan: rest }, ...out]
}

function genericProject(code: string, c: CompoundDraft, r: Rng): ProjectRecord {
  const m = compoundMetrics(c)
  const items: ProjectRecord['items'] = []
  const take = (category: string, min: number, max: number) => {
    const pool = CATALOGUE.filter((i) => i.category === category)
    const n = r.int(min, max)
    const picked = pool
      .map((i) => ({ i, k: r() ** (1 / i.weight) }))
      .sort((a, b) => b.k - a.k)
      .slice(0, n)
      .map((x) => x.i)
    for (const it of CATALOGUE) {
      if (!picked.includes(it)) continue
      if (it.itemType === 'lift' && c.buildings.every((b) => b.hasLift)) continue
      const quantity = it.quantity(m)
      items.push({
        category: it.category,
        itemType: it.itemType,
        description: it.description,
        quantity,
        unit: it.unit,
        costYuan: roundTo(quantity * it.rate * r.range(0.85, 1.15), 100),
      })
    }
  }
  take('safety', c.builtYear < 1985 ? 1 : 0, 2)
  take('basic', 3, 6)
  take('improvement', 1, 3)
  take('upgrade', 0, 2)
  const budget = items.reduce((s, i) => s + i.costYuan, 0)
  const fund = funding(budget, {
    enterprise: r.chance(0.25) ? r.range(0.02, 0.08) : 0,
    residents: r.range(0.02, 0.08),
    social_capital: r.chance(0.3) ? r.range(0.02, 0.1) : 0,
  })
  let startDate: string | null = null
  let completionDate: string | null = null
  if (c.status === 'completed') {
    const y = c.renovationYear as number
    completionDate = dateBetween(r, `${y}-03-01`, `${y}-12-20`)
    startDate = fromDayNumber(dayNumber(completionDate) - r.int(150, 420))
  } else if (c.status === 'under_way') {
    startDate = dateBetween(r, '2024-03-01', '2025-05-31')
  }
  return {
    code,
    name: `${c.name}老旧小区改造项目`,
    compoundCodes: [c.code],
    status: c.status === 'completed' ? 'completed' : c.status === 'under_way' ? 'under_way' : 'planned',
    startDate,
    completionDate,
    budgetYuan: budget,
    funding: fund,
    items,
    synthetic: true,
  }
}

/** The case's 13 key renovation projects at Wufuyuan (figures from the case; unit costs synthetic). */
function wufuyuanProject(code: string, c: CompoundDraft): ProjectRecord {
  const items: ProjectRecord['items'] = [
    {
      category: 'safety',
      itemType: 'pipes',
      description: '修复地下管网塌陷3处',
      quantity: 3,
      unit: '处',
      costYuan: 900_000,
    },
    {
      category: 'basic',
      itemType: 'pipes',
      description: '更换地下管网约200米',
      quantity: 200,
      unit: 'm',
      costYuan: 1_200_000,
    },
    {
      category: 'basic',
      itemType: 'drainage',
      description: '雨污管网改造，解决雨季内涝',
      quantity: 1,
      unit: '项',
      costYuan: 2_600_000,
    },
    {
      category: 'basic',
      itemType: 'facade',
      description: '建筑外立面改造约25000平方米',
      quantity: 25_000,
      unit: 'm2',
      costYuan: 4_500_000,
    },
    {
      category: 'basic',
      itemType: 'roof_waterproofing',
      description: '外墙及屋面渗漏整治，解决外墙漏水',
      quantity: 9,
      unit: '栋',
      costYuan: 1_100_000,
    },
    {
      category: 'improvement',
      itemType: 'security',
      description: '安防设施全面改造',
      quantity: 1,
      unit: '项',
      costYuan: 650_000,
    },
    {
      category: 'basic',
      itemType: 'roads',
      description: '小区道路全面改造',
      quantity: 4_200,
      unit: 'm2',
      costYuan: 1_800_000,
    },
    {
      category: 'improvement',
      itemType: 'parking',
      description: '停车位改造，缓解停车难',
      quantity: 120,
      unit: '个',
      costYuan: 1_300_000,
    },
    {
      category: 'basic',
      itemType: 'water_supply',
      description: '供水管网及一户一表改造',
      quantity: 497,
      unit: '户',
      costYuan: 1_150_000,
    },
    {
      category: 'basic',
      itemType: 'telecom',
      description: '通信线缆全面规整',
      quantity: 1,
      unit: '项',
      costYuan: 520_000,
    },
    {
      category: 'upgrade',
      itemType: 'activity_space',
      description: '五福堂活动场地（知福堂、味福堂、品福堂、乐福堂、聚福堂）',
      quantity: 1_100,
      unit: 'm2',
      costYuan: 720_000,
    },
    {
      category: 'improvement',
      itemType: 'ebike_shed',
      description: '电动自行车棚智能化改造',
      quantity: 1,
      unit: '处',
      costYuan: 380_000,
    },
    {
      category: 'upgrade',
      itemType: 'convenience_service',
      description: '便民菜市场（500余平方米）',
      quantity: 560,
      unit: 'm2',
      costYuan: 300_000,
    },
  ]
  const budget = items.reduce((s, i) => s + i.costYuan, 0)
  const enterprise = 720_000 // party-building alliance enterprises: activity venues
  const social = 520_000 // smart e-bike shed and the convenience market's operator
  const residents = 300_000 // maintenance funds and residents' share of one-household-one-meter
  return {
    code,
    name: `${c.name}老旧小区改造项目（五福夜话13项重点改造）`,
    compoundCodes: [c.code],
    status: 'completed',
    startDate: '2020-06-15',
    completionDate: '2021-09-30',
    budgetYuan: budget,
    funding: [
      { source: 'fiscal', amountYuan: budget - enterprise - social - residents },
      { source: 'enterprise', amountYuan: enterprise },
      { source: 'residents', amountYuan: residents },
      { source: 'social_capital', amountYuan: social },
    ],
    items,
    synthetic: true, // item list and totals from the case; unit costs and dates synthetic
  }
}

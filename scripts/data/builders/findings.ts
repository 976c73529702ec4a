// Urban health-check findings (城市体检问题): Wufuyuan's from the case, and for the other compounds by their
// renovation status, resolved by their project, being rectified or still open.
import type {
  FindingIndicator,
  FindingProperties,
  FindingSeverity,
  ItemType,
  ProjectRecord,
} from '@renewal-atlas/domain'
import { FINDING_TEXT, INDICATOR_FIX, SAFETY_INDICATORS } from '../catalogue.ts'
import { type Feature, feature, type Point, pointGeom } from '../dataset.ts'
import { dateBetween, dayNumber, fromDayNumber, isoDate } from '../dates.ts'
import { subQuad } from '../geo.ts'
import { cmp, stream } from '../random.ts'
import { buildingCode } from './buildings.ts'
import type { BuildingDraft, CompoundDraft } from './compound-draft.ts'

const SEVERITY_OF: Record<FindingIndicator, FindingSeverity[]> = {
  structural_safety: ['high', 'critical'],
  facade_falling: ['medium', 'high', 'critical'],
  gas_safety: ['high', 'critical'],
  fire_safety: ['medium', 'high'],
  wall_leak: ['low', 'medium'],
  waterlogging: ['medium', 'high'],
  pipe_collapse: ['high', 'critical'],
  pipe_leak: ['low', 'medium'],
  parking_shortage: ['low', 'medium'],
  no_lift: ['low', 'medium'],
  barrier_free: ['low', 'medium'],
  ebike_charging: ['medium', 'high'],
  service_gap: ['low', 'medium'],
}
const BUILDING_INDICATORS: ReadonlySet<FindingIndicator> = new Set([
  'structural_safety',
  'facade_falling',
  'gas_safety',
  'wall_leak',
  'no_lift',
  'barrier_free',
])

export function buildFindings(
  drafts: CompoundDraft[],
  projectOf: Map<string, ProjectRecord>,
): Feature<FindingProperties, Point>[] {
  const r = stream('findings')
  const out: Feature<FindingProperties, Point>[] = []
  let seq = 0
  const indicators = Object.keys(FINDING_TEXT) as FindingIndicator[]
  const add = (
    c: CompoundDraft,
    indicator: FindingIndicator,
    foundDate: string,
    status: FindingProperties['status'],
    project: ProjectRecord | null,
    severity?: FindingSeverity,
    text?: string,
  ) => {
    const template = text ?? r.pick(FINDING_TEXT[indicator])
    const onBuilding = BUILDING_INDICATORS.has(indicator) || template.includes('{b}')
    const k = r.int(0, c.buildings.length - 1)
    const b = c.buildings[k] as BuildingDraft
    const where = onBuilding
      ? subQuad(b.quad, 0.5, 0.5, 0.5, 0.5)[0]
      : subQuad(c.plot.quad, 0.5, 0.5, r.range(0.03, 0.12), r.range(0.03, 0.12))[0]
    out.push(
      feature<FindingProperties, Point>(
        {
          code: `HC${foundDate.slice(0, 4)}-${String(++seq).padStart(4, '0')}`,
          compoundCode: c.code,
          buildingCode: onBuilding ? buildingCode(c, k) : null,
          indicator,
          severity: severity ?? r.pick(SEVERITY_OF[indicator]),
          foundDate,
          status,
          rectification: SAFETY_INDICATORS.has(indicator) ? 'fix_by_deadline' : 'as_resources_allow',
          projectCode: project?.code ?? null,
          description: `${c.name}：${template.replaceAll('{b}', `${k + 1}栋`)}`,
          synthetic: true,
        },
        pointGeom(where),
      ),
    )
  }
  const pickIndicator = (c: CompoundDraft, allowed?: ItemType[]): FindingIndicator => {
    const pool = indicators.filter((i) => !allowed || allowed.includes(INDICATOR_FIX[i]))
    const weights = pool.map((i) =>
      i === 'no_lift'
        ? c.buildings.some((b) => !b.hasLift)
          ? 1
          : 0
        : c.old
          ? 1
          : ['parking_shortage', 'ebike_charging', 'service_gap'].includes(i)
            ? 2
            : 0.1,
    )
    return pool.length ? r.weighted(pool, weights) : 'service_gap'
  }
  /** None to two findings from `from` until a month before the project started, of what its items address. */
  const foundBeforeStart = (
    c: CompoundDraft,
    project: ProjectRecord,
    from: string,
    weights: number[],
    status: FindingProperties['status'],
  ) => {
    const types = project.items.map((i) => i.itemType)
    const n = r.weighted([0, 1, 2], weights)
    for (let k = 0; k < n; k++)
      add(
        c,
        pickIndicator(c, types),
        dateBetween(r, from, fromDayNumber(dayNumber(project.startDate as string) - 30)),
        status,
        project,
      )
  }
  for (const c of [...drafts].sort((a, b) => cmp(a.code, b.code))) {
    const project = projectOf.get(c.code) ?? null
    if (c.wufuyuan && project) {
      const fixed: [FindingIndicator, FindingSeverity, string][] = [
        ['waterlogging', 'high', '雨季院内大面积积水，低洼处内涝'],
        ['wall_leak', 'medium', '{b}外墙漏水，顶层住户墙面发霉'],
        ['parking_shortage', 'medium', '停车难，车辆占用消防通道'],
        ['pipe_collapse', 'critical', '院内地下管网塌陷（第1处）'],
        ['pipe_collapse', 'critical', '院内地下管网塌陷（第2处）'],
        ['pipe_collapse', 'critical', '院内地下管网塌陷（第3处）'],
        ['ebike_charging', 'high', '电动自行车飞线充电，存在火灾隐患'],
        ['service_gap', 'medium', '周边买菜难，缺少便民菜市场'],
      ]
      fixed.forEach(([ind, sev, text], i) => {
        add(c, ind, isoDate(2019, 9 + Math.floor(i / 3), 10 + i * 2), 'resolved', project, sev, text)
      })
      continue
    }
    if (c.status === 'completed' && project && (c.renovationYear as number) >= 2020) {
      foundBeforeStart(c, project, '2019-06-01', [3, 4, 2], 'resolved')
    } else if (c.status === 'under_way' && project) {
      foundBeforeStart(c, project, '2022-06-01', [3, 5, 2], 'rectifying')
    } else if (c.status === 'planned') {
      const types = project?.items.map((i) => i.itemType)
      const n = r.weighted([0, 1, 2], [4, 4, 2])
      for (let k = 0; k < n; k++)
        add(c, pickIndicator(c, types), dateBetween(r, '2023-03-01', '2025-05-31'), 'open', project)
    } else if (c.onOldRegister && c.status === 'not_planned') {
      const n = r.weighted([0, 1, 2], [3, 4, 2])
      for (let k = 0; k < n; k++) {
        const ind = pickIndicator(c)
        add(c, ind, dateBetween(r, '2023-03-01', '2025-05-31'), r.chance(0.15) ? 'rectifying' : 'open', null)
      }
    } else if (c.old && !c.onOldRegister) {
      add(c, pickIndicator(c), dateBetween(r, '2024-03-01', '2025-05-31'), 'open', null)
    } else if (!c.old && r.chance(0.08)) {
      add(
        c,
        r.pick(['parking_shortage', 'ebike_charging', 'service_gap'] as FindingIndicator[]),
        dateBetween(r, '2024-03-01', '2025-05-31'),
        'open',
        null,
      )
    }
  }
  return out
}

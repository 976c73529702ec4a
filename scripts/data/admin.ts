// District outline (real, decoded) and the synthetic street (街道) and community (社区) outlines that
// partition it: whole city blocks (blocks.ts) grouped into contiguous regions grown from seed points
// (regions.ts), so that streets and communities are bounded by roads, and by the district outline where no
// road runs.
import * as turf from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { type Block, dissolveBlocks, groupBlocks } from './blocks.ts'
import {
  gcj02ToWgs84,
  type LonLat,
  pointInAreaGeometry,
  pointInRing,
  ringCentroid,
  roundAreaGeometry,
  toLonLat,
  toXY,
  type XY,
} from './geo.ts'
import { density } from './layout.ts'
import { cmp, stream } from './random.ts'
import { growRegions, nearestBlock, type RegionBlock, type RegionSeed, spreadSeeds } from './regions.ts'
import { decodeDistrict, loadDivisions, type RealCommunity, type RealStreet } from './sources.ts'

export type AreaGeometry =
  | { type: 'Polygon'; coordinates: LonLat[][] }
  | { type: 'MultiPolygon'; coordinates: LonLat[][][] }

export interface DistrictOutline {
  name: string
  geometry: AreaGeometry
  rawVertexCount: number
  cleanedVertexCount: number
  rawKinks: number
  notes: string[]
}

/**
 * Decode 510104 and make it a valid polygon: drop consecutive duplicate points (cleanCoords), then let
 * polyclip (through turf.intersect with the bounding box) resolve the places where the ring touches itself.
 */
export function districtOutline(): DistrictOutline {
  const raw = decodeDistrict('510104')
  if (raw.geometry.type !== 'Polygon') throw new Error('expected a Polygon for 510104')
  // The source is in GCJ-02 (AMap); RFC 7946 wants WGS84.
  const rawPoly = turf.polygon(raw.geometry.coordinates.map((r) => r.map((p) => gcj02ToWgs84(p))))
  const rawKinks = turf.kinks(rawPoly).features.length
  const cleaned = turf.cleanCoords(rawPoly) as Feature<Polygon>
  const [x0, y0, x1, y1] = turf.bbox(cleaned)
  const box = turf.bboxPolygon([x0 - 0.01, y0 - 0.01, x1 + 0.01, y1 + 0.01])
  const fixed = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([cleaned, box]))
  if (!fixed) throw new Error('district outline vanished while cleaning')
  const geometry = roundAreaGeometry(fixed.geometry as AreaGeometry, 7)
  const count = (g: AreaGeometry) =>
    g.type === 'Polygon'
      ? g.coordinates.reduce((s, r) => s + r.length, 0)
      : g.coordinates.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0)
  return {
    name: raw.name,
    geometry,
    rawVertexCount: raw.geometry.coordinates.reduce((s, r) => s + r.length, 0),
    cleanedVertexCount: count(geometry),
    rawKinks,
    notes: [],
  }
}

/**
 * Approximate street centres (lon, lat), in the source map's GCJ-02 datum like the decoded outline they were
 * placed against (converted to WGS84 with the outline): hand-placed approximations, not surveyed. Starting from the brief's
 * approximations, 沙河, 牛市口 and 狮子山 were moved inside the decoded outline (their first positions fell
 * on or beyond its north-east edge) and 锦华路, 柳江 and 三圣 were moved south so the southern lobe of the
 * outline is shared out rather than falling to one street.
 */
export const STREET_CENTRES: Record<string, LonLat> = {
  春熙路街道: [104.083, 30.656],
  书院街街道: [104.09, 30.662],
  锦官驿街道: [104.09, 30.646],
  沙河街道: [104.1017, 30.6464],
  牛市口街道: [104.1144, 30.6356],
  狮子山街道: [104.1206, 30.6221],
  东湖街道: [104.09, 30.625],
  锦华路街道: [104.095, 30.6047],
  成龙路街道: [104.135, 30.617],
  柳江街道: [104.1144, 30.5697],
  三圣街道: [104.1456, 30.5831],
}

/** The brief's first approximations, kept for the README's record of what was moved. */
export const STREET_CENTRES_BRIEF: Record<string, LonLat> = {
  春熙路街道: [104.083, 30.656],
  书院街街道: [104.09, 30.662],
  锦官驿街道: [104.09, 30.646],
  沙河街道: [104.113, 30.662],
  牛市口街道: [104.108, 30.645],
  狮子山街道: [104.122, 30.628],
  东湖街道: [104.09, 30.625],
  锦华路街道: [104.095, 30.607],
  成龙路街道: [104.135, 30.617],
  柳江街道: [104.15, 30.595],
  三圣街道: [104.14, 30.58],
}

export interface StreetArea extends RealStreet {
  geometry: AreaGeometry
  seed: LonLat
  seedMoved: boolean
  /** The city blocks the street is made of. */
  blockIds: number[]
}
export interface CommunityArea extends RealCommunity {
  geometry: AreaGeometry
  seed: LonLat
}

function largestRing(g: AreaGeometry): LonLat[] {
  if (g.type === 'Polygon') return g.coordinates[0] as LonLat[]
  let best: LonLat[] = []
  let bestArea = -1
  for (const p of g.coordinates) {
    const a = turf.area(turf.polygon(p))
    if (a > bestArea) {
      bestArea = a
      best = p[0] as LonLat[]
    }
  }
  return best
}

/** Nearest vertex of the outline, nudged toward the outline's centroid, for a seed that fell outside. */
function pullInside(p: LonLat, g: AreaGeometry): LonLat {
  const ring = largestRing(g)
  const c = ringCentroid(ring)
  for (let k = 1; k <= 20; k++) {
    const t = k / 20
    const q: LonLat = [p[0] + (c[0] - p[0]) * t, p[1] + (c[1] - p[1]) * t]
    if (pointInAreaGeometry(q, g)) return q
  }
  return [c[0], c[1]]
}

/** The block a point lies in, else (on a road) the block whose centroid is nearest. */
export function blockAt(blocks: readonly Block[], p: XY): Block {
  return blocks.find((b) => pointInRing(p, b.ring)) ?? nearestBlock(blocks, p)
}

/** Blocks merged into one outline, rounded as every output coordinate is. */
function dissolve(blocks: readonly Block[]): AreaGeometry {
  const polygons = dissolveBlocks(blocks).map((rings) => rings.map((r) => r.map((p) => toLonLat(p, 7))))
  if (polygons.length === 0) throw new Error('blocks dissolved to nothing')
  return roundAreaGeometry(
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] as LonLat[][] }
      : { type: 'MultiPolygon', coordinates: polygons },
    7,
  )
}

/** Resident weight of a block: its area, weighted toward the dense historic centre (as compound plots are). */
function residentMass(b: Block): number {
  return b.areaM2 * (0.12 + density(b.centroid))
}

/**
 * Streets: the superblocks (blocks between arterial and secondary roads) grown into one contiguous region per
 * street from its hand-placed seed, nearest first, so street boundaries run along the major roads.
 */
export function streetAreas(district: AreaGeometry, blocks: readonly Block[]): StreetArea[] {
  const { streets } = loadDivisions('510104')
  const seeds: { street: RealStreet; seed: LonLat; moved: boolean }[] = streets.map((s) => {
    const g = STREET_CENTRES[s.name]
    if (!g) throw new Error(`no approximate centre for ${s.name}`)
    const c = gcj02ToWgs84(g)
    const inside = pointInAreaGeometry(c, district)
    return { street: s, seed: inside ? c : pullInside(c, district), moved: !inside }
  })
  // Streets are made of superblocks: the blocks between arterial and secondary roads (and the outline).
  const superblocks = groupBlocks(
    blocks,
    (road) => !road.classes.has('arterial') && !road.classes.has('secondary'),
  )
  const superblockOf = new Map(superblocks.flatMap((g) => g.blockIds.map((id) => [id, g])))
  const { regionOf } = growRegions(
    superblocks.map((g) => ({
      id: g.id,
      centroid: g.centroid,
      mass: g.areaM2,
      area: g.areaM2,
      neighbours: g.neighbours,
    })),
    seeds.map((s) => ({ point: superblockOf.get(blockAt(blocks, toXY(s.seed)).id)?.centroid as XY })),
  )
  return seeds.map((s, i) => {
    const own = blocks.filter((b) => regionOf.get(superblockOf.get(b.id)?.id as number) === i)
    return {
      ...s.street,
      geometry: dissolve(own),
      seed: s.seed,
      seedMoved: s.moved,
      blockIds: own.map((b) => b.id),
    }
  })
}

/**
 * Communities: in each street, as many seed blocks as the street has communities (drawn spread out, then moved
 * by Lloyd iterations) grow into contiguous regions of whole blocks balanced to equal resident weight, so
 * central communities are smaller. `fixed` puts one community's seed in a given block (沙河社区 in Wufuyuan's).
 * Codes go north to south over the free seeds.
 */
export function communityAreas(
  streets: readonly StreetArea[],
  blocks: readonly Block[],
  fixed: { communityCode: string; blockId: number },
): CommunityArea[] {
  const { communities } = loadDivisions('510104')
  const byId = new Map(blocks.map((b) => [b.id, b]))
  const out: CommunityArea[] = []
  for (const street of streets) {
    const own = communities.filter((c) => c.streetCode === street.code).sort((a, b) => cmp(a.code, b.code))
    if (own.length === 0) continue
    const streetBlocks = street.blockIds.map((id) => byId.get(id) as Block)
    const fixedIndex = own.findIndex((c) => c.code === fixed.communityCode)
    if (fixedIndex >= 0 && !street.blockIds.includes(fixed.blockId))
      throw new Error(`${own[fixedIndex]?.name}'s block is not in ${street.name}`)
    if (own.length === 1) {
      out.push({ ...(own[0] as RealCommunity), geometry: street.geometry, seed: street.seed })
      continue
    }
    const rng = stream(`communities/${street.code}`)
    const regionBlocks: RegionBlock[] = streetBlocks.map((b) => ({
      id: b.id,
      centroid: b.centroid,
      mass: residentMass(b),
      area: b.areaM2,
      neighbours: new Map(
        [...b.neighbours].map(([n, road]) => [n, road.lengthM] as const).sort((x, y) => x[0] - y[0]),
      ),
    }))
    const fixedSeed: RegionSeed[] =
      fixedIndex >= 0 ? [{ point: (byId.get(fixed.blockId) as Block).centroid, fixed: true }] : []
    const free = spreadSeeds(
      regionBlocks,
      own.length - fixedSeed.length,
      rng,
      fixedSeed.map((s) => s.point),
    )
    const seeds: RegionSeed[] = [...fixedSeed, ...free.map((point) => ({ point }))]
    const { regionOf, seeds: moved } = growRegions(regionBlocks, seeds, {
      lloyd: 4,
      targetShares: seeds.map(() => 1 / seeds.length),
      balanceRounds: 12,
      moves: 300,
      compactness: 0.2,
    })
    // Codes north-west first over the free seeds; the fixed community keeps its own code.
    const order = moved
      .map((p, r) => ({ p, r }))
      .filter(({ r }) => !seeds[r]?.fixed)
      .sort((a, b) => b.p[1] - a.p[1] || a.p[0] - b.p[0])
    const codes = own.filter((_, i) => i !== fixedIndex)
    const regionOfCode = new Map<RealCommunity, number>(
      order.map(({ r }, k) => [codes[k] as RealCommunity, r]),
    )
    if (fixedIndex >= 0) regionOfCode.set(own[fixedIndex] as RealCommunity, 0)
    for (const c of own) {
      const r = regionOfCode.get(c) as number
      const mine = streetBlocks.filter((b) => regionOf.get(b.id) === r)
      out.push({ ...c, geometry: dissolve(mine), seed: toLonLat(moved[r] as XY, 7) })
    }
  }
  return out.sort((a, b) => cmp(a.code, b.code))
}

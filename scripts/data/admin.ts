// District outline (real, decoded) and the synthetic street (街道) and community (社区) outlines that
// partition it (Voronoi cells from seed points, clipped to the outline).
import * as turf from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { gcj02ToWgs84, type LonLat, pointInAreaGeometry, ringCentroid, roundAreaGeometry } from './geo.ts'
import { cmp, stream } from './random.ts'
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
}
export interface CommunityArea extends RealCommunity {
  geometry: AreaGeometry
  seed: LonLat
}

function clipTo(cell: Feature<Polygon>, mask: AreaGeometry): AreaGeometry | null {
  const r = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([cell, turf.feature(mask)]))
  if (!r) return null
  return roundAreaGeometry(r.geometry as AreaGeometry, 7)
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

function voronoiPartition(seeds: LonLat[], mask: AreaGeometry): AreaGeometry[] {
  const [x0, y0, x1, y1] = turf.bbox(turf.feature(mask))
  const pad = 0.02
  const cells = turf.voronoi(turf.featureCollection(seeds.map((s) => turf.point(s))), {
    bbox: [x0 - pad, y0 - pad, x1 + pad, y1 + pad],
  })
  return seeds.map((_, i) => {
    const cell = cells.features[i]
    if (!cell) throw new Error('degenerate Voronoi cell (duplicate seed?)')
    const g = clipTo(cell, mask)
    if (!g) throw new Error('Voronoi cell does not meet the outline')
    return g
  })
}

export function streetAreas(district: AreaGeometry): StreetArea[] {
  const { streets } = loadDivisions('510104')
  const seeds: { street: RealStreet; seed: LonLat; moved: boolean }[] = streets.map((s) => {
    const g = STREET_CENTRES[s.name]
    if (!g) throw new Error(`no approximate centre for ${s.name}`)
    const c = gcj02ToWgs84(g)
    const inside = pointInAreaGeometry(c, district)
    return { street: s, seed: inside ? c : pullInside(c, district), moved: !inside }
  })
  const parts = voronoiPartition(
    seeds.map((s) => s.seed),
    district,
  )
  return seeds.map((s, i) => ({
    ...s.street,
    geometry: parts[i] as AreaGeometry,
    seed: s.seed,
    seedMoved: s.moved,
  }))
}

/** Random seeds in a street, spread by a few Lloyd iterations, then a Voronoi partition of the street. */
export function communityAreas(streets: StreetArea[]): CommunityArea[] {
  const { communities } = loadDivisions('510104')
  const out: CommunityArea[] = []
  for (const street of streets) {
    const own = communities.filter((c) => c.streetCode === street.code).sort((a, b) => cmp(a.code, b.code))
    if (own.length === 0) continue
    if (own.length === 1) {
      out.push({ ...(own[0] as RealCommunity), geometry: street.geometry, seed: street.seed })
      continue
    }
    const rng = stream(`communities/${street.code}`)
    const [x0, y0, x1, y1] = turf.bbox(turf.feature(street.geometry))
    let seeds: LonLat[] = []
    while (seeds.length < own.length) {
      const p: LonLat = [x0 + rng() * (x1 - x0), y0 + rng() * (y1 - y0)]
      if (pointInAreaGeometry(p, street.geometry)) seeds.push(p)
    }
    for (let iter = 0; iter < 3; iter++) {
      const parts = voronoiPartition(seeds, street.geometry)
      seeds = parts.map((g, i) => {
        const c = ringCentroid(largestRing(g)) as LonLat
        return pointInAreaGeometry(c, street.geometry) ? c : (seeds[i] as LonLat)
      })
    }
    // Assign codes north-west first: sort seeds by latitude bands then longitude.
    seeds.sort((a, b) => b[1] - a[1] || a[0] - b[0])
    const parts = voronoiPartition(seeds, street.geometry)
    own.forEach((c, i) => {
      out.push({ ...c, geometry: parts[i] as AreaGeometry, seed: seeds[i] as LonLat })
    })
  }
  return out.sort((a, b) => cmp(a.code, b.code))
}

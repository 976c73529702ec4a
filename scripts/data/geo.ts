// Small planar geometry helpers for the generator: a local metric frame around Jinjiang, rounding,
// ring orientation (RFC 7946), bilinear quads, segment intersection, and the GCJ-02 datum shift.
import gcoord from 'gcoord'

export type XY = [number, number]
export type LonLat = [number, number]

/** Origin of the local frame (near the centre of the district's bounding box). */
export const LON0 = 104.11
export const LAT0 = 30.61
/** Metres per degree of latitude / longitude at 30.61°N on the WGS84 ellipsoid (series formulas, precomputed). */
export const M_PER_DEG_LAT = 110862.768
export const M_PER_DEG_LON = 95890.695

export function toXY(p: LonLat): XY {
  return [(p[0] - LON0) * M_PER_DEG_LON, (p[1] - LAT0) * M_PER_DEG_LAT]
}
export function toLonLat(p: XY, decimals = 7): LonLat {
  return [round(LON0 + p[0] / M_PER_DEG_LON, decimals), round(LAT0 + p[1] / M_PER_DEG_LAT, decimals)]
}

export function round(n: number, decimals: number): number {
  const f = 10 ** decimals
  const r = Math.round(n * f) / f
  return Object.is(r, -0) ? 0 : r
}

export function dist(a: XY, b: XY): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1])
}

export function lerp(a: XY, b: XY, t: number): XY {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
}

/** Twice the signed area (shoelace) of a ring; positive = counter-clockwise. Works for closed or open rings. */
export function signedArea2(ring: readonly number[][]): number {
  let s = 0
  const n = ring.length
  for (let i = 0; i < n; i++) {
    const a = ring[i] as number[]
    const b = ring[(i + 1) % n] as number[]
    s += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number)
  }
  return s
}

/** Close a ring, drop consecutive duplicates, and orient it (ccw for exteriors, cw for holes). */
export function normaliseRing<T extends number[]>(ring: readonly T[], ccw: boolean): T[] {
  const out: T[] = []
  for (const p of ring) {
    const last = out[out.length - 1]
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p)
  }
  const first = out[0] as T
  const last = out[out.length - 1] as T
  if (out.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first] as T)
  const isCcw = signedArea2(out) > 0
  if (isCcw !== ccw) out.reverse()
  return out
}

/** RFC 7946 polygon rings: exterior ccw, holes cw. */
export function normalisePolygon<T extends number[]>(rings: readonly (readonly T[])[]): T[][] {
  return rings.map((r, i) => normaliseRing(r, i === 0))
}

/** Round every position of a Polygon or MultiPolygon geometry and fix orientation. */
export function roundAreaGeometry(
  g: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] },
  decimals = 7,
): { type: 'Polygon'; coordinates: LonLat[][] } | { type: 'MultiPolygon'; coordinates: LonLat[][][] } {
  const rp = (p: number[]): LonLat => [round(p[0] as number, decimals), round(p[1] as number, decimals)]
  if (g.type === 'Polygon')
    return { type: 'Polygon', coordinates: normalisePolygon(g.coordinates.map((r) => r.map(rp))) }
  return {
    type: 'MultiPolygon',
    coordinates: g.coordinates.map((poly) => normalisePolygon(poly.map((r) => r.map(rp)))),
  }
}

/** A quadrilateral given by its corners in order p00 (u=0,v=0), p10, p11, p01. */
export type Quad = [XY, XY, XY, XY]

/** Bilinear point of a quad: u runs p00→p10, v runs p00→p01. Iso-lines of a bilinear patch are straight. */
export function bilinear(q: Quad, u: number, v: number): XY {
  const [a, b, c, d] = q
  return [
    (1 - u) * (1 - v) * a[0] + u * (1 - v) * b[0] + u * v * c[0] + (1 - u) * v * d[0],
    (1 - u) * (1 - v) * a[1] + u * (1 - v) * b[1] + u * v * c[1] + (1 - u) * v * d[1],
  ]
}

/** The sub-quad [u0,u1]×[v0,v1] of a quad. */
export function subQuad(q: Quad, u0: number, u1: number, v0: number, v1: number): Quad {
  return [bilinear(q, u0, v0), bilinear(q, u1, v0), bilinear(q, u1, v1), bilinear(q, u0, v1)]
}

/** Lengths of the quad's u-direction sides (bottom, top) and v-direction sides (left, right). */
export function quadSides(q: Quad): { bottom: number; top: number; left: number; right: number } {
  return { bottom: dist(q[0], q[1]), top: dist(q[3], q[2]), left: dist(q[0], q[3]), right: dist(q[1], q[2]) }
}

export function quadArea(q: Quad): number {
  return Math.abs(signedArea2(q)) / 2
}

export function quadCentre(q: Quad): XY {
  return bilinear(q, 0.5, 0.5)
}

/** Parameter t along segment ab where it crosses segment cd (0..1 on both), or null. */
export function segmentIntersection(a: XY, b: XY, c: XY, d: XY): { t: number; s: number } | null {
  const r0 = b[0] - a[0]
  const r1 = b[1] - a[1]
  const s0 = d[0] - c[0]
  const s1 = d[1] - c[1]
  const den = r0 * s1 - r1 * s0
  if (den === 0) return null
  const qp0 = c[0] - a[0]
  const qp1 = c[1] - a[1]
  const t = (qp0 * s1 - qp1 * s0) / den
  const s = (qp0 * r1 - qp1 * r0) / den
  if (t < 0 || t > 1 || s < 0 || s > 1) return null
  return { t, s }
}

/** Even-odd point in ring test (ring may be open or closed). */
export function pointInRing(p: readonly number[], ring: readonly number[][]): boolean {
  let inside = false
  const x = p[0] as number
  const y = p[1] as number
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = (ring[i] as number[])[0] as number
    const yi = (ring[i] as number[])[1] as number
    const xj = (ring[j] as number[])[0] as number
    const yj = (ring[j] as number[])[1] as number
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Point in polygon (with holes) for Polygon / MultiPolygon coordinates. */
export function pointInAreaGeometry(
  p: readonly number[],
  g: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] },
): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  for (const poly of polys) {
    const [outer, ...holes] = poly
    if (outer && pointInRing(p, outer) && !holes.some((h) => pointInRing(p, h))) return true
  }
  return false
}

/** Distance from point p to segment ab. */
export function pointSegmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const len2 = dx * dx + dy * dy
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2
  t = Math.max(0, Math.min(1, t))
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy))
}

/** Area-weighted centroid of a simple ring (planar). */
export function ringCentroid(ring: readonly number[][]): XY {
  let a = 0
  let cx = 0
  let cy = 0
  const n = ring.length
  for (let i = 0; i < n; i++) {
    const p = ring[i] as number[]
    const q = ring[(i + 1) % n] as number[]
    const f = (p[0] as number) * (q[1] as number) - (q[0] as number) * (p[1] as number)
    a += f
    cx += ((p[0] as number) + (q[0] as number)) * f
    cy += ((p[1] as number) + (q[1] as number)) * f
  }
  if (a === 0) return [ring[0]?.[0] ?? 0, ring[0]?.[1] ?? 0]
  return [cx / (3 * a), cy / (3 * a)]
}

// --- GCJ-02 → WGS84. The ECharts city maps were downloaded from AMap (高德), whose coordinates are in the
// GCJ-02 "Mars" datum, offset from WGS84 by a few hundred metres in Chengdu; gcoord does the conversion.
export function gcj02ToWgs84(p: LonLat): LonLat {
  const [lon, lat] = gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84)
  return [lon, lat]
}

// City blocks (街坊): the faces of the synthetic road network closed by the district outline, found by
// polygonizing the noded road centrelines together with the outline; which blocks share a road; and the exact
// outline of a set of blocks. Streets and communities are made of whole blocks (admin.ts), so their boundaries
// run along roads, and along the district outline where no road bounds them. Local metric frame (geo.ts).
import type { RoadClass } from '@renewal-atlas/domain'
import * as turf from '@turf/turf'
import type { AreaGeometry } from './admin.ts'
import { dist, pointInRing, pointSegmentDistance, ringCentroid, signedArea2, toXY, type XY } from './geo.ts'
import type { RoadFabric } from './layout.ts'

export interface Block {
  id: number
  /** Closed, counter-clockwise; its vertices are road nodes and outline vertices. */
  ring: XY[]
  areaM2: number
  centroid: XY
  /** Neighbouring block id → the road they share: its length (m) and the classes of its segments. */
  neighbours: Map<number, SharedRoad>
}

export interface SharedRoad {
  lengthM: number
  classes: Set<RoadClass>
}

/** A group of blocks (a superblock, a street, ...) as one unit: its blocks, area, centroid and neighbours. */
export interface BlockGroup {
  id: number
  blockIds: number[]
  areaM2: number
  centroid: XY
  /** Neighbouring group id → length (m) of the road they share, in ascending id order. */
  neighbours: Map<number, number>
}

/** The noded road graph: what blocks are cut by. */
export type RoadNetwork = Pick<RoadFabric, 'nodes' | 'edges'>

/** How far a road's end point on the outline may lie from the outline (metres) before it counts as an error. */
const ON_OUTLINE_M = 1e-3

/**
 * The district ring with every road end point on the outline inserted as a vertex, so that roads and outline
 * meet only at shared vertices (what polygonize needs).
 */
function nodedOutline(district: AreaGeometry, fabric: RoadNetwork): XY[] {
  if (district.type !== 'Polygon' || district.coordinates.length !== 1)
    throw new Error('district outline must be one polygon without holes')
  const ring = (district.coordinates[0] as [number, number][]).slice(0, -1).map((p) => toXY(p))
  const used = new Set(fabric.edges.flatMap((e) => [e.a, e.b]))
  const onSegment = new Map<number, { t: number; p: XY }[]>()
  for (const n of fabric.nodes) {
    if (!n.onBoundary || !used.has(n.id)) continue
    let best = -1
    let bestD = Infinity
    for (let k = 0; k < ring.length; k++) {
      const d = pointSegmentDistance(n.p, ring[k] as XY, ring[(k + 1) % ring.length] as XY)
      if (d < bestD) {
        bestD = d
        best = k
      }
    }
    if (bestD > ON_OUTLINE_M) throw new Error(`road end ${n.id} is ${bestD} m off the outline`)
    const a = ring[best] as XY
    const b = ring[(best + 1) % ring.length] as XY
    const t = dist(a, n.p) / dist(a, b)
    onSegment.set(best, [...(onSegment.get(best) ?? []), { t, p: n.p }])
  }
  const out: XY[] = []
  ring.forEach((v, k) => {
    const inserted = (onSegment.get(k) ?? []).sort((x, y) => x.t - y.t)
    // A road end that falls on an outline vertex replaces it (the two agree to a millimetre).
    const first = inserted[0]
    if (first && dist(first.p, v) < ON_OUTLINE_M) {
      out.push(first.p)
      inserted.shift()
    } else out.push(v)
    for (const x of inserted) if (dist(x.p, out[out.length - 1] as XY) >= ON_OUTLINE_M) out.push(x.p)
  })
  if (out.length > 1 && dist(out[0] as XY, out[out.length - 1] as XY) < ON_OUTLINE_M) out.pop()
  return [...out, out[0] as XY]
}

const pointKey = (p: readonly number[]) => `${p[0]},${p[1]}`
const segmentKey = (a: readonly number[], b: readonly number[]) => {
  const ka = pointKey(a)
  const kb = pointKey(b)
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`
}

export function cityBlocks(district: AreaGeometry, fabric: RoadNetwork): Block[] {
  const outline = nodedOutline(district, fabric)
  const lines = [
    ...fabric.edges.map((e) =>
      turf.lineString([(fabric.nodes[e.a] as { p: XY }).p, (fabric.nodes[e.b] as { p: XY }).p]),
    ),
    ...outline.slice(0, -1).map((p, k) => turf.lineString([p, outline[k + 1] as XY])),
  ]
  const faces = turf.polygonize(turf.featureCollection(lines)).features
  const blocks: Block[] = faces.map((f, id) => {
    const ring = (f.geometry.coordinates[0] as XY[]).map((p) => [p[0], p[1]] as XY)
    if (signedArea2(ring) < 0) ring.reverse()
    return { id, ring, areaM2: signedArea2(ring) / 2, centroid: ringCentroid(ring), neighbours: new Map() }
  })
  // The faces must tile the district: polygonize drops nothing and overlaps nothing only if the lines are noded.
  const total = blocks.reduce((s, b) => s + b.areaM2, 0)
  const districtArea = signedArea2(outline) / 2
  if (Math.abs(total - districtArea) > 1e-6 * districtArea)
    throw new Error(`blocks cover ${total} m² of the district's ${districtArea} m²`)
  const classOf = new Map<string, RoadClass>()
  for (const e of fabric.edges)
    classOf.set(
      segmentKey((fabric.nodes[e.a] as { p: XY }).p, (fabric.nodes[e.b] as { p: XY }).p),
      e.roadClass,
    )
  const sides = new Map<string, { block: number; length: number }[]>()
  for (const b of blocks)
    for (let k = 0; k + 1 < b.ring.length; k++) {
      const a = b.ring[k] as XY
      const c = b.ring[k + 1] as XY
      const key = segmentKey(a, c)
      sides.set(key, [...(sides.get(key) ?? []), { block: b.id, length: dist(a, c) }])
    }
  for (const [key, pair] of sides) {
    const [x, y] = pair
    if (!x || !y || x.block === y.block) continue
    const roadClass = classOf.get(key)
    if (!roadClass) throw new Error('two blocks share a side that is not a road')
    for (const [from, to] of [
      [x.block, y.block],
      [y.block, x.block],
    ] as const) {
      const n = (blocks[from] as Block).neighbours
      const shared = n.get(to) ?? { lengthM: 0, classes: new Set<RoadClass>() }
      shared.lengthM += x.length
      shared.classes.add(roadClass)
      n.set(to, shared)
    }
  }
  return blocks
}

/**
 * Blocks merged across the roads for which `joins` says so (for example across branch roads and lanes, leaving
 * the areas between arterial and secondary roads), as connected groups in order of their first block. `blocks`
 * as cityBlocks returns them (a block's id is its index).
 */
export function groupBlocks(blocks: readonly Block[], joins: (shared: SharedRoad) => boolean): BlockGroup[] {
  const groupOf = new Map<number, number>()
  const groups: BlockGroup[] = []
  for (const start of blocks) {
    if (groupOf.has(start.id)) continue
    const g: BlockGroup = {
      id: groups.length,
      blockIds: [],
      areaM2: 0,
      centroid: [0, 0],
      neighbours: new Map(),
    }
    groups.push(g)
    groupOf.set(start.id, g.id)
    const stack = [start]
    while (stack.length > 0) {
      const b = stack.pop() as Block
      g.blockIds.push(b.id)
      for (const [n, shared] of b.neighbours)
        if (!groupOf.has(n) && joins(shared)) {
          groupOf.set(n, g.id)
          stack.push(blocks[n] as Block)
        }
    }
    g.blockIds.sort((x, y) => x - y)
  }
  for (const g of groups) {
    let x = 0
    let y = 0
    const near = new Map<number, number>()
    for (const id of g.blockIds) {
      const b = blocks[id] as Block
      g.areaM2 += b.areaM2
      x += b.centroid[0] * b.areaM2
      y += b.centroid[1] * b.areaM2
      for (const [n, road] of b.neighbours) {
        const other = groupOf.get(n) as number
        if (other !== g.id) near.set(other, (near.get(other) ?? 0) + road.lengthM)
      }
    }
    g.centroid = [x / g.areaM2, y / g.areaM2]
    g.neighbours = new Map([...near].sort((a, b) => a[0] - b[0]))
  }
  return groups
}

/**
 * The outline of a set of blocks, exactly: the block sides not shared within the set, chained into rings (at a
 * vertex where the boundary meets itself, the sharpest left turn, so rings never cross). Every vertex of every
 * block side on the boundary stays, so an outline made of some of these blocks shares its vertices with an
 * outline of more of them (a community's with its street's). Polygons of counter-clockwise exteriors, each
 * followed by the clockwise holes inside it.
 */
export function dissolveBlocks(blocks: readonly Block[]): XY[][][] {
  const sides = new Map<string, [XY, XY]>() // directed key a→b
  const directed = (a: XY, b: XY) => `${pointKey(a)}>${pointKey(b)}`
  for (const b of blocks)
    for (let k = 0; k + 1 < b.ring.length; k++) {
      const a = b.ring[k] as XY
      const c = b.ring[k + 1] as XY
      const back = directed(c, a)
      if (sides.has(back)) sides.delete(back)
      else sides.set(directed(a, c), [a, c])
    }
  const leaving = new Map<string, [XY, XY][]>()
  for (const s of sides.values()) leaving.set(pointKey(s[0]), [...(leaving.get(pointKey(s[0])) ?? []), s])
  const rings: XY[][] = []
  const used = new Set<string>()
  for (const [key, start] of sides) {
    if (used.has(key)) continue
    used.add(key)
    const ring: XY[] = [start[0], start[1]]
    let side = start
    for (;;) {
      const heading = Math.atan2(side[1][1] - side[0][1], side[1][0] - side[0][0])
      // Turn angle in (-π, π]: the largest is the sharpest turn to the left.
      const turn = (s: [XY, XY]) => {
        let t = Math.atan2(s[1][1] - s[0][1], s[1][0] - s[0][0]) - heading
        while (t <= -Math.PI) t += 2 * Math.PI
        while (t > Math.PI) t -= 2 * Math.PI
        return t
      }
      const options = (leaving.get(pointKey(side[1])) ?? []).filter(
        (s) => s === start || !used.has(directed(s[0], s[1])),
      )
      if (options.length === 0) throw new Error('a block outline does not close')
      side = options.reduce((best, s) => (turn(s) > turn(best) ? s : best))
      if (side === start) break
      used.add(directed(side[0], side[1]))
      ring.push(side[1])
    }
    rings.push(ring)
  }
  const exteriors = rings.filter((r) => signedArea2(r) > 0)
  const holes = rings.filter((r) => signedArea2(r) < 0)
  const polygons = exteriors.map((r) => [r])
  for (const h of holes) {
    const inside =
      polygons.length === 1 ? polygons[0] : polygons.find((p) => pointInRing(ringCentroid(h), p[0] as XY[]))
    if (!inside) throw new Error('a hole outside every exterior')
    inside.push(h)
  }
  return polygons
}

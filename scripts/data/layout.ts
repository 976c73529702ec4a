// The synthetic urban fabric: a jittered lattice road network clipped to the district and noded at every
// junction, blocks (cells) between the roads and the special Wufuyuan (五福苑) block beside Majiagou Road
// (马家沟路); then, once the streets and communities have been drawn along those roads (admin.ts), the
// candidate compound (小区) plots inside the blocks. All geometry here is in the local metric frame (geo.ts);
// conversion to lon/lat happens on output.
import type { RoadClass } from '@renewal-atlas/domain'
import type { AreaGeometry, CommunityArea } from './admin.ts'
import {
  dist,
  gcj02ToWgs84,
  type LonLat,
  lerp,
  pointInAreaGeometry,
  pointInRing,
  type Quad,
  segmentIntersection,
  subQuad,
  toLonLat,
  toXY,
  type XY,
} from './geo.ts'
import {
  ARTERIAL_NAMES,
  BRANCH_SUFFIXES,
  LANE_SUFFIXES,
  NUMERALS,
  PLACE_STEMS,
  SECONDARY_NAMES,
} from './names.ts'
import { type Rng, stream } from './random.ts'

/** Lattice spacing (metres): the size of a typical block between branch roads. */
export const SPACING = 250
/** The historic centre (春熙路/书院街, north-west): density and age fall off with distance from it. */
export const HISTORIC_CENTRE: XY = toXY(gcj02ToWgs84([104.083, 30.656])) // placed on the GCJ-02 source map

/**
 * Where Wufuyuan's block goes (WGS84): a fixed point in the north of 沙河街道, near Majiagou. The lattice is
 * anchored on the nearest 10 m grid point where the block fits; 沙河社区 is then grown from this block, so the
 * case's compound lies in its real community and street. (The point is where the anchor landed when it was
 * searched inside the earlier straight-line outline of 沙河社区, which keeps the road network as it was.)
 */
export const WUFUYUAN_SITE: LonLat = toLonLat([-800, 4130], 7)
/** Wufuyuan's community (沙河社区, in 沙河街道). */
export const WUFUYUAN_COMMUNITY = '510104030004'
/** Wufuyuan's compound relative to its block's south-west node P (metres); y0 clears the southern branch road. */
const WFY = { x0: 6.5, x1: 156.5, y0: 14, y1: 124 }

export function density(p: XY): number {
  const d = dist(p, HISTORIC_CENTRE)
  return 1 / (1 + (d / 3500) ** 2)
}

export interface RoadNode {
  id: number
  p: XY
  onBoundary: boolean
}

export interface RoadEdge {
  a: number
  b: number
  roadClass: RoadClass
  name: string
  redLineWidthM: number
  carriagewayWidthM: number
}

interface LatticeEdge {
  key: string // V:i:j (node (i,j)→(i,j+1)) or H:i:j (node (i,j)→(i+1,j))
  line: string // V:i or H:j
  a: string // lattice node key
  b: string
  segment: string // name segment key
  roadClass: RoadClass
  removed: boolean
  stub: null | { from: 'a' | 'b'; fraction: number }
  pieces: { t0: number; t1: number }[] // parts inside the district, parameter along a→b
  midNode: number | null // node id where lanes attach (t = 0.5)
}

export interface Segment {
  name: string
  roadClass: RoadClass
  red: number
  carriage: number
}

export interface Cell {
  i: number
  j: number
  quad: Quad // p00 (i,j), p10 (i+1,j), p11 (i+1,j+1), p01 (i,j+1)
  edges: { bottom: string; top: string; left: string; right: string }
  lane: null | { from: 'bottom' | 'top'; through: boolean; halfWidth: number }
  nonResidential: boolean
}

export interface Plot {
  quad: Quad
  cell: Cell
  communityCode: string
  weight: number
  special?: 'wufuyuan'
}

/** The roads and the blocks between them, before anything is placed in the blocks. */
export interface RoadFabric {
  nodes: RoadNode[]
  edges: RoadEdge[]
  cells: Cell[]
  /** The lattice cell whose block holds Wufuyuan (its four sides are branch roads, the west one 马家沟路). */
  wufuyuanCell: Cell
  segments: Map<string, Segment>
  edgeOfLattice: Map<string, LatticeEdge>
  deadEndsNearWufuyuan: number[]
}

/** The road fabric with the candidate compound plots and facility sites placed in its blocks. */
export interface Fabric extends RoadFabric {
  plots: Plot[] // candidate compound plots, each inside one community
  vacant: XY[] // centres of plots not usable / not used, candidate facility sites
  wufuyuan: { quad: Quad; cell: Cell; roadLine: [XY, XY]; buildings: Quad[] }
}

const key = (i: number, j: number) => `${i}:${j}`

function halfRed(seg: Segment): number {
  return seg.red / 2
}

/** Which communities does a point fall in (with bbox prefilter). */
function makeCommunityLookup(communities: CommunityArea[]) {
  const items = communities.map((c) => {
    const polys = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates
    const xyPolys = polys.map((poly) => poly.map((ring) => ring.map((p) => toXY(p))))
    let x0 = Infinity
    let y0 = Infinity
    let x1 = -Infinity
    let y1 = -Infinity
    for (const poly of xyPolys)
      for (const p of poly[0] ?? []) {
        x0 = Math.min(x0, p[0])
        y0 = Math.min(y0, p[1])
        x1 = Math.max(x1, p[0])
        y1 = Math.max(y1, p[1])
      }
    return { c, xyPolys, bbox: [x0, y0, x1, y1] as const }
  })
  const inPolys = (p: XY, xyPolys: XY[][][]) =>
    xyPolys.some((poly) => pointInRing(p, poly[0] ?? []) && !poly.slice(1).some((h) => pointInRing(p, h)))
  return {
    at(p: XY): CommunityArea | null {
      for (const it of items) {
        const [x0, y0, x1, y1] = it.bbox
        if (p[0] < x0 || p[0] > x1 || p[1] < y0 || p[1] > y1) continue
        if (inPolys(p, it.xyPolys)) return it.c
      }
      return null
    },
    /** Quad strictly inside the community: corners and densified edge points inside, no boundary vertex inside the quad. */
    quadWithin(q: Quad, code: string, margin = 1): boolean {
      const it = items.find((x) => x.c.code === code)
      if (!it) return false
      for (let k = 0; k < 4; k++) {
        const a = q[k] as XY
        const b = q[(k + 1) % 4] as XY
        const n = Math.max(2, Math.ceil(dist(a, b) / 10))
        for (let s = 0; s < n; s++) if (!inPolys(lerp(a, b, s / n), it.xyPolys)) return false
      }
      // No vertex of the community's boundary may lie inside (or within `margin` of) the quad.
      const cx = (q[0][0] + q[1][0] + q[2][0] + q[3][0]) / 4
      const cy = (q[0][1] + q[1][1] + q[2][1] + q[3][1]) / 4
      const grown = q.map((p) => {
        const dx = p[0] - cx
        const dy = p[1] - cy
        const l = Math.hypot(dx, dy) || 1
        return [p[0] + (dx / l) * margin * 1.5, p[1] + (dy / l) * margin * 1.5] as XY
      })
      for (const poly of it.xyPolys)
        for (const ring of poly) for (const v of ring) if (pointInRing(v, grown)) return false
      return true
    },
  }
}

function districtRing(district: AreaGeometry): XY[] {
  if (district.type !== 'Polygon') throw new Error('district outline must be a single polygon')
  return (district.coordinates[0] as [number, number][]).map((p) => toXY(p))
}

/** Wufuyuan's compound quad in the lattice cell whose south-west node is P. */
function wufuyuanQuad(cell: Quad): Quad {
  return subQuad(cell, WFY.x0 / SPACING, WFY.x1 / SPACING, WFY.y0 / SPACING, WFY.y1 / SPACING)
}

export function buildRoadFabric(district: AreaGeometry): RoadFabric {
  const rng = stream('fabric')
  const ring = districtRing(district)
  const inside = (p: XY) => pointInRing(p, ring)
  let bx0 = Infinity
  let by0 = Infinity
  let bx1 = -Infinity
  let by1 = -Infinity
  for (const p of ring) {
    bx0 = Math.min(bx0, p[0])
    by0 = Math.min(by0, p[1])
    bx1 = Math.max(bx1, p[0])
    by1 = Math.max(by1, p[1])
  }
  const lineClass = (n: number): RoadClass => {
    const m = ((n % 6) + 6) % 6
    return m === 0 ? 'arterial' : m === 3 ? 'secondary' : 'branch'
  }

  // --- Wufuyuan's block. The lattice is anchored so that one block's south-west node P lies on the 10 m grid
  // point nearest WUFUYUAN_SITE where a 150 m × 110 m compound east of P and Majiagou Road fit in the district.
  // The block's west side is 马家沟路.
  const wfyTarget = toXY(WUFUYUAN_SITE)
  let P: XY | null = null
  {
    let best = Infinity
    const X0 = Math.floor((wfyTarget[0] - 80) / 10) * 10
    const Y0 = Math.floor((wfyTarget[1] - 70) / 10) * 10
    for (let X = X0 - 500; X <= X0 + 500; X += 10)
      for (let Y = Y0 - 500; Y <= Y0 + 500; Y += 10) {
        const d = dist([X + 80, Y + 70], wfyTarget)
        if (d >= best) continue
        // Majiagou Road: from node j-1 north to node j+1, then a dead end 45% of the way to node j+2.
        const need: XY[] = [
          [X, Y - SPACING],
          [X, Y],
          [X, Y + SPACING],
          [X, Y + SPACING * 1.45],
          [X + SPACING, Y],
          [X + SPACING, Y + SPACING],
        ]
        if (!need.every(inside)) continue
        best = d
        P = [X, Y]
      }
  }
  if (!P) throw new Error('no place for Wufuyuan near WUFUYUAN_SITE')
  // Anchor: node (WI, WJ) sits exactly at P with WI ≡ WJ ≡ 1 (mod 3), so the block's four sides are branch roads.
  const WI = 1 + 3 * Math.round((P[0] / SPACING - 1) / 3)
  const WJ = 1 + 3 * Math.round((P[1] / SPACING - 1) / 3)
  const ox = P[0] - WI * SPACING
  const oy = P[1] - WJ * SPACING
  const iMin = Math.floor((bx0 - ox) / SPACING) - 1
  const iMax = Math.ceil((bx1 - ox) / SPACING) + 1
  const jMin = Math.floor((by0 - oy) / SPACING) - 1
  const jMax = Math.ceil((by1 - oy) / SPACING) + 1

  // --- Lattice nodes: every line has its own offset, nodes a small jitter; arterials are straighter.
  const offX = new Map<number, number>()
  const offY = new Map<number, number>()
  for (let i = iMin; i <= iMax; i++)
    offX.set(i, lineClass(i) === 'arterial' ? rng.range(-8, 8) : rng.range(-22, 22))
  for (let j = jMin; j <= jMax; j++)
    offY.set(j, lineClass(j) === 'arterial' ? rng.range(-8, 8) : rng.range(-22, 22))
  const exact = new Set<string>()
  for (let dj = -1; dj <= 2; dj++) exact.add(key(WI, WJ + dj))
  exact.add(key(WI + 1, WJ))
  exact.add(key(WI + 1, WJ + 1))
  const lattice = new Map<string, XY>()
  for (let i = iMin; i <= iMax; i++)
    for (let j = jMin; j <= jMax; j++) {
      const jx = rng.range(-1, 1)
      const jy = rng.range(-1, 1)
      const k = key(i, j)
      if (exact.has(k)) {
        lattice.set(k, [i * SPACING + ox, j * SPACING + oy])
        continue
      }
      const ax = lineClass(i) === 'arterial' ? 3 : 10
      const ay = lineClass(j) === 'arterial' ? 3 : 10
      lattice.set(k, [
        i * SPACING + ox + (offX.get(i) as number) + jx * ax,
        j * SPACING + oy + (offY.get(j) as number) + jy * ay,
      ])
    }
  const L = (i: number, j: number) => lattice.get(key(i, j)) as XY

  // --- Road names and widths per name segment.
  const segments = new Map<string, Segment>()
  const usedNames = new Set<string>(['马家沟路'])
  const arterialPool = rng.shuffle(ARTERIAL_NAMES)
  const secondaryPool = rng.shuffle(SECONDARY_NAMES)
  const uniqueName = (make: () => string): string => {
    for (let k = 0; k < 200; k++) {
      const n = make()
      if (!usedNames.has(n)) {
        usedNames.add(n)
        return n
      }
    }
    throw new Error('ran out of names')
  }
  const namer = stream('road-names')
  const segmentFor = (line: string, pos: number, cls: RoadClass, mid: XY): string => {
    const block = cls === 'arterial' ? 0 : cls === 'secondary' ? Math.floor(pos / 6) : Math.floor(pos / 3)
    const sk = `${line}#${block}`
    if (!segments.has(sk)) {
      let name: string
      let red: number
      let carriage: number
      if (cls === 'arterial') {
        name = arterialPool.shift() ?? uniqueName(() => `${namer.pick(PLACE_STEMS)}大道`)
        usedNames.add(name)
        red = namer.pick([40, 44, 50, 54, 60])
        carriage = Math.round(red * 0.6)
      } else if (cls === 'secondary') {
        name = secondaryPool.shift() ?? uniqueName(() => `${namer.pick(PLACE_STEMS)}大街`)
        usedNames.add(name)
        red = namer.pick([24, 26, 28, 30, 32, 36, 40])
        carriage = Math.round(red * 0.6)
      } else {
        name = uniqueName(() => `${namer.pick(PLACE_STEMS)}${namer.pick(BRANCH_SUFFIXES)}`)
        const old = namer.chance(0.55 * density(mid))
        red = old ? namer.pick([9, 10, 11, 12, 13]) : namer.pick([14, 15, 16, 18, 20])
        carriage = Math.round(red * 0.55 * 2) / 2
      }
      segments.set(sk, { name, roadClass: cls, red, carriage })
    }
    return sk
  }
  const MAJIAGOU = 'MAJIAGOU'
  segments.set(MAJIAGOU, { name: '马家沟路', roadClass: 'branch', red: 12, carriage: 7 })

  // --- Lattice edges, clipped to the district.
  const edges = new Map<string, LatticeEdge>()
  const clipPieces = (a: XY, b: XY): { t0: number; t1: number }[] => {
    const ts = [0, 1]
    for (let k = 0; k + 1 < ring.length; k++) {
      const x = segmentIntersection(a, b, ring[k] as XY, ring[k + 1] as XY)
      if (x && x.t > 0 && x.t < 1) ts.push(x.t)
    }
    ts.sort((x, y) => x - y)
    const out: { t0: number; t1: number }[] = []
    for (let k = 0; k + 1 < ts.length; k++) {
      const t0 = ts[k] as number
      const t1 = ts[k + 1] as number
      if ((t1 - t0) * dist(a, b) < 4) continue
      if (inside(lerp(a, b, (t0 + t1) / 2))) out.push({ t0, t1 })
    }
    return out
  }
  const addEdge = (k: string, line: string, a: string, b: string, cls: RoadClass, pos: number) => {
    const pa = lattice.get(a) as XY
    const pb = lattice.get(b) as XY
    const pieces = clipPieces(pa, pb)
    if (pieces.length === 0) return
    let seg = segmentFor(line, pos, cls, lerp(pa, pb, 0.5))
    if (line === `V:${WI}` && pos >= WJ - 1 && pos <= WJ + 1) seg = MAJIAGOU
    edges.set(k, {
      key: k,
      line,
      a,
      b,
      segment: seg,
      roadClass: cls,
      removed: false,
      stub: null,
      pieces,
      midNode: null,
    })
  }
  for (let i = iMin; i <= iMax; i++)
    for (let j = jMin; j < jMax; j++)
      addEdge(`V:${i}:${j}`, `V:${i}`, key(i, j), key(i, j + 1), lineClass(i), j)
  for (let j = jMin; j <= jMax; j++)
    for (let i = iMin; i < iMax; i++)
      addEdge(`H:${i}:${j}`, `H:${j}`, key(i, j), key(i + 1, j), lineClass(j), i)

  const whole = (e: LatticeEdge) => e.pieces.length === 1 && e.pieces[0]?.t0 === 0 && e.pieces[0]?.t1 === 1
  const wfyCentre: XY = [P[0] + 80, P[1] + 70]
  const edgeMid = (e: LatticeEdge) => lerp(lattice.get(e.a) as XY, lattice.get(e.b) as XY, 0.5)
  const wfyEdges = new Set([`V:${WI}:${WJ}`, `V:${WI + 1}:${WJ}`, `H:${WI}:${WJ}`, `H:${WI}:${WJ + 1}`])
  const protectedEdge = (e: LatticeEdge) =>
    e.segment === MAJIAGOU || wfyEdges.has(e.key) || e.key === `V:${WI}:${WJ + 1}`

  // --- Sparser network away from the centre: drop some branch edges.
  const mods = stream('fabric/edits')
  for (const e of edges.values()) {
    if (e.roadClass !== 'branch' || !whole(e) || protectedEdge(e)) continue
    const m = edgeMid(e)
    if (dist(m, wfyCentre) < 600) continue
    const p = 0.3 * (1 - density(m))
    if (mods.chance(p)) e.removed = true
  }
  // --- Dead ends (断头路): Majiagou Road's northern continuation, three more near Wufuyuan, a scatter elsewhere.
  const majNorth = edges.get(`V:${WI}:${WJ + 1}`)
  if (!majNorth || !(majNorth.pieces[0]?.t0 === 0 && (majNorth.pieces[0]?.t1 ?? 0) > 0.46))
    throw new Error('Majiagou Road continuation not inside the district')
  majNorth.segment = MAJIAGOU
  majNorth.stub = { from: 'a', fraction: 0.45 }
  const nearWfy = [...edges.values()]
    .filter((e) => e.roadClass === 'branch' && whole(e) && !e.removed && !protectedEdge(e))
    .filter((e) => {
      const d = dist(edgeMid(e), wfyCentre)
      return d > 150 && d < 700
    })
  for (const e of mods.shuffle(nearWfy).slice(0, 3))
    e.stub = { from: mods.chance(0.5) ? 'a' : 'b', fraction: mods.range(0.45, 0.6) }
  for (const e of edges.values()) {
    if (e.roadClass !== 'branch' || !whole(e) || e.removed || e.stub || protectedEdge(e)) continue
    if (dist(edgeMid(e), wfyCentre) < 700) continue
    if (mods.chance(0.035)) e.stub = { from: mods.chance(0.5) ? 'a' : 'b', fraction: mods.range(0.4, 0.65) }
  }

  // --- Cells (blocks) and lanes (街巷).
  const cells: Cell[] = []
  const cellRng = stream('fabric/cells')
  for (let i = iMin; i < iMax; i++)
    for (let j = jMin; j < jMax; j++) {
      const quad: Quad = [L(i, j), L(i + 1, j), L(i + 1, j + 1), L(i, j + 1)]
      const edgesOf = {
        bottom: `H:${i}:${j}`,
        top: `H:${i}:${j + 1}`,
        left: `V:${i}:${j}`,
        right: `V:${i + 1}:${j}`,
      }
      const centre = subQuad(quad, 0.5, 0.5, 0.5, 0.5)[0]
      const r1 = cellRng()
      const r2 = cellRng()
      const r3 = cellRng()
      const r4 = cellRng()
      const anyInside = quad.some(inside) || inside(centre)
      if (!anyInside) continue
      const cell: Cell = {
        i,
        j,
        quad,
        edges: edgesOf,
        lane: null,
        nonResidential: r1 < 0.08 + 0.08 * (1 - density(centre)),
      }
      const isWfy = i === WI && j === WJ
      const allWhole = Object.values(edgesOf).every((k) => {
        const e = edges.get(k)
        return e && whole(e)
      })
      if (!isWfy && allWhole && quad.every(inside) && r2 < 0.08 + 0.5 * density(centre)) {
        const from: 'bottom' | 'top' = r3 < 0.5 ? 'bottom' : 'top'
        const origin = edges.get(edgesOf[from]) as LatticeEdge
        const other = edges.get(edgesOf[from === 'bottom' ? 'top' : 'bottom']) as LatticeEdge
        if (!origin.removed && !origin.stub) {
          const through = !other.removed && !other.stub && r4 < 0.4
          cell.lane = { from, through, halfWidth: 0 }
        }
      }
      cells.push(cell)
    }

  // --- Nodes and final edges.
  const nodes: RoadNode[] = []
  const nodeOfLattice = new Map<string, number>()
  const newNode = (p: XY, onBoundary: boolean) => {
    nodes.push({ id: nodes.length, p, onBoundary })
    return nodes.length - 1
  }
  const latticeNode = (k: string) => {
    let id = nodeOfLattice.get(k)
    if (id === undefined) {
      id = newNode(lattice.get(k) as XY, false)
      nodeOfLattice.set(k, id)
    }
    return id
  }
  const out: RoadEdge[] = []
  const emit = (a: number, b: number, seg: Segment) => {
    if (a === b) return
    out.push({
      a,
      b,
      roadClass: seg.roadClass,
      name: seg.name,
      redLineWidthM: seg.red,
      carriagewayWidthM: seg.carriage,
    })
  }
  // Lanes first decide where edges get a midpoint node.
  const laneNamer = stream('lane-names')
  const laneList: { a: number; b: number; seg: Segment }[] = []
  for (const cell of cells) {
    if (!cell.lane) continue
    const origin = edges.get(cell.edges[cell.lane.from]) as LatticeEdge
    const opposite = edges.get(cell.edges[cell.lane.from === 'bottom' ? 'top' : 'bottom']) as LatticeEdge
    const mid = (e: LatticeEdge) => {
      if (e.midNode === null) e.midNode = newNode(edgeMid(e), false)
      return e.midNode
    }
    const a = mid(origin)
    let b: number
    if (cell.lane.through) b = mid(opposite)
    else {
      const v = cell.lane.from === 'bottom' ? laneNamer.range(0.45, 0.7) : laneNamer.range(0.3, 0.55)
      b = newNode(subQuad(cell.quad, 0.5, 0.5, v, v)[0], false)
    }
    const red = laneNamer.pick([6, 7, 8, 9, 10, 12])
    const name = uniqueName(() =>
      laneNamer.chance(0.5)
        ? `${laneNamer.pick(PLACE_STEMS)}${laneNamer.pick(LANE_SUFFIXES)}`
        : `${laneNamer.pick(PLACE_STEMS)}${laneNamer.pick(NUMERALS)}巷`,
    )
    const seg: Segment = {
      name,
      roadClass: 'lane',
      red,
      carriage: Math.max(3, Math.round(red * 0.6 * 2) / 2),
    }
    cell.lane.halfWidth = red / 2
    laneList.push({ a, b, seg })
  }
  for (const e of edges.values()) {
    if (e.removed) continue
    const seg = segments.get(e.segment) as Segment
    const pa = lattice.get(e.a) as XY
    const pb = lattice.get(e.b) as XY
    if (e.stub) {
      const end = newNode(
        lerp(e.stub.from === 'a' ? pa : pb, e.stub.from === 'a' ? pb : pa, e.stub.fraction),
        false,
      )
      emit(latticeNode(e.stub.from === 'a' ? e.a : e.b), end, seg)
      continue
    }
    for (const piece of e.pieces) {
      const na = piece.t0 === 0 ? latticeNode(e.a) : newNode(lerp(pa, pb, piece.t0), true)
      const nb = piece.t1 === 1 ? latticeNode(e.b) : newNode(lerp(pa, pb, piece.t1), true)
      if (e.midNode !== null && piece.t0 === 0 && piece.t1 === 1) {
        emit(na, e.midNode, seg)
        emit(e.midNode, nb, seg)
      } else emit(na, nb, seg)
    }
  }
  for (const l of laneList) emit(l.a, l.b, l.seg)

  // --- Keep the largest connected component (clipping at a concave outline leaves small islands).
  const adj = new Map<number, number[]>()
  for (const e of out) {
    adj.set(e.a, [...(adj.get(e.a) ?? []), e.b])
    adj.set(e.b, [...(adj.get(e.b) ?? []), e.a])
  }
  const comp = new Map<number, number>()
  const sizes: number[] = []
  for (const n of nodes) {
    if (!adj.has(n.id) || comp.has(n.id)) continue
    const c = sizes.length
    let size = 0
    const stack = [n.id]
    comp.set(n.id, c)
    while (stack.length) {
      const x = stack.pop() as number
      size++
      for (const y of adj.get(x) ?? [])
        if (!comp.has(y)) {
          comp.set(y, c)
          stack.push(y)
        }
    }
    sizes.push(size)
  }
  const main = sizes.indexOf(Math.max(...sizes))
  const kept = out.filter((e) => comp.get(e.a) === main)
  // Renumber nodes densely in first-use order.
  const renum = new Map<number, number>()
  const finalNodes: RoadNode[] = []
  const nid = (id: number) => {
    let r = renum.get(id)
    if (r === undefined) {
      r = finalNodes.length
      renum.set(id, r)
      finalNodes.push({ ...(nodes[id] as RoadNode), id: r })
    }
    return r
  }
  const finalEdges = kept.map((e) => ({ ...e, a: nid(e.a), b: nid(e.b) }))

  // Dead ends near Wufuyuan (degree-1 nodes within 750 m of its centre, not on the district edge).
  const degree = new Map<number, number>()
  for (const e of finalEdges) {
    degree.set(e.a, (degree.get(e.a) ?? 0) + 1)
    degree.set(e.b, (degree.get(e.b) ?? 0) + 1)
  }
  const deadEndsNearWufuyuan = finalNodes
    .filter((n) => degree.get(n.id) === 1 && !n.onBoundary && dist(n.p, wfyCentre) < 750)
    .map((n) => n.id)

  const wufuyuanCell = cells.find((cell) => cell.i === WI && cell.j === WJ)
  if (!wufuyuanCell) throw new Error('Wufuyuan block not built')
  return {
    nodes: finalNodes,
    edges: finalEdges,
    cells,
    wufuyuanCell,
    segments,
    edgeOfLattice: edges,
    deadEndsNearWufuyuan,
  }
}

/**
 * Candidate compound plots in every residential cell, each strictly inside one community (so inside its street
 * too), and the vacant plots left for facilities. Wufuyuan's plot must fall inside 沙河社区.
 */
export function placePlots(roads: RoadFabric, district: AreaGeometry, communities: CommunityArea[]): Fabric {
  const ring = districtRing(district)
  const inside = (p: XY) => pointInRing(p, ring)
  const lookup = makeCommunityLookup(communities)
  const { cells, edgeOfLattice: edges, segments } = roads
  const plots: Plot[] = []
  const vacant: XY[] = []
  const plotRng = stream('fabric/plots')
  const sideMargin = (edgeKey: string) => {
    const e = edges.get(edgeKey)
    const seg = e ? (segments.get(e.segment) as Segment) : undefined
    return (seg ? halfRed(seg) : 6) + 4
  }
  const splits = (r: Rng, a: number, b: number, n: number, gap: number): [number, number][] => {
    const cuts = [a]
    for (let k = 1; k < n; k++) cuts.push(a + ((b - a) * (k + r.range(-0.15, 0.15))) / n)
    cuts.push(b)
    const parts: [number, number][] = []
    for (let k = 0; k + 1 < cuts.length; k++)
      parts.push([
        (cuts[k] as number) + (k > 0 ? gap / 2 : 0),
        (cuts[k + 1] as number) - (k + 2 < cuts.length ? gap / 2 : 0),
      ])
    return parts
  }
  let wfy: Fabric['wufuyuan'] | null = null
  for (const cell of cells) {
    const q = cell.quad
    const W = Math.min(dist(q[0], q[1]), dist(q[3], q[2]))
    const H = Math.min(dist(q[0], q[3]), dist(q[1], q[2]))
    const uL = sideMargin(cell.edges.left) / W
    const uR = 1 - sideMargin(cell.edges.right) / W
    const vB = sideMargin(cell.edges.bottom) / H
    const vT = 1 - sideMargin(cell.edges.top) / H
    const centre = subQuad(q, 0.5, 0.5, 0.5, 0.5)[0]
    const dens = density(centre)
    const target = 55 + 85 * (1 - dens) + plotRng.range(-10, 15)
    const gap = 8 / W
    const gapV = 8 / H
    let uParts: [number, number][]
    if (cell === roads.wufuyuanCell) {
      const wq = wufuyuanQuad(q)
      // Nine slab buildings in three rows; the western column stands 8 m from Majiagou Road's centreline.
      const buildings: Quad[] = []
      const X = [8, 58.5, 109]
      const Y = [8, 43, 78]
      for (const y of Y)
        for (const x of X)
          buildings.push(
            subQuad(
              q,
              x / SPACING,
              (x + 40.5) / SPACING,
              (WFY.y0 + y) / SPACING,
              (WFY.y0 + y + 13) / SPACING,
            ),
          )
      wfy = { quad: wq, cell, roadLine: [q[0], q[3]], buildings }
      plots.push({ quad: wq, cell, communityCode: WUFUYUAN_COMMUNITY, weight: 1, special: 'wufuyuan' })
      uParts = [[(WFY.x1 + 8) / SPACING, uR]]
      // North of Wufuyuan, west part: one more plot row.
      const nq = subQuad(q, WFY.x0 / SPACING, WFY.x1 / SPACING, (WFY.y1 + 10) / SPACING, vT)
      const nc = subQuad(nq, 0.5, 0.5, 0.5, 0.5)[0]
      const ncomm = lookup.at(nc)
      if (ncomm && lookup.quadWithin(nq, ncomm.code, 2) && !cell.nonResidential)
        plots.push({ quad: nq, cell, communityCode: ncomm.code, weight: 0.12 + dens })
    } else if (cell.lane) {
      const g = (cell.lane.halfWidth + 4) / W
      const nl = Math.max(1, Math.round(((0.5 - g - uL) * W) / target))
      const nr = Math.max(1, Math.round(((uR - 0.5 - g) * W) / target))
      uParts = [...splits(plotRng, uL, 0.5 - g, nl, gap), ...splits(plotRng, 0.5 + g, uR, nr, gap)]
    } else {
      uParts = splits(plotRng, uL, uR, Math.max(1, Math.round(((uR - uL) * W) / target)), gap)
    }
    const vParts = splits(plotRng, vB, vT, Math.max(1, Math.round(((vT - vB) * H) / target)), gapV)
    for (const [u0, u1] of uParts)
      for (const [v0, v1] of vParts) {
        const pq = subQuad(q, u0, u1, v0, v1)
        const c = subQuad(pq, 0.5, 0.5, 0.5, 0.5)[0]
        const w = Math.min(dist(pq[0], pq[1]), dist(pq[3], pq[2]))
        const h = Math.min(dist(pq[0], pq[3]), dist(pq[1], pq[2]))
        if (w < 30 || h < 30) continue
        if (cell.nonResidential) {
          if (inside(c)) vacant.push(c)
          continue
        }
        const comm = lookup.at(c)
        if (!comm || !lookup.quadWithin(pq, comm.code, 2)) {
          if (inside(c)) vacant.push(c)
          continue
        }
        plots.push({ quad: pq, cell, communityCode: comm.code, weight: 0.12 + dens })
      }
  }
  if (!wfy) throw new Error('Wufuyuan block not built')

  if (!lookup.quadWithin(wfy.quad, WUFUYUAN_COMMUNITY, 3))
    throw new Error(
      'Wufuyuan is not inside 沙河社区: the community partition must grow 沙河社区 from its block',
    )
  return { ...roads, plots, vacant, wufuyuan: wfy }
}

export function lonLatOf(p: XY) {
  return toLonLat(p, 7)
}

export function pointInDistrict(p: XY, district: AreaGeometry) {
  return pointInAreaGeometry(toLonLat(p, 9), district)
}

// Seeded, contiguous regions of whole blocks: each region grows from its seed block to neighbouring blocks
// (blocks that share a road), nearest to its seed point first, so a region is one connected piece and its
// boundary runs between blocks. Optionally the seeds move to their regions' centres (Lloyd) and each region's
// reach is scaled until the regions' masses approach their targets (balancing). Deterministic: no randomness,
// ties broken by region and block order.
import { dist, type XY } from './geo.ts'
import type { Rng } from './random.ts'

/** A block as the growth sees it: where it is, how much it weighs, which blocks it touches along a road. */
export interface RegionBlock {
  id: number
  centroid: XY
  mass: number
  area: number
  /** Neighbouring block id → length (m) of the road they share, in ascending id order. */
  neighbours: ReadonlyMap<number, number>
}

export interface RegionSeed {
  point: XY
  /** A seed that stays where it is (Lloyd does not move it) and whose block always stays in its region. */
  fixed?: boolean
}

export interface GrowOptions {
  /** Lloyd iterations that move the seeds that are not fixed to their regions' mass centres. */
  lloyd?: number
  /** Each region's share of the total mass to balance toward; without it, no balancing. */
  targetShares?: readonly number[]
  /** Balancing rounds (each regrows the regions with adjusted reach). */
  balanceRounds?: number
  /** At most this many single-block moves between neighbouring regions to even out the masses further. */
  moves?: number
  /**
   * How much a move's added boundary counts against its better balance: the weight of one average region's
   * side length of extra boundary, in squared relative mass error.
   */
  compactness?: number
}

export interface Regions {
  /** Block id → region index, for every block given. */
  regionOf: Map<number, number>
  /** Final seed points: fixed seeds unchanged, the others in the block nearest their region's mass centre. */
  seeds: XY[]
  /** Each region's mass. */
  masses: number[]
}

/** A small binary heap of [cost, region, block], smallest cost first, ties by region then block. */
class Queue {
  private items: [number, number, number][] = []
  get size() {
    return this.items.length
  }
  private less(a: [number, number, number], b: [number, number, number]) {
    return a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))
  }
  push(x: [number, number, number]) {
    const h = this.items
    h.push(x)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(h[i] as never, h[p] as never)) break
      ;[h[i], h[p]] = [h[p] as never, h[i] as never]
      i = p
    }
  }
  pop(): [number, number, number] {
    const h = this.items
    const top = h[0] as [number, number, number]
    const last = h.pop() as [number, number, number]
    if (h.length > 0) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && this.less(h[l] as never, h[m] as never)) m = l
        if (r < h.length && this.less(h[r] as never, h[m] as never)) m = r
        if (m === i) break
        ;[h[i], h[m]] = [h[m] as never, h[i] as never]
        i = m
      }
    }
    return top
  }
}

/**
 * `count` more seed points, spread over the blocks k-means++ style: each next seed is a block drawn with a
 * chance proportional to its mass times its squared distance from the seeds so far (`given` included), so seeds
 * rarely start side by side.
 */
export function spreadSeeds(
  blocks: readonly RegionBlock[],
  count: number,
  rng: Rng,
  given: readonly XY[] = [],
) {
  const chosen: XY[] = []
  const used = new Set<number>()
  for (const p of given) used.add(nearestBlock(blocks, p).id)
  for (let k = 0; k < count; k++) {
    const all = [...given, ...chosen]
    const pool = blocks.filter((b) => !used.has(b.id))
    const weights = pool.map((b) =>
      all.length === 0 ? b.mass : b.mass * Math.min(...all.map((p) => dist(p, b.centroid))) ** 2,
    )
    const b = rng.weighted(pool, weights)
    used.add(b.id)
    chosen.push(b.centroid)
  }
  return chosen
}

/** The block nearest to a point (by centroid), among the given blocks. */
export function nearestBlock<T extends { id: number; centroid: XY }>(blocks: readonly T[], p: XY): T {
  let best = blocks[0] as T
  let bd = Infinity
  for (const b of blocks) {
    const d = dist(b.centroid, p)
    if (d < bd || (d === bd && b.id < best.id)) {
      bd = d
      best = b
    }
  }
  return best
}

/**
 * One growth: every region starts at its seed block; the cheapest claim next is the unclaimed neighbour of a
 * claimed block whose centroid is nearest its region's seed point (distance divided by the region's reach).
 */
function grow(
  blocks: ReadonlyMap<number, RegionBlock>,
  seedBlocks: readonly number[],
  seeds: readonly XY[],
  reach: readonly number[],
): Map<number, number> {
  const regionOf = new Map<number, number>()
  const queue = new Queue()
  seedBlocks.forEach((b, r) => {
    queue.push([0, r, b])
  })
  while (queue.size > 0) {
    const [, r, b] = queue.pop()
    if (regionOf.has(b)) continue
    regionOf.set(b, r)
    const block = blocks.get(b) as RegionBlock
    for (const n of block.neighbours.keys()) {
      const nb = blocks.get(n)
      if (!nb || regionOf.has(n)) continue
      queue.push([dist(nb.centroid, seeds[r] as XY) / (reach[r] as number), r, n])
    }
  }
  if (regionOf.size !== blocks.size) throw new Error('some blocks cannot be reached from any seed')
  return regionOf
}

function massesOf(blocks: ReadonlyMap<number, RegionBlock>, regionOf: Map<number, number>, n: number) {
  const m = new Array<number>(n).fill(0)
  for (const [b, r] of regionOf) m[r] = (m[r] as number) + (blocks.get(b) as RegionBlock).mass
  return m
}

/**
 * Partition `blocks` (which must form one connected piece along shared roads) into `seeds.length` contiguous
 * regions. Seeds must lie in different blocks.
 */
export function growRegions(
  blockList: readonly RegionBlock[],
  seedList: readonly RegionSeed[],
  options: GrowOptions = {},
): Regions {
  const blocks = new Map(blockList.map((b) => [b.id, b]))
  const seeds = seedList.map((s) => s.point)
  const fixedBlock = seedList.map((s) => (s.fixed ? nearestBlock(blockList, s.point).id : null))
  const seedBlocks = () => seeds.map((p, r) => fixedBlock[r] ?? nearestBlock(blockList, p).id)
  if (new Set(seedBlocks()).size !== seeds.length) throw new Error('two seeds share a block')
  const reach = seeds.map(() => 1)
  let regionOf = grow(blocks, seedBlocks(), seeds, reach)

  // Lloyd: move free seeds to their regions' mass centres (the block there, so the seed stays inside).
  const recentre = () =>
    seeds.forEach((_, r) => {
      if (!seedList[r]?.fixed) seeds[r] = massCentreBlock(blockList, regionOf, r).centroid
    })
  for (let k = 0; k < (options.lloyd ?? 0); k++) {
    recentre()
    regionOf = grow(blocks, seedBlocks(), seeds, reach)
  }

  // Balancing: widen the reach of regions below their share and narrow it for those above.
  const shares = options.targetShares
  if (shares) {
    const total = blockList.reduce((s, b) => s + b.mass, 0)
    for (let k = 0; k < (options.balanceRounds ?? 12); k++) {
      const m = massesOf(blocks, regionOf, seeds.length)
      m.forEach((mass, r) => {
        const f = Math.sqrt(((shares[r] as number) * total) / Math.max(mass, 1e-9))
        reach[r] = (reach[r] as number) * Math.min(1.25, Math.max(0.8, f))
      })
      regionOf = grow(blocks, seedBlocks(), seeds, reach)
    }
    const side = Math.sqrt(blockList.reduce((s, b) => s + b.area, 0) / seeds.length)
    const locked = new Set(fixedBlock.filter((b): b is number => b !== null))
    refine(blocks, regionOf, locked, {
      target: (r) => (shares[r] as number) * total,
      maxMoves: options.moves ?? 0,
      perMetre: (options.compactness ?? 0) / side,
    })
    recentre()
  }
  return { regionOf, seeds, masses: massesOf(blocks, regionOf, seeds.length) }
}

/** The block of region r nearest its mass centre. */
function massCentreBlock(
  blockList: readonly RegionBlock[],
  regionOf: ReadonlyMap<number, number>,
  r: number,
) {
  const own = blockList.filter((b) => regionOf.get(b.id) === r)
  let x = 0
  let y = 0
  let m = 0
  for (const b of own) {
    x += b.centroid[0] * b.mass
    y += b.centroid[1] * b.mass
    m += b.mass
  }
  return nearestBlock(own, [x / m, y / m])
}

/** Is region r still one connected piece without block `without`? */
function connectedWithout(
  blocks: ReadonlyMap<number, RegionBlock>,
  regionOf: ReadonlyMap<number, number>,
  r: number,
  without: number,
): boolean {
  const own = [...regionOf].filter(([b, x]) => x === r && b !== without).map(([b]) => b)
  if (own.length === 0) return false
  const seen = new Set([own[0] as number])
  const stack = [own[0] as number]
  while (stack.length > 0) {
    const b = stack.pop() as number
    for (const n of (blocks.get(b) as RegionBlock).neighbours.keys())
      if (n !== without && regionOf.get(n) === r && !seen.has(n)) {
        seen.add(n)
        stack.push(n)
      }
  }
  return seen.size === own.length
}

/**
 * Single-block moves across region boundaries, best first, while they lower the cost (squared relative mass
 * errors plus `perMetre` × the length of boundary between regions) and leave the giving region in one piece;
 * locked blocks (fixed seeds) stay.
 */
function refine(
  blocks: ReadonlyMap<number, RegionBlock>,
  regionOf: Map<number, number>,
  locked: ReadonlySet<number>,
  opts: { target: (r: number) => number; maxMoves: number; perMetre: number },
) {
  const n = Math.max(...regionOf.values()) + 1
  const mass = massesOf(blocks, regionOf, n)
  const err = (m: number, r: number) => (m / opts.target(r) - 1) ** 2
  for (let move = 0; move < opts.maxMoves; move++) {
    const candidates: { gain: number; b: number; from: number; to: number }[] = []
    for (const [b, from] of regionOf) {
      if (locked.has(b)) continue
      const block = blocks.get(b) as RegionBlock
      // Shared road length with each region around the block.
      const sharedWith = new Map<number, number>()
      for (const [nb, len] of block.neighbours) {
        const r = regionOf.get(nb)
        if (r !== undefined) sharedWith.set(r, (sharedWith.get(r) ?? 0) + len)
      }
      for (const [to, len] of sharedWith) {
        if (to === from) continue
        const before = err(mass[from] as number, from) + err(mass[to] as number, to)
        const after =
          err((mass[from] as number) - block.mass, from) + err((mass[to] as number) + block.mass, to)
        // Moving the block turns its sides shared with `from` into boundary and those shared with `to` into interior.
        const longer = (sharedWith.get(from) ?? 0) - len
        const gain = before - after - opts.perMetre * longer
        if (gain > 1e-12) candidates.push({ gain, b, from, to })
      }
    }
    candidates.sort((x, y) => y.gain - x.gain || x.b - y.b || x.to - y.to)
    const chosen = candidates.find((c) => connectedWithout(blocks, regionOf, c.from, c.b))
    if (!chosen) return
    const m = (blocks.get(chosen.b) as RegionBlock).mass
    regionOf.set(chosen.b, chosen.to)
    mass[chosen.from] = (mass[chosen.from] as number) - m
    mass[chosen.to] = (mass[chosen.to] as number) + m
  }
}

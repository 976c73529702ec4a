import { describe, expect, it } from 'vitest'
import { stream } from './random.ts'
import { growRegions, type RegionBlock, spreadSeeds } from './regions.ts'

/** A w × h grid of 100 m square blocks, id = x + w·y, each sharing 100 m of road with its four neighbours. */
function createGrid(w: number, h: number, mass: (x: number, y: number) => number = () => 1): RegionBlock[] {
  const blocks: RegionBlock[] = []
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const neighbours = new Map<number, number>()
      for (const [nx, ny] of [
        [x, y - 1],
        [x - 1, y],
        [x + 1, y],
        [x, y + 1],
      ] as const)
        if (nx >= 0 && nx < w && ny >= 0 && ny < h) neighbours.set(nx + w * ny, 100)
      blocks.push({
        id: x + w * y,
        centroid: [x * 100 + 50, y * 100 + 50],
        mass: mass(x, y),
        area: 10_000,
        neighbours,
      })
    }
  return blocks
}

const centre = (blocks: RegionBlock[], id: number) => (blocks[id] as RegionBlock).centroid

/** Is every region one piece along shared roads? */
function allConnected(blocks: RegionBlock[], regionOf: Map<number, number>): boolean {
  const regions = new Set(regionOf.values())
  for (const r of regions) {
    const own = blocks.filter((b) => regionOf.get(b.id) === r)
    const seen = new Set([own[0]?.id as number])
    const stack = [own[0] as RegionBlock]
    while (stack.length > 0) {
      const b = stack.pop() as RegionBlock
      for (const n of b.neighbours.keys())
        if (regionOf.get(n) === r && !seen.has(n)) {
          seen.add(n)
          stack.push(blocks[n] as RegionBlock)
        }
    }
    if (seen.size !== own.length) return false
  }
  return true
}

describe('growing regions of whole blocks', () => {
  it('when two seeds sit in opposite corners, then each block goes to the nearer seed', () => {
    const blocks = createGrid(4, 4)
    const { regionOf } = growRegions(blocks, [{ point: centre(blocks, 0) }, { point: centre(blocks, 15) }])
    for (const b of blocks) {
      const x = b.id % 4
      const y = Math.floor(b.id / 4)
      if (x + y < 3) expect(regionOf.get(b.id)).toBe(0)
      if (x + y > 3) expect(regionOf.get(b.id)).toBe(1)
    }
    expect(allConnected(blocks, regionOf)).toBe(true)
  })

  it('when two seeds start side by side in a strip, then balancing evens them out to three blocks each', () => {
    const blocks = createGrid(6, 1)
    const seeds = [{ point: centre(blocks, 0) }, { point: centre(blocks, 1) }]
    expect(growRegions(blocks, seeds).masses).toEqual([1, 5])
    const balanced = growRegions(blocks, seeds, { targetShares: [0.5, 0.5], moves: 10 })
    expect(balanced.masses).toEqual([3, 3])
    expect(allConnected(blocks, balanced.regionOf)).toBe(true)
  })

  it('balances by mass, not by count: heavy blocks make a small region', () => {
    // The western column weighs 5 a block, the rest 1: 4 × 5 + 12 × 1 = 32, so 16 each.
    const blocks = createGrid(4, 4, (x) => (x === 0 ? 5 : 1))
    const { masses, regionOf } = growRegions(
      blocks,
      [{ point: centre(blocks, 4) }, { point: centre(blocks, 7) }],
      { lloyd: 2, targetShares: [0.5, 0.5], moves: 50 },
    )
    for (const m of masses) expect(Math.abs(m - 16)).toBeLessThanOrEqual(2)
    expect([...regionOf.values()].filter((r) => r === 0).length).toBeLessThan(8)
    expect(allConnected(blocks, regionOf)).toBe(true)
  })

  it('keeps a fixed seed in its block while the other seeds move', () => {
    const blocks = createGrid(5, 5)
    const { regionOf, seeds } = growRegions(
      blocks,
      [{ point: centre(blocks, 0), fixed: true }, { point: centre(blocks, 1) }, { point: centre(blocks, 2) }],
      { lloyd: 3, targetShares: [1 / 3, 1 / 3, 1 / 3], moves: 50 },
    )
    expect(seeds[0]).toEqual(centre(blocks, 0))
    expect(regionOf.get(0)).toBe(0)
    expect(seeds[1]).not.toEqual(centre(blocks, 1))
    expect(allConnected(blocks, regionOf)).toBe(true)
  })

  it('prefers short boundaries when compactness counts', () => {
    // Two regions of a 4 × 4 grid: the straight cut (4 sides of boundary) beats any ragged one of equal balance.
    const blocks = createGrid(4, 4)
    const { regionOf } = growRegions(blocks, [{ point: centre(blocks, 4) }, { point: centre(blocks, 7) }], {
      targetShares: [0.5, 0.5],
      moves: 50,
      compactness: 0.5,
    })
    let boundary = 0
    for (const b of blocks)
      for (const n of b.neighbours.keys()) if (n > b.id && regionOf.get(n) !== regionOf.get(b.id)) boundary++
    expect(boundary).toBe(4)
  })

  it('refuses two seeds in one block', () => {
    const blocks = createGrid(2, 2)
    expect(() => growRegions(blocks, [{ point: [10, 10] }, { point: [20, 20] }])).toThrow(/share a block/)
  })
})

describe('spreading seeds', () => {
  it('draws distinct blocks, the same ones for the same stream', () => {
    const blocks = createGrid(6, 6)
    const a = spreadSeeds(blocks, 5, stream('test/spread'), [centre(blocks, 0)])
    const b = spreadSeeds(blocks, 5, stream('test/spread'), [centre(blocks, 0)])
    expect(a).toEqual(b)
    const keys = new Set([...a, centre(blocks, 0)].map((p) => p.join(',')))
    expect(keys.size).toBe(6)
  })
})

import type { RoadClass } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import type { AreaGeometry } from './admin.ts'
import { type Block, cityBlocks, dissolveBlocks, groupBlocks, type RoadNetwork } from './blocks.ts'
import { lerp, signedArea2, toLonLat, toXY, type XY } from './geo.ts'
import type { RoadEdge, RoadNode } from './layout.ts'

/** A 1 km square district in the local frame, as the generator stores it (lon/lat, 7 decimals). */
function createSquareDistrict(): { district: AreaGeometry; corners: XY[] } {
  const lonLat = [
    [0, 0],
    [1000, 0],
    [1000, 1000],
    [0, 1000],
    [0, 0],
  ].map((p) => toLonLat(p as XY, 7))
  // Road ends on the outline are computed on the stored outline, so the fixture does the same.
  return { district: { type: 'Polygon', coordinates: [lonLat] }, corners: lonLat.map((p) => toXY(p)) }
}

/** Roads from node pairs; nodes on the outline are marked. */
function createNetwork(
  points: { p: XY; onBoundary?: boolean }[],
  edges: [number, number, RoadClass][],
): RoadNetwork {
  const nodes: RoadNode[] = points.map((x, id) => ({ id, p: x.p, onBoundary: x.onBoundary ?? false }))
  const roadEdges: RoadEdge[] = edges.map(([a, b, roadClass]) => ({
    a,
    b,
    roadClass,
    name: `${a}-${b}`,
    redLineWidthM: 20,
    carriagewayWidthM: 12,
  }))
  return { nodes, edges: roadEdges }
}

/** A square cut by a north–south branch road and an east–west arterial, with a dead-end lane in the north-east. */
function createCrossroads() {
  const { district, corners } = createSquareDistrict()
  const [sw, se, ne, nw] = corners as [XY, XY, XY, XY]
  const network = createNetwork(
    [
      { p: [500, 500] },
      { p: lerp(sw, se, 0.5), onBoundary: true },
      { p: lerp(nw, ne, 0.5), onBoundary: true },
      { p: lerp(sw, nw, 0.5), onBoundary: true },
      { p: lerp(se, ne, 0.5), onBoundary: true },
      { p: [750, 500] },
      { p: [750, 700] },
    ],
    [
      [0, 1, 'branch'],
      [0, 2, 'branch'],
      [0, 3, 'arterial'],
      [0, 5, 'arterial'],
      [5, 4, 'arterial'],
      [5, 6, 'lane'],
    ],
  )
  return { district, network }
}

describe('city blocks', () => {
  it('when two roads cross a square district, then it falls into four blocks of a quarter each', () => {
    const { district, network } = createCrossroads()
    const blocks = cityBlocks(district, network)
    expect(blocks).toHaveLength(4)
    for (const b of blocks) expect(b.areaM2).toBeCloseTo(250_000, -1)
    expect(blocks.reduce((s, b) => s + b.areaM2, 0)).toBeCloseTo(1_000_000, -1)
  })

  it('a dead-end lane does not cut its block', () => {
    const { district, network } = createCrossroads()
    const north = cityBlocks(district, network).filter((b) => b.centroid[1] > 500)
    expect(north).toHaveLength(2)
    for (const b of north) expect(b.areaM2).toBeCloseTo(250_000, -1)
  })

  it('knows which blocks share a road, how long it is and its class', () => {
    const { district, network } = createCrossroads()
    const blocks = cityBlocks(district, network)
    const at = (x: number, y: number) =>
      blocks.find((b) => Math.sign(b.centroid[0] - 500) === x && Math.sign(b.centroid[1] - 500) === y)
    const sw = at(-1, -1)
    const se = at(1, -1)
    const nw = at(-1, 1)
    expect(sw?.neighbours.size).toBe(2)
    expect(sw?.neighbours.get(se?.id as number)?.lengthM).toBeCloseTo(500, 1)
    expect([...(sw?.neighbours.get(se?.id as number)?.classes ?? [])]).toEqual(['branch'])
    expect([...(sw?.neighbours.get(nw?.id as number)?.classes ?? [])]).toEqual(['arterial'])
    expect(sw?.neighbours.has(at(1, 1)?.id as number)).toBe(false)
  })

  it('groups blocks across minor roads into superblocks between the major ones', () => {
    const { district, network } = createCrossroads()
    const blocks = cityBlocks(district, network)
    const groups = groupBlocks(blocks, (road) => !road.classes.has('arterial'))
    expect(groups).toHaveLength(2)
    for (const g of groups) {
      expect(g.blockIds).toHaveLength(2)
      expect(g.areaM2).toBeCloseTo(500_000, -1)
      expect([...g.neighbours.keys()]).toEqual([1 - g.id])
      expect(g.neighbours.get(1 - g.id)).toBeCloseTo(1000, 0)
    }
  })

  it('refuses a road end that is not on the outline', () => {
    const { district } = createSquareDistrict()
    const network = createNetwork([{ p: [500, 500] }, { p: [500, 3], onBoundary: true }], [[0, 1, 'branch']])
    expect(() => cityBlocks(district, network)).toThrow(/off the outline/)
  })
})

describe('dissolving blocks', () => {
  /** The crossroads' blocks by quarter: sw, se, nw, ne. */
  function createQuarters() {
    const { district, network } = createCrossroads()
    const blocks = cityBlocks(district, network)
    const at = (x: number, y: number) =>
      blocks.find(
        (b) => Math.sign(b.centroid[0] - 500) === x && Math.sign(b.centroid[1] - 500) === y,
      ) as Block
    return { sw: at(-1, -1), se: at(1, -1), nw: at(-1, 1), ne: at(1, 1), network }
  }
  const area = (rings: XY[][]) => rings.reduce((s, r) => s + signedArea2(r) / 2, 0)

  it('when two blocks share a road, then their outline is one ring around both, the road gone', () => {
    const { sw, se } = createQuarters()
    const polygons = dissolveBlocks([sw, se])
    expect(polygons).toHaveLength(1)
    expect(polygons[0]).toHaveLength(1)
    expect(area(polygons[0] as XY[][])).toBeCloseTo(500_000, -1)
    expect(signedArea2(polygons[0]?.[0] as XY[])).toBeGreaterThan(0)
  })

  it('keeps every vertex of the sides it keeps, even where a road ends on a straight side', () => {
    // The southern road end is a vertex of both blocks and lies on the straight southern side of their union.
    const { sw, se, network } = createQuarters()
    const ring = (dissolveBlocks([sw, se])[0] as XY[][])[0] as XY[]
    const southEnd = (network.nodes[1] as { p: XY }).p
    expect(ring.some((p) => p[0] === southEnd[0] && p[1] === southEnd[1])).toBe(true)
    // The centre node, where the removed road met the arterial, stays on the northern side.
    expect(ring.some((p) => p[0] === 500 && p[1] === 500)).toBe(true)
  })

  it('when two blocks touch only at a corner, then they stay two polygons', () => {
    const { sw, ne } = createQuarters()
    const polygons = dissolveBlocks([sw, ne])
    expect(polygons).toHaveLength(2)
    for (const p of polygons) expect(area(p)).toBeCloseTo(250_000, -1)
  })

  it('dissolves all four blocks back into the district', () => {
    const { sw, se, nw, ne } = createQuarters()
    const polygons = dissolveBlocks([sw, se, nw, ne])
    expect(polygons).toHaveLength(1)
    expect(area(polygons[0] as XY[][])).toBeCloseTo(1_000_000, -1)
  })
})

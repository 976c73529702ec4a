import type { FeatureCollection, LineString, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { buildRoadGraph, nodeKeyOf } from './road-graph.ts'

type RoadProps = { name?: string }

/** One feature per road, in the order given; a road is its list of [lon, lat] positions. */
function createRoads(...roads: Position[][]): FeatureCollection<LineString, RoadProps> {
  return {
    type: 'FeatureCollection',
    features: roads.map((coordinates) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates },
    })),
  }
}

const degreeOf = (graph: ReturnType<typeof buildRoadGraph>, key: string) => graph.nodes.get(key)?.degree

describe('buildRoadGraph', () => {
  it('when two roads share an end point, they meet at one node of degree 2', () => {
    const graph = buildRoadGraph(
      createRoads(
        [
          [104.08, 30.65],
          [104.081, 30.65],
        ],
        [
          [104.081, 30.65],
          [104.082, 30.65],
        ],
      ),
    )
    expect([...graph.nodes.keys()].sort()).toEqual(['104.08,30.65', '104.081,30.65', '104.082,30.65'])
    expect(degreeOf(graph, '104.081,30.65')).toBe(2)
    expect(graph.nodes.get('104.081,30.65')?.edges).toEqual([0, 1])
    expect(degreeOf(graph, '104.08,30.65')).toBe(1)
    expect(graph.edges.map((e) => [e.from, e.to])).toEqual([
      ['104.08,30.65', '104.081,30.65'],
      ['104.081,30.65', '104.082,30.65'],
    ])
  })

  it("gives each edge its road's index, id and length in metres", () => {
    // 0.001° of latitude along a meridian is 6,371,008.8 m × π / 180 / 1000 = 111.195 m on turf's sphere.
    const roads = createRoads(
      [
        [104.08, 30.65],
        [104.08, 30.651],
      ],
      [
        [104.08, 30.651],
        [104.08, 30.6515],
        [104.08, 30.652],
      ],
    )
    const second = roads.features[1]
    if (second) second.id = 'R00002'
    const graph = buildRoadGraph(roads)
    expect(graph.edges[0]).toMatchObject({ index: 0, id: undefined })
    expect(graph.edges[0]?.lengthM).toBeCloseTo(111.195, 2)
    expect(graph.edges[1]).toMatchObject({ index: 1, id: 'R00002', feature: second })
    expect(graph.edges[1]?.lengthM).toBeCloseTo(111.195, 2)
    // Interior vertices are not nodes: only the end points are.
    expect(graph.nodes.has('104.08,30.6515')).toBe(false)
  })

  it('when end points differ only beyond the 7th decimal, they are one node', () => {
    const graph = buildRoadGraph(
      createRoads(
        [
          [104.08, 30.65],
          [104.08100001, 30.65000004],
        ],
        [
          [104.08099998, 30.64999996],
          [104.082, 30.65],
        ],
      ),
    )
    expect(graph.nodes.size).toBe(3)
    expect(degreeOf(graph, '104.081,30.65')).toBe(2)
    expect(graph.nodes.get('104.081,30.65')?.coordinates).toEqual([104.081, 30.65])
  })

  it('when end points differ at the 7th decimal (about 1 cm), they stay two nodes', () => {
    const graph = buildRoadGraph(
      createRoads(
        [
          [104.08, 30.65],
          [104.081, 30.65],
        ],
        [
          [104.0810001, 30.65],
          [104.082, 30.65],
        ],
      ),
    )
    expect(graph.nodes.size).toBe(4)
    expect(degreeOf(graph, '104.081,30.65')).toBe(1)
    expect(degreeOf(graph, '104.0810001,30.65')).toBe(1)
  })

  it('when a coarser precision is asked for, end points a metre apart meet', () => {
    const roads = createRoads(
      [
        [104.08, 30.65],
        [104.081, 30.65],
      ],
      [
        [104.081004, 30.650003],
        [104.082, 30.65],
      ],
    )
    expect(buildRoadGraph(roads).nodes.size).toBe(4)
    const graph = buildRoadGraph(roads, { precision: 5 })
    expect(graph.precision).toBe(5)
    expect(degreeOf(graph, '104.081,30.65')).toBe(2)
  })

  it('when a single road closes on itself, its one node has degree 2', () => {
    const graph = buildRoadGraph(
      createRoads([
        [104.08, 30.65],
        [104.081, 30.65],
        [104.081, 30.651],
        [104.08, 30.65],
      ]),
    )
    expect([...graph.nodes.keys()]).toEqual(['104.08,30.65'])
    expect(degreeOf(graph, '104.08,30.65')).toBe(2)
  })

  it('when two roads cross without a shared end point, they are not connected (the data must be noded)', () => {
    const graph = buildRoadGraph(
      createRoads(
        [
          [104.08, 30.65],
          [104.082, 30.65],
        ],
        [
          [104.081, 30.649],
          [104.081, 30.651],
        ],
      ),
    )
    expect(graph.nodes.size).toBe(4)
    for (const node of graph.nodes.values()) expect(node.degree).toBe(1)
  })

  it('rejects a road with fewer than two positions', () => {
    expect(() => buildRoadGraph(createRoads([[104.08, 30.65]]))).toThrow('road 0 has fewer than 2 positions')
  })
})

describe('nodeKeyOf', () => {
  it('is lon,lat rounded to 7 decimals unless told otherwise', () => {
    expect(nodeKeyOf([104.12345678, 30.5])).toBe('104.1234568,30.5')
    expect(nodeKeyOf([104.12345678, 30.5], 3)).toBe('104.123,30.5')
  })

  it('gives -0 and 0 the same key', () => {
    expect(nodeKeyOf([-0.00000001, 0])).toBe('0,0')
  })
})

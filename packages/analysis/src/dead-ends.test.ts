import type { FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { findDeadEnds } from './dead-ends.ts'
import { buildRoadGraph } from './road-graph.ts'

type RoadProps = { name?: string }
type Road = Position[] | { name: string; coordinates: Position[] }

function createRoads(...roads: Road[]): FeatureCollection<LineString, RoadProps> {
  return {
    type: 'FeatureCollection',
    features: roads.map((road) => ({
      type: 'Feature',
      properties: Array.isArray(road) ? {} : { name: road.name },
      geometry: { type: 'LineString', coordinates: Array.isArray(road) ? road : road.coordinates },
    })),
  }
}

/** A square block of four roads, 0.001° a side, with its south-west corner at (lon, lat). */
function createBlock(lon = 104.08, lat = 30.65): Position[][] {
  const sw = [lon, lat]
  const se = [lon + 0.001, lat]
  const ne = [lon + 0.001, lat + 0.001]
  const nw = [lon, lat + 0.001]
  return [
    [sw, se],
    [se, ne],
    [ne, nw],
    [nw, sw],
  ]
}

/** The district for the boundary tests: 104.07–104.09 E, 30.64–30.66 N. */
function createDistrict(): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [104.07, 30.64],
        [104.09, 30.64],
        [104.09, 30.66],
        [104.07, 30.66],
        [104.07, 30.64],
      ],
    ],
  }
}

const deadEndKeys = (roads: FeatureCollection<LineString, RoadProps>, options = {}) =>
  findDeadEnds(buildRoadGraph(roads), options)
    .map((d) => d.properties.nodeKey)
    .sort()

describe('findDeadEnds', () => {
  it('when three roads meet at a T and lead nowhere else, each far end is a dead end and the junction is not', () => {
    const junction = [104.081, 30.65]
    const roads = createRoads(
      [junction, [104.08, 30.65]],
      [junction, [104.082, 30.65]],
      [junction, [104.081, 30.649]],
    )
    expect(deadEndKeys(roads)).toEqual(['104.08,30.65', '104.081,30.649', '104.082,30.65'])
  })

  it('when roads close a loop, there is no dead end', () => {
    expect(deadEndKeys(createRoads(...createBlock()))).toEqual([])
  })

  it('when a cul-de-sac leaves a loop, its far end is the one dead end', () => {
    const roads = createRoads(...createBlock(), {
      name: '五福巷',
      coordinates: [
        [104.081, 30.651],
        [104.0815, 30.6515],
      ],
    })
    const deadEnds = findDeadEnds(buildRoadGraph(roads))
    expect(deadEnds).toEqual([
      {
        type: 'Feature',
        properties: { nodeKey: '104.0815,30.6515', roadIndex: 4, roadName: '五福巷' },
        geometry: { type: 'Point', coordinates: [104.0815, 30.6515] },
      },
    ])
  })

  it('when a lane stops short of the next road, its end is a dead end', () => {
    // The lane runs north from the block's south side and stops about 1 m short of its north side.
    const roads = createRoads(
      [
        [104.08, 30.65],
        [104.0805, 30.65],
      ],
      [
        [104.0805, 30.65],
        [104.081, 30.65],
      ],
      [
        [104.081, 30.65],
        [104.081, 30.651],
      ],
      [
        [104.081, 30.651],
        [104.08, 30.651],
      ],
      [
        [104.08, 30.651],
        [104.08, 30.65],
      ],
      [
        [104.0805, 30.65],
        [104.0805, 30.65099],
      ],
    )
    const deadEnds = findDeadEnds(buildRoadGraph(roads))
    expect(deadEnds.map((d) => d.properties)).toEqual([{ nodeKey: '104.0805,30.65099', roadIndex: 5 }])
  })

  it('when end points meet only after rounding to 7 decimals, the loop has no dead end', () => {
    const [south, east, north] = createBlock()
    const roads = createRoads(
      south as Position[],
      east as Position[],
      north as Position[],
      // Ends 3e-8° (about 3 mm) off the south-west corner where the south road starts.
      [
        [104.08, 30.651],
        [104.08000003, 30.64999997],
      ],
    )
    expect(findDeadEnds(buildRoadGraph(roads))).toEqual([])
    const finer = findDeadEnds(buildRoadGraph(roads, { precision: 9 }))
    expect(finer.map((d) => d.properties.nodeKey).sort()).toEqual([
      '104.08,30.65',
      '104.08000003,30.64999997',
    ])
  })

  describe('with a boundary', () => {
    // A block in the middle of the district, and a road from its north-east corner to the north edge.
    const leaving = () =>
      createRoads(...createBlock(), [
        [104.081, 30.651],
        [104.081, 30.66],
      ])

    it('when a road leaves through the boundary, its cut end is not a dead end', () => {
      expect(deadEndKeys(leaving(), { boundary: createDistrict() })).toEqual([])
    })

    it('when no boundary is given, the same cut end counts as a dead end', () => {
      expect(deadEndKeys(leaving())).toEqual(['104.081,30.66'])
    })

    it('ignores dead ends within 50 m of the boundary line by default, and keeps those farther in', () => {
      // 0.0004° of latitude ≈ 44.5 m, 0.0005° ≈ 55.6 m short of the north edge at 30.66.
      const roads = createRoads(
        ...createBlock(),
        [
          [104.081, 30.651],
          [104.081, 30.6596],
        ],
        [
          [104.08, 30.651],
          [104.08, 30.6595],
        ],
      )
      expect(deadEndKeys(roads, { boundary: createDistrict() })).toEqual(['104.08,30.6595'])
      expect(deadEndKeys(roads, { boundary: createDistrict(), boundaryToleranceM: 60 })).toEqual([])
      expect(deadEndKeys(roads, { boundary: createDistrict(), boundaryToleranceM: 40 })).toEqual([
        '104.08,30.6595',
        '104.081,30.6596',
      ])
    })

    it('when the area is several polygons, a road leaving through any of their edges is not a dead end', () => {
      const districtRings = createDistrict().coordinates
      const island: Position[] = [
        [104.1, 30.64],
        [104.11, 30.64],
        [104.11, 30.65],
        [104.1, 30.65],
        [104.1, 30.64],
      ]
      const area: MultiPolygon = { type: 'MultiPolygon', coordinates: [districtRings, [island]] }
      const roads = createRoads(...createBlock(104.105, 30.645), [
        [104.106, 30.646],
        [104.106, 30.65],
      ])
      expect(deadEndKeys(roads, { boundary: area })).toEqual([])
      expect(deadEndKeys(roads, { boundary: createDistrict() })).toEqual(['104.106,30.65'])
    })
  })
})

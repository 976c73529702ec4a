// Geometries as read from uploads: a GeoJSON-shaped value (from GeoJSON, WKT or a Shapefile record) checked for
// structure, counted before anything is built from it, and brought to two dimensions. What cannot be used becomes a
// feature issue with the reason; the feature stays in the report.
import { IMPORT_LIMITS, type ImportIssue } from '@renewal-atlas/domain'
import type { Position } from '../crs.ts'
import type { Geometry } from '../types.ts'
import { ELIDED_ARRAY_MARKER } from './json-scan.ts'
import { count } from './words.ts'

export interface GeometryRead {
  geometry: Geometry | null
  issue: ImportIssue | null
}

const NESTING: Readonly<Record<Geometry['type'], number>> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
}

const none: GeometryRead = { geometry: null, issue: null }
const invalid = (detail: string): GeometryRead => ({
  geometry: null,
  issue: { code: 'invalid_geometry', severity: 'error', detail },
})

export function tooManyVertices(vertices: number): GeometryRead {
  return {
    geometry: null,
    issue: {
      code: 'too_many_vertices',
      severity: 'error',
      detail: `The geometry has ${count(vertices)} vertices (limit ${count(IMPORT_LIMITS.maxVerticesPerFeature)})`,
    },
  }
}

/** Reads a GeoJSON geometry object (null: no geometry). */
export function readGeometry(value: unknown): GeometryRead {
  if (value === null || value === undefined) return none
  if (typeof value !== 'object' || Array.isArray(value)) {
    return invalid(`The geometry is ${describe(value)}, not a GeoJSON geometry object`)
  }
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown }
  if (type === 'GeometryCollection') {
    return {
      geometry: null,
      issue: {
        code: 'wrong_geometry_type',
        severity: 'error',
        detail: 'A GeometryCollection cannot be imported',
      },
    }
  }
  if (typeof type !== 'string' || !(type in NESTING)) {
    return invalid(`Geometry type ${JSON.stringify(type)} is not a GeoJSON geometry type`)
  }
  const geometryType = type as Geometry['type']
  const vertices = countPositions(coordinates, NESTING[geometryType])
  if (vertices > IMPORT_LIMITS.maxVerticesPerFeature) return tooManyVertices(vertices)
  try {
    return {
      geometry: { type: geometryType, coordinates: readCoordinates(geometryType, coordinates) },
      issue: null,
    }
  } catch (error) {
    if (error instanceof GeometryError) return invalid(`${geometryType}: ${error.message}`)
    throw error
  }
}

/** Positions in nested arrays, counted from array lengths alone (elided arrays count what they held). */
function countPositions(value: unknown, nesting: number): number {
  if (typeof value === 'string' && value.startsWith(ELIDED_ARRAY_MARKER)) {
    return Number(value.slice(ELIDED_ARRAY_MARKER.length)) || Number.POSITIVE_INFINITY
  }
  if (!Array.isArray(value)) return 0
  if (nesting === 0) return 1
  if (nesting === 1) return value.length
  let total = 0
  for (const child of value) total += countPositions(child, nesting - 1)
  return total
}

class GeometryError extends Error {}

function readCoordinates(type: Geometry['type'], c: unknown): unknown {
  switch (type) {
    case 'Point':
      return readPosition(c)
    case 'MultiPoint':
      return readList(c, 'points', 1, readPosition)
    case 'LineString':
      return readLine(c)
    case 'MultiLineString':
      return readList(c, 'lines', 1, readLine)
    case 'Polygon':
      return readPolygon(c)
    case 'MultiPolygon':
      return readList(c, 'polygons', 1, readPolygon)
  }
}

function readList<T>(value: unknown, what: string, min: number, read: (item: unknown, i: number) => T): T[] {
  if (!Array.isArray(value))
    throw new GeometryError(`coordinates must be an array of ${what}, not ${describe(value)}`)
  if (value.length < min) throw new GeometryError(`it has no ${what}`)
  return value.map(read)
}

/** A position [x, y]; `index` (from 0) names it among its siblings in the reason. */
function readPosition(value: unknown, index?: number): Position {
  const which = index === undefined ? 'the position' : `position ${index + 1}`
  if (!Array.isArray(value) || value.length < 2) {
    throw new GeometryError(`${which} must be [x, y], not ${describe(value)}`)
  }
  const [x, y] = value
  for (const [axis, n] of [
    ['x', x],
    ['y', y],
  ] as const) {
    const problem = coordinateProblem(n)
    if (problem) throw new GeometryError(`${which}: ${axis} ${problem}`)
  }
  return [x, y]
}

/**
 * Why a coordinate is not a finite number, naming what it is. A number too large for a double (1e999 in a GeoJSON
 * or WKT text, or an infinite double in a Shapefile) arrives here as Infinity, which JSON would print as null.
 */
function coordinateProblem(value: unknown): string | undefined {
  if (typeof value !== 'number') return `is ${describe(value)}, not a number`
  if (Number.isNaN(value)) return 'is NaN (not a number)'
  if (!Number.isFinite(value)) {
    return `is ${value > 0 ? '' : 'minus '}infinity: the number in the file (such as 1e999) is too large for any coordinate system`
  }
  return undefined
}

function readLine(value: unknown): Position[] {
  const line = readList(value, 'positions', 1, readPosition)
  if (line.length < 2) throw new GeometryError('a line needs at least two positions')
  return line
}

function readPolygon(value: unknown): Position[][] {
  return readList(value, 'rings', 1, (ring, i) => {
    const positions = readList(ring, 'positions', 1, readPosition)
    const first = positions[0] as Position
    const last = positions.at(-1) as Position
    if (positions.length < 4) {
      throw new GeometryError(`ring ${i + 1} has ${positions.length} positions (a ring needs at least four)`)
    }
    if (first[0] !== last[0] || first[1] !== last[1]) {
      throw new GeometryError(`ring ${i + 1} is not closed (its first and last positions differ)`)
    }
    return positions
  })
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`
  return `a ${typeof value}`
}

/** Every position of a geometry, in order. */
export function* positionsOf(geometry: Geometry): Generator<Position> {
  const depth = NESTING[geometry.type]
  function* walk(value: unknown, level: number): Generator<Position> {
    if (level === 0) yield value as Position
    else for (const child of value as unknown[]) yield* walk(child, level - 1)
  }
  yield* walk(geometry.coordinates, depth)
}

export function vertexCount(geometry: Geometry): number {
  return countPositions(geometry.coordinates, NESTING[geometry.type])
}

// Geometries as read from uploads: a GeoJSON-shaped value (from GeoJSON, WKT or a Shapefile record) checked for
// structure, counted before anything is built from it, and brought to two dimensions. What cannot be used becomes a
// feature issue with the reason; the feature stays in the report.
import {
  type Found,
  IMPORT_LIMITS,
  type ImportIssue,
  type ImportReasonParams,
  issueOf,
  ReasonCoordinateInfinite,
  ReasonCoordinateNaN,
  ReasonCoordinateNotNumber,
  ReasonCoordinatesNotArray,
  ReasonGeometryCollection,
  ReasonGeometryNotObject,
  ReasonLineTooShort,
  ReasonNoParts,
  ReasonPositionNotPair,
  ReasonRingNotClosed,
  ReasonRingTooShort,
  ReasonTooManyVertices,
  ReasonUnknownGeometryType,
} from '@renewal-atlas/domain'
import type { Position } from '../crs.ts'
import type { Geometry } from '../types.ts'
import { ELIDED_ARRAY_MARKER } from './json-scan.ts'

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
const unread = (issue: ImportIssue): GeometryRead => ({ geometry: null, issue })

export function tooManyVertices(vertices: number): GeometryRead {
  return unread(issueOf(ReasonTooManyVertices, { vertices, limit: IMPORT_LIMITS.maxVerticesPerFeature }))
}

/** Reads a GeoJSON geometry object (null: no geometry). */
export function readGeometry(value: unknown): GeometryRead {
  if (value === null || value === undefined) return none
  if (typeof value !== 'object' || Array.isArray(value)) {
    return unread(issueOf(ReasonGeometryNotObject, describe(value)))
  }
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown }
  if (type === 'GeometryCollection') return unread(issueOf(ReasonGeometryCollection, {}))
  if (typeof type !== 'string' || !(type in NESTING)) {
    const written = typeof type === 'string' ? type : JSON.stringify(type)
    return unread(issueOf(ReasonUnknownGeometryType, written === undefined ? {} : { value: written }))
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
    if (error instanceof GeometryError) return unread(error.issueFor(geometryType))
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

/** The structural reasons, which name the geometry's type once it is known. */
type Structural =
  | typeof ReasonCoordinatesNotArray
  | typeof ReasonNoParts
  | typeof ReasonPositionNotPair
  | typeof ReasonCoordinateNotNumber
  | typeof ReasonCoordinateNaN
  | typeof ReasonCoordinateInfinite
  | typeof ReasonLineTooShort
  | typeof ReasonRingTooShort
  | typeof ReasonRingNotClosed
type WithoutType<R extends Structural> = Omit<ImportReasonParams[R], 'geometryType'>

/** A structural fault found deep in the coordinates, thrown up to where the geometry's type is known. */
class GeometryError<R extends Structural = Structural> extends Error {
  constructor(
    readonly reason: R,
    readonly params: WithoutType<R>,
  ) {
    super(reason)
  }
  issueFor(geometryType: Geometry['type']): ImportIssue {
    return issueOf(this.reason, { geometryType, ...this.params } as ImportReasonParams[R])
  }
}

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

type Items = ImportReasonParams[typeof ReasonNoParts]['items']

function readList<T>(value: unknown, items: Items, min: number, read: (item: unknown, i: number) => T): T[] {
  if (!Array.isArray(value)) throw new GeometryError(ReasonCoordinatesNotArray, { items, ...describe(value) })
  if (value.length < min) throw new GeometryError(ReasonNoParts, { items })
  return value.map(read)
}

/** A position [x, y]; `index` (from 0) names it among its siblings in the reason. */
function readPosition(value: unknown, index?: number): Position {
  const at = index === undefined ? {} : { vertex: index + 1 }
  if (!Array.isArray(value) || value.length < 2) {
    throw new GeometryError(ReasonPositionNotPair, { ...at, ...describe(value) })
  }
  const [x, y] = value
  for (const [axis, n] of [
    ['x', x],
    ['y', y],
  ] as const) {
    checkCoordinate(n, { ...at, axis })
  }
  return [x, y]
}

/**
 * Refuses a coordinate that is not a finite number, naming what it is. A number too large for a double (1e999 in a
 * GeoJSON or WKT text, or an infinite double in a Shapefile) arrives here as Infinity, which JSON would print as null.
 */
function checkCoordinate(value: unknown, where: { vertex?: number; axis: 'x' | 'y' }): void {
  if (typeof value !== 'number') {
    throw new GeometryError(ReasonCoordinateNotNumber, { ...where, ...describe(value) })
  }
  if (Number.isNaN(value)) throw new GeometryError(ReasonCoordinateNaN, where)
  if (!Number.isFinite(value))
    throw new GeometryError(ReasonCoordinateInfinite, { ...where, negative: value < 0 })
}

function readLine(value: unknown): Position[] {
  const line = readList(value, 'positions', 1, readPosition)
  if (line.length < 2) throw new GeometryError(ReasonLineTooShort, {})
  return line
}

function readPolygon(value: unknown): Position[][] {
  return readList(value, 'rings', 1, (ring, i) => {
    const positions = readList(ring, 'positions', 1, readPosition)
    const first = positions[0] as Position
    const last = positions.at(-1) as Position
    if (positions.length < 4) {
      throw new GeometryError(ReasonRingTooShort, { ring: i + 1, positions: positions.length })
    }
    if (first[0] !== last[0] || first[1] !== last[1]) {
      throw new GeometryError(ReasonRingNotClosed, { ring: i + 1 })
    }
    return positions
  })
}

/** What a value is, with the value as written when it is short (text cut at 40 characters). */
function describe(value: unknown): Found {
  if (value === undefined) return { found: 'missing' }
  if (value === null) return { found: 'null' }
  if (typeof value === 'boolean') return { found: 'boolean', value: String(value) }
  if (Array.isArray(value)) return { found: 'array', length: value.length }
  if (typeof value === 'string') return { found: 'text', value: value.slice(0, 40) }
  if (typeof value === 'number') return { found: 'number' }
  return { found: 'object' }
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

// The geometry half of an ESRI Shapefile (.shp and its .shx index), per the ESRI Shapefile Technical Description
// (1998): a 100-byte main header (file code and length big-endian, the rest little-endian), then records of a
// big-endian header and a little-endian shape. Lengths and offsets count 16-bit words.
import type { ExchangeLayerView } from '@renewal-atlas/domain'
import type { Geometry } from '../types.ts'
import { prepareGeometry, type Ring } from './geometry.ts'

export const SHAPE_TYPE = { null: 0, point: 1, polyLine: 3, polygon: 5 } as const
export type ShapeType = (typeof SHAPE_TYPE)['point' | 'polyLine' | 'polygon']

export const MAIN_HEADER_BYTES = 100
export const RECORD_HEADER_BYTES = 8

export interface Bounds {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** The shape type a layer's features are written as: Polygon (also for MultiPolygon), PolyLine or Point. */
export function shapeTypeOf(geometry: ExchangeLayerView['geometry']): ShapeType {
  if (geometry === 'Point') return SHAPE_TYPE.point
  if (geometry === 'LineString') return SHAPE_TYPE.polyLine
  return SHAPE_TYPE.polygon
}

/** Bounds of both (either may be null: no shape yet). */
export function unionBounds(a: Bounds | null, b: Bounds | null): Bounds | null {
  if (!a || !b) return a ?? b
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  }
}

/**
 * The main header of a .shp or .shx: file code 9994, length in words, version 1000, shape type and the bounding
 * box of all shapes (zeros when there are none; Z and M ranges zero).
 */
export function mainHeader(shapeType: ShapeType, fileWords: number, bounds: Bounds | null): Buffer {
  const header = Buffer.alloc(MAIN_HEADER_BYTES)
  header.writeInt32BE(9994, 0)
  header.writeInt32BE(fileWords, 24)
  header.writeInt32LE(1000, 28)
  header.writeInt32LE(shapeType, 32)
  if (bounds) {
    header.writeDoubleLE(bounds.minX, 36)
    header.writeDoubleLE(bounds.minY, 44)
    header.writeDoubleLE(bounds.maxX, 52)
    header.writeDoubleLE(bounds.maxY, 60)
  }
  return header
}

/** A record header: 1-based record number and content length in words. */
export function recordHeader(recordNumber: number, contentBytes: number): Buffer {
  const header = Buffer.alloc(RECORD_HEADER_BYTES)
  header.writeInt32BE(recordNumber, 0)
  header.writeInt32BE(contentBytes / 2, 4)
  return header
}

/** A .shx entry: offset of the record's header in the .shp and its content length, both in words. */
export function indexEntry(offsetWords: number, contentBytes: number): Buffer {
  const entry = Buffer.alloc(8)
  entry.writeInt32BE(offsetWords, 0)
  entry.writeInt32BE(contentBytes / 2, 4)
  return entry
}

/**
 * A record's content for `geometry` written as `shapeType`, coordinates rounded to `decimals`; polygons with
 * clockwise exterior rings and counter-clockwise holes (ESRI), every ring of every part one part of the shape.
 * No geometry, or an empty one, is the null shape. A geometry the shape type cannot hold is a TypeError.
 */
export function shapeContent(
  geometry: Geometry | null,
  shapeType: ShapeType,
  decimals: number,
): { content: Buffer; bounds: Bounds | null } {
  const parts = geometry ? shapeParts(prepareGeometry(geometry, decimals, 'cw'), shapeType) : []
  const points = parts.flat()
  if (points.length === 0) return { content: nullShape(), bounds: null }
  const bounds = boundsOf(points)
  if (shapeType === SHAPE_TYPE.point) return { content: pointShape(points[0] as number[]), bounds }
  return { content: multiPartShape(shapeType, parts, bounds), bounds }
}

function shapeParts(geometry: Geometry, shapeType: ShapeType): Ring[] {
  const { type, coordinates } = geometry
  if (shapeType === SHAPE_TYPE.point && type === 'Point') return [[coordinates]]
  if (shapeType === SHAPE_TYPE.polyLine && type === 'LineString') return [coordinates]
  if (shapeType === SHAPE_TYPE.polyLine && type === 'MultiLineString') return coordinates
  if (shapeType === SHAPE_TYPE.polygon && type === 'Polygon') return coordinates
  if (shapeType === SHAPE_TYPE.polygon && type === 'MultiPolygon') return (coordinates as Ring[][]).flat()
  throw new TypeError(`a ${type} cannot be written as shape type ${shapeType}`)
}

function nullShape(): Buffer {
  const content = Buffer.alloc(4)
  content.writeInt32LE(SHAPE_TYPE.null, 0)
  return content
}

function pointShape([x, y]: number[]): Buffer {
  const content = Buffer.alloc(20)
  content.writeInt32LE(SHAPE_TYPE.point, 0)
  content.writeDoubleLE(x as number, 4)
  content.writeDoubleLE(y as number, 12)
  return content
}

/** PolyLine or Polygon: type, box, part count, point count, part start indexes, then the points. */
function multiPartShape(shapeType: ShapeType, parts: Ring[], bounds: Bounds): Buffer {
  const pointCount = parts.reduce((sum, part) => sum + part.length, 0)
  const content = Buffer.alloc(44 + 4 * parts.length + 16 * pointCount)
  content.writeInt32LE(shapeType, 0)
  content.writeDoubleLE(bounds.minX, 4)
  content.writeDoubleLE(bounds.minY, 12)
  content.writeDoubleLE(bounds.maxX, 20)
  content.writeDoubleLE(bounds.maxY, 28)
  content.writeInt32LE(parts.length, 36)
  content.writeInt32LE(pointCount, 40)
  let offset = 44
  let start = 0
  for (const part of parts) {
    content.writeInt32LE(start, offset)
    offset += 4
    start += part.length
  }
  for (const part of parts) {
    for (const [x, y] of part) {
      content.writeDoubleLE(x as number, offset)
      content.writeDoubleLE(y as number, offset + 8)
      offset += 16
    }
  }
  return content
}

function boundsOf(points: number[][]): Bounds {
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  for (const [x, y] of points as [number, number][]) {
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  return { minX, minY, maxX, maxY }
}

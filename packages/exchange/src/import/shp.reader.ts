// The geometry files of a Shapefile, read from bytes: the .shp walked record by record (each record's length checked
// against the file, so a truncated file is named as such), the .shx checked against it, and shapes decoded into
// GeoJSON-shaped values only after their point count passed maxVerticesPerFeature. Polygon rings are grouped the ESRI
// way: clockwise rings are exteriors, the others holes of the exterior that contains them.
import { IMPORT_LIMITS, issueOf, ReasonTooManyRings } from '@renewal-atlas/domain'
import type { Position } from '../crs.ts'
import { FileRejected } from '../errors.ts'
import { type GeometryRead, readGeometry, tooManyVertices } from './geometry.ts'
import { count } from './words.ts'

const SHAPE_TYPES: Readonly<
  Record<number, { name: string; kind: 'null' | 'point' | 'multipoint' | 'line' | 'polygon' }>
> = {
  0: { name: 'Null', kind: 'null' },
  1: { name: 'Point', kind: 'point' },
  3: { name: 'PolyLine', kind: 'line' },
  5: { name: 'Polygon', kind: 'polygon' },
  8: { name: 'MultiPoint', kind: 'multipoint' },
  11: { name: 'PointZ', kind: 'point' },
  13: { name: 'PolyLineZ', kind: 'line' },
  15: { name: 'PolygonZ', kind: 'polygon' },
  18: { name: 'MultiPointZ', kind: 'multipoint' },
  21: { name: 'PointM', kind: 'point' },
  23: { name: 'PolyLineM', kind: 'line' },
  25: { name: 'PolygonM', kind: 'polygon' },
  28: { name: 'MultiPointM', kind: 'multipoint' },
}

/** Rings grouped per feature at most (holes are matched against exteriors, which costs rings squared). */
const MAX_RINGS_PER_FEATURE = 10_000

const FILE_CODE = 9994
const HEADER_BYTES = 100

export interface ShpRecord {
  /** Where the record's content (after its 8-byte header) starts, and its length in bytes. */
  offset: number
  length: number
}

export interface ShpFile {
  shapeType: number
  records: ShpRecord[]
  view: DataView
}

export function indexShp(bytes: Uint8Array, name: string): ShpFile {
  const view = checkHeader(bytes, name, 'shp')
  const declaredBytes = view.getInt32(24, false) * 2
  if (declaredBytes > bytes.length) {
    throw new FileRejected(
      'shapefile_invalid',
      `${name} is cut short: its header says ${count(declaredBytes)} bytes but the file has ${count(bytes.length)}`,
    )
  }
  const shapeType = view.getInt32(32, true)
  const type = SHAPE_TYPES[shapeType]
  if (!type) {
    throw new FileRejected(
      'shapefile_invalid',
      `${name} holds shapes of type ${shapeType}${shapeType === 31 ? ' (MultiPatch)' : ''}, which cannot be imported`,
    )
  }
  const end = Math.min(declaredBytes, bytes.length)
  const records: ShpRecord[] = []
  for (let at = HEADER_BYTES; at < end; ) {
    const n = records.length + 1
    if (at + 12 > end)
      throw new FileRejected('shapefile_invalid', `${name} is cut short in the header of record ${n}`)
    const length = view.getInt32(at + 4, false) * 2
    if (length < 4) {
      throw new FileRejected(
        'shapefile_invalid',
        `Record ${n} of ${name} declares a length of ${length} bytes`,
      )
    }
    if (at + 8 + length > end) {
      throw new FileRejected(
        'shapefile_invalid',
        `Record ${n} of ${name} runs past the end of the file (${count(at + 8 + length)} > ${count(end)} bytes): the .shp is truncated`,
      )
    }
    const recordType = view.getInt32(at + 8, true)
    if (recordType !== 0 && recordType !== shapeType) {
      throw new FileRejected(
        'shapefile_invalid',
        `Record ${n} of ${name} is a ${SHAPE_TYPES[recordType]?.name ?? `shape of type ${recordType}`} in a file of ${type.name} shapes`,
      )
    }
    records.push({ offset: at + 8, length })
    if (records.length > IMPORT_LIMITS.maxFeatures) break
    at += 8 + length
  }
  return { shapeType, records, view }
}

/** The byte offsets of the records a .shx indexes. */
export function readShx(bytes: Uint8Array, name: string): number[] {
  const view = checkHeader(bytes, name, 'shx')
  if ((bytes.length - HEADER_BYTES) % 8 !== 0) {
    throw new FileRejected(
      'shapefile_invalid',
      `${name} is ${count(bytes.length)} bytes, which is not a header and whole 8-byte index entries`,
    )
  }
  return Array.from(
    { length: (bytes.length - HEADER_BYTES) / 8 },
    (_, i) => view.getInt32(HEADER_BYTES + 8 * i, false) * 2,
  )
}

/** Checks that the .shx points at the records where the .shp has them. */
export function checkShxOffsets(
  offsets: readonly number[],
  shp: ShpFile,
  shxName: string,
  shpName: string,
): void {
  for (const [i, record] of shp.records.entries()) {
    const start = record.offset - 8
    if (offsets[i] !== start) {
      throw new FileRejected(
        'shapefile_inconsistent',
        `${shxName} places record ${i + 1} at byte ${count(offsets[i] ?? 0)} but in ${shpName} it starts at byte ${count(start)}`,
      )
    }
  }
}

function checkHeader(bytes: Uint8Array, name: string, part: 'shp' | 'shx'): DataView {
  if (bytes.length < HEADER_BYTES) {
    throw new FileRejected(
      'shapefile_invalid',
      `${name} is too short to be a .${part} file (${bytes.length} bytes)`,
    )
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const code = view.getInt32(0, false)
  if (code !== FILE_CODE) {
    throw new FileRejected(
      'shapefile_invalid',
      `${name} is not a .${part} file (file code ${code}, expected ${FILE_CODE})`,
    )
  }
  return view
}

/** Decodes record i (0-based) into a geometry, or a feature issue when it has too many points. */
export function readShape(shp: ShpFile, i: number, name: string): GeometryRead {
  const { view } = shp
  const record = shp.records[i] as ShpRecord
  const at = record.offset
  const type = SHAPE_TYPES[view.getInt32(at, true)]
  const bad = (what: string) => new FileRejected('shapefile_invalid', `Record ${i + 1} of ${name} ${what}`)
  switch (type?.kind) {
    case undefined:
    case 'null':
      return { geometry: null, issue: null }
    case 'point':
      if (record.length < 20) throw bad('is too short for a point')
      return readGeometry({
        type: 'Point',
        coordinates: [view.getFloat64(at + 4, true), view.getFloat64(at + 12, true)],
      })
    case 'multipoint': {
      if (record.length < 40) throw bad('is too short for a multipoint')
      const count = view.getInt32(at + 36, true)
      if (count > IMPORT_LIMITS.maxVerticesPerFeature) return tooManyVertices(count)
      if (count < 0 || 40 + 16 * count > record.length)
        throw bad(`declares ${count} points but has room for fewer`)
      return readGeometry({ type: 'MultiPoint', coordinates: readPoints(view, at + 40, 0, count) })
    }
    case 'line':
    case 'polygon': {
      if (record.length < 44) throw bad(`is too short for a ${type.kind}`)
      const partCount = view.getInt32(at + 36, true)
      const pointCount = view.getInt32(at + 40, true)
      if (pointCount > IMPORT_LIMITS.maxVerticesPerFeature) return tooManyVertices(pointCount)
      if (partCount < 0 || pointCount < 0 || 44 + 4 * partCount + 16 * pointCount > record.length) {
        throw bad(`declares ${partCount} parts and ${pointCount} points but has room for fewer`)
      }
      const starts: number[] = []
      for (let p = 0; p < partCount; p++) {
        const start = view.getInt32(at + 44 + 4 * p, true)
        const previous = starts.at(-1) ?? -1
        if ((p === 0 && start !== 0) || start <= previous || start >= pointCount) {
          throw bad(`has part ${p + 1} starting at point ${start}, out of order or out of range`)
        }
        starts.push(start)
      }
      const pointsAt = at + 44 + 4 * partCount
      const parts = starts.map((start, p) => readPoints(view, pointsAt, start, starts[p + 1] ?? pointCount))
      if (parts.length === 0) return { geometry: null, issue: null }
      if (type.kind === 'line') {
        return readGeometry(
          parts.length === 1
            ? { type: 'LineString', coordinates: parts[0] }
            : { type: 'MultiLineString', coordinates: parts },
        )
      }
      if (parts.length > MAX_RINGS_PER_FEATURE) {
        return {
          geometry: null,
          issue: issueOf(ReasonTooManyRings, { rings: parts.length, limit: MAX_RINGS_PER_FEATURE }),
        }
      }
      const polygons = groupRings(parts)
      return readGeometry(
        polygons.length === 1
          ? { type: 'Polygon', coordinates: polygons[0] }
          : { type: 'MultiPolygon', coordinates: polygons },
      )
    }
  }
}

function readPoints(view: DataView, pointsAt: number, from: number, to: number): Position[] {
  const points: Position[] = []
  for (let k = from; k < to; k++) {
    points.push([view.getFloat64(pointsAt + 16 * k, true), view.getFloat64(pointsAt + 16 * k + 8, true)])
  }
  return points
}

/** ESRI rings → GeoJSON polygons: each hole goes to the first exterior that contains it (an orphan hole stands alone). */
function groupRings(rings: Position[][]): Position[][][] {
  const exteriors: { rings: Position[][]; box: Box }[] = []
  const holes: Position[][] = []
  for (const ring of rings) {
    if (signedArea(ring) <= 0) exteriors.push({ rings: [ring], box: boxOf(ring) })
    else holes.push(ring)
  }
  for (const hole of holes) {
    const probe = hole[0] as Position
    const owner = exteriors.find((e) => inBox(e.box, probe) && ringContains(e.rings[0] as Position[], probe))
    if (owner) owner.rings.push(hole)
    else exteriors.push({ rings: [hole], box: boxOf(hole) })
  }
  return exteriors.map((e) => e.rings)
}

/** Twice the signed area: negative for clockwise rings (x east, y north). */
function signedArea(ring: Position[]): number {
  let sum = 0
  for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) {
    const [xj, yj] = ring[j] as Position
    const [xk, yk] = ring[k] as Position
    sum += (xj as number) * (yk as number) - (xk as number) * (yj as number)
  }
  return sum
}

type Box = [number, number, number, number]
function boxOf(ring: Position[]): Box {
  const box: Box = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ]
  for (const [x, y] of ring as [number, number][]) {
    if (x < box[0]) box[0] = x
    if (y < box[1]) box[1] = y
    if (x > box[2]) box[2] = x
    if (y > box[3]) box[3] = y
  }
  return box
}
const inBox = (box: Box, [x, y]: Position) =>
  (x as number) >= box[0] && (x as number) <= box[2] && (y as number) >= box[1] && (y as number) <= box[3]

/** Ray casting: whether the point is inside the ring. */
function ringContains(ring: Position[], [x, y]: Position): boolean {
  let inside = false
  for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) {
    const [xk, yk] = ring[k] as [number, number]
    const [xj, yj] = ring[j] as [number, number]
    if (
      yk > (y as number) !== yj > (y as number) &&
      (x as number) < ((xj - xk) * ((y as number) - yk)) / (yj - yk) + xk
    ) {
      inside = !inside
    }
  }
  return inside
}

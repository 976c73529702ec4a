// Geometry checks that need no database (the database adds validity and the district): a geometry is there, of the
// target's type, not too large, and its coordinates fit the declared system — longitude/latitude swapped, metres
// declared as degrees or the reverse, or a converted position far from Sichuan. Also codes repeated in the file.
// Pure.
import {
  IMPORT_LIMITS,
  IMPORT_TARGETS,
  type ImportIssue,
  type ImportTarget,
  issueOf,
  type Pair,
  ReasonCodeRepeated,
  ReasonDegreesInMetreSystem,
  ReasonDegreesOutOfRange,
  ReasonEastingWithoutZone,
  ReasonEastingWithZone,
  ReasonFarFromSichuan,
  ReasonLatitudeFirst,
  ReasonMetresInDegreeSystem,
  ReasonMultiPolygonParts,
  ReasonNoGeometry,
  ReasonNorthingFirst,
  ReasonNotAPoint,
  ReasonNotAPolygon,
  ReasonNotConvertible,
  ReasonNotDegrees,
  ReasonTooManyVertices,
  type SourceCrs,
} from '@renewal-atlas/domain'
import type { Position } from '../crs.ts'
import type { Geometry } from '../types.ts'
import { positionsOf, vertexCount } from './geometry.ts'

const METRE_SYSTEMS: ReadonlySet<SourceCrs> = new Set(['4544', '4523'])

/** Around Chengdu: where lon/lat read as lat/lon land (degrees), and Gauss-Kruger northings/eastings. */
const SWAPPED_DEGREES = { x: [26, 35], y: [97, 109] } as const
const NORTHING = [2_800_000, 3_900_000] as const
const EASTING = [250_000, 750_000] as const
const ZONED_EASTING = [35_250_000, 35_750_000] as const
/** Sichuan with a margin, WGS84: a converted position outside it is in the wrong system, or not our data. */
const SICHUAN = { west: 97, east: 109, south: 26, north: 35 } as const

export function checkGeometry(
  source: Geometry | null,
  wgs84: Geometry | null,
  target: ImportTarget,
  crs: SourceCrs,
): ImportIssue[] {
  if (!source) return [issueOf(ReasonNoGeometry, {})]
  const issues: ImportIssue[] = []
  const typeProblem = wrongType(source, target)
  if (typeProblem) issues.push(typeProblem)
  const vertices = vertexCount(source)
  if (vertices > IMPORT_LIMITS.maxVerticesPerFeature) {
    issues.push(issueOf(ReasonTooManyVertices, { vertices, limit: IMPORT_LIMITS.maxVerticesPerFeature }))
    return issues
  }
  const systemProblem = coordinateProblem(source, wgs84, crs)
  if (systemProblem) issues.push(systemProblem)
  return issues
}

function wrongType(geometry: Geometry, target: ImportTarget): ImportIssue | null {
  const expected = IMPORT_TARGETS[target].geometry
  if (expected === 'Point') {
    return geometry.type === 'Point'
      ? null
      : issueOf(ReasonNotAPoint, { geometryType: geometry.type, target })
  }
  if (geometry.type === 'Polygon') return null
  if (geometry.type === 'MultiPolygon') {
    const parts = geometry.coordinates.length
    return parts === 1 ? null : issueOf(ReasonMultiPolygonParts, { parts, target })
  }
  return issueOf(ReasonNotAPolygon, { geometryType: geometry.type, target })
}

function coordinateProblem(source: Geometry, wgs84: Geometry | null, crs: SourceCrs): ImportIssue | null {
  const box = bounds(positionsOf(source))
  const inRange = (range: readonly [number, number], low: number, high: number) =>
    low >= range[0] && high <= range[1]
  const allX = (range: readonly [number, number]) => inRange(range, box.minX, box.maxX)
  const allY = (range: readonly [number, number]) => inRange(range, box.minY, box.maxY)
  const corner: Pair = [box.minX, box.minY]
  if (METRE_SYSTEMS.has(crs)) {
    const easting = crs === '4544' ? EASTING : ZONED_EASTING
    if (allX(NORTHING) && allY(easting)) return issueOf(ReasonNorthingFirst, { position: corner, crs })
    if (isDegrees(box)) return issueOf(ReasonDegreesInMetreSystem, { position: corner, crs })
    if (crs === '4523' && allX(EASTING)) return issueOf(ReasonEastingWithoutZone, { easting: box.minX })
    if (crs === '4544' && allX(ZONED_EASTING)) return issueOf(ReasonEastingWithZone, { easting: box.minX })
  } else {
    if (allX(SWAPPED_DEGREES.x) && allY(SWAPPED_DEGREES.y)) {
      return issueOf(ReasonLatitudeFirst, { position: corner })
    }
    if (!isDegrees(box)) return notDegrees(source, crs)
  }
  if (!wgs84) return null
  const converted = bounds(positionsOf(wgs84))
  if (!converted.finite) return issueOf(ReasonNotConvertible, { crs })
  const inSichuan =
    converted.minX >= SICHUAN.west &&
    converted.maxX <= SICHUAN.east &&
    converted.minY >= SICHUAN.south &&
    converted.maxY <= SICHUAN.north
  return inSichuan ? null : issueOf(ReasonFarFromSichuan, { position: [converted.minX, converted.minY] })
}

/** Projected metres are thousands at least, on both axes; a degree never is. */
const METRES_MAGNITUDE = 1000

/**
 * The first position outside the range of degrees, named with the real reason: out of range (a longitude of 200,
 * a latitude of 95), or, only when both numbers are that large, metres of a projected system declared as degrees.
 */
function notDegrees(source: Geometry, crs: SourceCrs): ImportIssue {
  let n = 0
  for (const [x, y] of positionsOf(source) as Iterable<[number, number]>) {
    n += 1
    if (Math.abs(x) <= 180 && Math.abs(y) <= 90) continue
    const at = { position: [x, y] as Pair, ...(n === 1 ? {} : { vertex: n }), crs }
    if (Math.abs(x) >= METRES_MAGNITUDE && Math.abs(y) >= METRES_MAGNITUDE) {
      return issueOf(ReasonMetresInDegreeSystem, at)
    }
    const longitude = Math.abs(x) > 180
    return issueOf(ReasonDegreesOutOfRange, {
      ...at,
      axis: longitude ? 'longitude' : 'latitude',
      value: longitude ? x : y,
      limit: longitude ? 180 : 90,
    })
  }
  return issueOf(ReasonNotDegrees, { crs })
}

function bounds(positions: Iterable<Position>) {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity]
  let finite = true
  for (const [x, y] of positions as Iterable<[number, number]>) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      finite = false
      continue
    }
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x)
    maxY = Math.max(maxY, y)
  }
  return { minX, minY, maxX, maxY, finite }
}

const isDegrees = (box: { minX: number; minY: number; maxX: number; maxY: number }) =>
  box.minX >= -180 && box.maxX <= 180 && box.minY >= -90 && box.maxY <= 90

/** Feature n → duplicate_code_in_file for every code already used by an earlier feature (empty codes are ignored). */
export function duplicateCodes(
  codes: readonly { n: number; code: string | null }[],
): Map<number, ImportIssue> {
  const firstUse = new Map<string, number>()
  const duplicates = new Map<number, ImportIssue>()
  for (const { n, code } of codes) {
    const key = code?.trim() ?? ''
    if (key === '') continue
    const first = firstUse.get(key)
    if (first === undefined) firstUse.set(key, n)
    else duplicates.set(n, issueOf(ReasonCodeRepeated, { field: 'code', value: key, firstFeature: first }))
  }
  return duplicates
}

// Geometry checks that need no database (the database adds validity and the district): a geometry is there, of the
// target's type, not too large, and its coordinates fit the declared system — longitude/latitude swapped, metres
// declared as degrees or the reverse, or a converted position far from Sichuan. Also codes repeated in the file.
// Pure.
import {
  IMPORT_LIMITS,
  IMPORT_TARGETS,
  type ImportIssue,
  type ImportTarget,
  type SourceCrs,
} from '@renewal-atlas/domain'
import type { Position } from '../crs.ts'
import type { Geometry } from '../types.ts'
import { positionsOf, vertexCount } from './geometry.ts'
import { count } from './words.ts'

const METRE_SYSTEMS: ReadonlySet<SourceCrs> = new Set(['4544', '4523'])

/** Around Chengdu: where lon/lat read as lat/lon land (degrees), and Gauss-Kruger northings/eastings. */
const SWAPPED_DEGREES = { x: [26, 35], y: [97, 109] } as const
const NORTHING = [2_800_000, 3_900_000] as const
const EASTING = [250_000, 750_000] as const
const ZONED_EASTING = [35_250_000, 35_750_000] as const
/** Sichuan with a margin, WGS84: a converted position outside it is in the wrong system, or not our data. */
const SICHUAN = { west: 97, east: 109, south: 26, north: 35 } as const

const issue = (
  code: ImportIssue['code'],
  detail: string,
  severity: ImportIssue['severity'] = 'error',
): ImportIssue => ({
  code,
  severity,
  detail,
})

export function checkGeometry(
  source: Geometry | null,
  wgs84: Geometry | null,
  target: ImportTarget,
  crs: SourceCrs,
): ImportIssue[] {
  if (!source) return [issue('missing_geometry', 'The feature has no geometry')]
  const issues: ImportIssue[] = []
  const typeProblem = wrongType(source, target)
  if (typeProblem) issues.push(issue('wrong_geometry_type', typeProblem))
  const vertices = vertexCount(source)
  if (vertices > IMPORT_LIMITS.maxVerticesPerFeature) {
    issues.push(
      issue(
        'too_many_vertices',
        `The geometry has ${count(vertices)} vertices (limit ${count(IMPORT_LIMITS.maxVerticesPerFeature)})`,
      ),
    )
    return issues
  }
  const systemProblem = coordinateProblem(source, wgs84, crs)
  if (systemProblem) issues.push(systemProblem)
  return issues
}

function wrongType(geometry: Geometry, target: ImportTarget): string | null {
  const expected = IMPORT_TARGETS[target].geometry
  if (expected === 'Point')
    return geometry.type === 'Point' ? null : `A ${geometry.type}: ${target} are points`
  if (geometry.type === 'Polygon') return null
  if (geometry.type === 'MultiPolygon') {
    const parts = geometry.coordinates.length
    return parts === 1 ? null : `A MultiPolygon of ${parts} parts: ${target} are single polygons`
  }
  return `A ${geometry.type}: ${target} are polygons`
}

function coordinateProblem(source: Geometry, wgs84: Geometry | null, crs: SourceCrs): ImportIssue | null {
  const box = bounds(positionsOf(source))
  const inRange = (range: readonly [number, number], low: number, high: number) =>
    low >= range[0] && high <= range[1]
  const allX = (range: readonly [number, number]) => inRange(range, box.minX, box.maxX)
  const allY = (range: readonly [number, number]) => inRange(range, box.minY, box.maxY)
  const shown = `${round(box.minX)}, ${round(box.minY)}`
  if (METRE_SYSTEMS.has(crs)) {
    const easting = crs === '4544' ? EASTING : ZONED_EASTING
    if (allX(NORTHING) && allY(easting)) {
      return issue(
        'swapped_coordinates',
        `${shown} looks like northing then easting (X north, as Chinese surveys write it): swap the columns`,
      )
    }
    if (isDegrees(box)) {
      return issue('wrong_crs', `${shown} looks like degrees, but EPSG:${crs} is in metres`)
    }
    if (crs === '4523' && allX(EASTING)) {
      return issue(
        'wrong_crs',
        `Eastings like ${round(box.minX)} lack the zone prefix 35: the data looks like EPSG:4544`,
      )
    }
    if (crs === '4544' && allX(ZONED_EASTING)) {
      return issue(
        'wrong_crs',
        `Eastings like ${round(box.minX)} carry the zone prefix 35: the data looks like EPSG:4523`,
      )
    }
  } else {
    if (allX(SWAPPED_DEGREES.x) && allY(SWAPPED_DEGREES.y)) {
      return issue('swapped_coordinates', `${shown} looks like latitude then longitude: swap the columns`)
    }
    if (!isDegrees(box)) return notDegrees(source, crs)
  }
  if (!wgs84) return null
  const converted = bounds(positionsOf(wgs84))
  if (!converted.finite) {
    return issue('invalid_geometry', 'The coordinates could not be converted to WGS84')
  }
  const inSichuan =
    converted.minX >= SICHUAN.west &&
    converted.maxX <= SICHUAN.east &&
    converted.minY >= SICHUAN.south &&
    converted.maxY <= SICHUAN.north
  return inSichuan
    ? null
    : issue(
        'wrong_crs',
        `Converted to WGS84 the feature lies at ${round(converted.minX)}, ${round(converted.minY)}, far from Sichuan: is the coordinate system right?`,
        'warning',
      )
}

/** Projected metres are thousands at least, on both axes; a degree never is. */
const METRES_MAGNITUDE = 1000

/**
 * The first position outside the range of degrees, named with the real reason: out of range (a longitude of 200,
 * a latitude of 95), or, only when both numbers are that large, metres of a projected system declared as degrees.
 */
function notDegrees(source: Geometry, crs: SourceCrs): ImportIssue {
  const system = crs === '4326' || crs === '4490' ? `EPSG:${crs}` : crs.toUpperCase()
  let n = 0
  for (const [x, y] of positionsOf(source) as Iterable<[number, number]>) {
    n += 1
    if (Math.abs(x) <= 180 && Math.abs(y) <= 90) continue
    const where = n === 1 ? '' : ` (position ${n})`
    if (Math.abs(x) >= METRES_MAGNITUDE && Math.abs(y) >= METRES_MAGNITUDE) {
      return issue(
        'wrong_crs',
        `${round(x)}, ${round(y)}${where} looks like metres, but ${system} is in degrees`,
      )
    }
    const [axis, value, limit] = Math.abs(x) > 180 ? ['longitude', x, 180] : ['latitude', y, 90]
    return issue(
      'wrong_crs',
      `${round(x)}, ${round(y)}${where}: ${axis} ${round(value)} is out of range for degrees (a ${axis} is from -${limit} to ${limit}), and ${system} is in degrees`,
    )
  }
  return issue('wrong_crs', `The coordinates are not degrees, but ${system} is in degrees`)
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

const round = (v: number) =>
  Math.abs(v) >= 1000 ? Math.round(v).toString() : Number(v.toFixed(5)).toString()

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
    else {
      duplicates.set(n, {
        code: 'duplicate_code_in_file',
        severity: 'error',
        field: 'code',
        detail: `Code ${key} is also used by feature ${first}`,
      })
    }
  }
  return duplicates
}

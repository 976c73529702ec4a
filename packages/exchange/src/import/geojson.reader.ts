// GeoJSON uploads: a FeatureCollection, one Feature or a bare geometry, parsed only after the text passed the depth
// scan and with prototype keys refused. An old-style `crs` member (GDAL writes one for EPSG:4544 files) is kept as
// the dataset's declared system text for guessCrs. Turning parsed Features into source features is shared with
// GeoJSON text sequences (geojson-seq.reader.ts).
import type { ImportIssue } from '@renewal-atlas/domain'
import { FileRejected } from '../errors.ts'
import type { SourceDataset, SourceFeature } from '../types.ts'
import { checkFeatureCount, checkSomethingReadable } from './dataset.ts'
import { readGeometry } from './geometry.ts'
import { guardJsonText, parseJsonSafely } from './json-scan.ts'
import { boundedValue, checkColumnNames, newPropertyBag } from './property-bag.ts'

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
])

type JsonObject = Record<string, unknown>
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function readGeoJson(text: string, what: string): Omit<SourceDataset, 'encoding'> {
  const root = parseJsonSafely(guardJsonText(text))
  const rawFeatures = featuresOf(root, what)
  checkFeatureCount(rawFeatures.length, what)
  return {
    format: 'geojson',
    ...readFeatureObjects(rawFeatures, (i) => `features[${i}] of ${what}`, what),
    prj: declaredCrs(root),
    geometryColumns: { lon: null, lat: null, wkt: null },
  }
}

/**
 * Parsed GeoJSON Features → source features and their columns in first-seen order, for a FeatureCollection and a
 * GeoJSON text sequence alike. `nameOf(i)` names the i-th (0-based) in a reason; anything but a Feature refuses the
 * whole file, as does a file of which no geometry could be read.
 */
export function readFeatureObjects(
  rawFeatures: readonly unknown[],
  nameOf: (i: number) => string,
  what: string,
): Pick<SourceDataset, 'columns' | 'features'> {
  const columns: string[] = []
  const known = new Set<string>()
  const features = rawFeatures.map((raw, i): SourceFeature => {
    if (!isObject(raw) || raw.type !== 'Feature') {
      throw new FileRejected('geojson_invalid', `${nameOf(i)} is not a GeoJSON Feature`)
    }
    const issues: ImportIssue[] = []
    const properties = readProperties(raw.properties, nameOf(i), issues)
    for (const key of Object.keys(properties)) {
      if (known.has(key)) continue
      known.add(key)
      columns.push(key)
    }
    const { geometry, issue } = readGeometry(raw.geometry)
    if (issue) issues.push(issue)
    return { n: i + 1, geometry, properties, issues }
  })
  checkColumnNames(columns, 'geojson_invalid', `The features of ${what}`)
  checkSomethingReadable(features, what)
  return { columns, features }
}

/** Whether a parsed value is a bare GeoJSON geometry (which a file may hold instead of a Feature). */
export const isGeometryObject = (value: unknown): boolean =>
  isObject(value) && typeof value.type === 'string' && GEOMETRY_TYPES.has(value.type)

function featuresOf(root: unknown, what: string): unknown[] {
  if (isObject(root)) {
    if (root.type === 'FeatureCollection') {
      if (!Array.isArray(root.features)) {
        throw new FileRejected('geojson_invalid', `${what} is a FeatureCollection without a features array`)
      }
      return root.features
    }
    if (root.type === 'Feature') return [root]
    if (isGeometryObject(root)) return [{ type: 'Feature', properties: null, geometry: root }]
  }
  const found = isObject(root)
    ? `an object with ${typeof root.type === 'string' ? `type "${root.type.slice(0, 40)}"` : 'no GeoJSON type'}`
    : Array.isArray(root)
      ? 'an array'
      : `a ${typeof root}`
  throw new FileRejected(
    'geojson_invalid',
    `${what} is JSON but not GeoJSON: expected a FeatureCollection, a Feature or a geometry, found ${found}`,
  )
}

function readProperties(value: unknown, name: string, issues: ImportIssue[]): Record<string, unknown> {
  const bag = newPropertyBag()
  if (value === null || value === undefined) return bag
  if (!isObject(value)) {
    throw new FileRejected('geojson_invalid', `The properties of ${name} are not an object`)
  }
  const keys = Object.keys(value)
  checkColumnNames(keys, 'geojson_invalid', name)
  for (const key of keys) {
    const raw = value[key]
    const flat = raw !== null && typeof raw === 'object' ? JSON.stringify(raw) : raw
    bag[key] = boundedValue(flat, key, issues)
  }
  return bag
}

/** The `crs` member of GeoJSON 2008 (`{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4544"}}`). */
function declaredCrs(root: unknown): string | null {
  if (!isObject(root) || !isObject(root.crs) || !isObject(root.crs.properties)) return null
  const { name, code } = root.crs.properties
  if (typeof name === 'string') return name.slice(0, 200)
  if (typeof code === 'number' || typeof code === 'string') return `EPSG:${code}`
  return null
}

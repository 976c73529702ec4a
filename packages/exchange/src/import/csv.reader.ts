// CSV uploads (Excel, QGIS, our own exports): the delimiter (, ; or tab) found from the header line, geometry from
// lon/lat columns or a WKT column (by name, or as the import options say), every column kept as a raw string.
// Rows whose coordinates cannot be read keep their place in the report with the reason. The apostrophe that
// guards formula-like text against spreadsheets is taken off again.
import {
  IMPORT_LIMITS,
  type ImportIssue,
  issueOf,
  ReasonCoordinateCellEmpty,
  ReasonCoordinateCellInfinite,
  ReasonCoordinateCellNotNumber,
  ReasonWktUnreadable,
  unguardFormula,
} from '@renewal-atlas/domain'
import { wktToGeoJSON } from '@terraformer/wkt'
import { CsvError, parse } from 'csv-parse/sync'
import { FileRejected } from '../errors.ts'
import type { SourceDataset, SourceFeature } from '../types.ts'
import { checkFeatureCount, checkSomethingReadable } from './dataset.ts'
import { type GeometryRead, readGeometry, tooManyVertices } from './geometry.ts'
import { boundedValue, checkColumnNames, newPropertyBag } from './property-bag.ts'

export interface CsvColumnsOption {
  lonColumn?: string | undefined
  latColumn?: string | undefined
  wktColumn?: string | undefined
}

/** Column names recognised as geometry, lower-case (经度/纬度 are longitude/latitude). */
const GEOMETRY_COLUMN_NAMES = {
  lon: ['lon', 'lng', 'long', 'longitude', 'x', 'xcoord', 'point_x', '经度', '东经'],
  lat: ['lat', 'latitude', 'y', 'ycoord', 'point_y', '纬度', '北纬'],
  wkt: ['wkt', 'wkt_geom', 'geometry', 'geom', 'the_geom', '几何'],
} as const

const DELIMITERS = [',', ';', '\t'] as const

export function readCsv(
  text: string,
  what: string,
  options: CsvColumnsOption = {},
): Omit<SourceDataset, 'encoding'> {
  const rows = parseRows(text, what)
  const header = (rows[0] ?? []).map((name) => name.trim())
  checkColumnNames(header, 'csv_invalid', what)
  const body = rows.slice(1)
  checkFeatureCount(body.length, what)
  const geometryColumns = findGeometryColumns(header, options, what)
  const index = (column: string | null) => (column === null ? -1 : header.indexOf(column))
  const lon = index(geometryColumns.lon)
  const lat = index(geometryColumns.lat)
  const wkt = index(geometryColumns.wkt)
  const srids = new Set<string>()
  const features = body.map((row, i): SourceFeature => {
    if (row.length > header.length && row.slice(header.length).some((cell) => cell.trim() !== '')) {
      throw new FileRejected(
        'csv_invalid',
        `Row ${i + 2} of ${what} has ${row.length} cells but the header has ${header.length} columns`,
      )
    }
    const issues: ImportIssue[] = []
    const properties = newPropertyBag()
    for (const [c, column] of header.entries()) {
      const cell = row[c] ?? ''
      properties[column] = c === wkt ? cell : boundedValue(unguardFormula(cell), column, issues)
    }
    const read =
      wkt >= 0
        ? readWktCell(row[wkt] ?? '', srids)
        : readLonLat(row[lon] ?? '', row[lat] ?? '', header[lon] as string, header[lat] as string)
    if (read.issue) issues.push(read.issue)
    return { n: i + 1, geometry: read.geometry, properties, issues }
  })
  checkSomethingReadable(features, what)
  const [srid] = srids
  return {
    format: 'csv',
    columns: header,
    features,
    prj: srids.size === 1 ? `EPSG:${srid}` : null,
    geometryColumns,
  }
}

function parseRows(text: string, what: string): string[][] {
  try {
    return parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      // One record past the limit is enough to refuse the file.
      to: IMPORT_LIMITS.maxFeatures + 2,
    })
  } catch (error) {
    if (error instanceof CsvError)
      throw new FileRejected('csv_invalid', `${what} is not valid CSV: ${error.message}`)
    throw error
  }
}

/** The delimiter that occurs most often (outside quotes) in the header line; a comma when none does. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]))
  let quoted = false
  for (const char of text.slice(0, 64 * 1024)) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1)
  }
  let best = ','
  for (const [delimiter, count] of counts) if (count > (counts.get(best) as number)) best = delimiter
  return best
}

function findGeometryColumns(
  header: readonly string[],
  options: CsvColumnsOption,
  what: string,
): SourceDataset['geometryColumns'] {
  const given = (column: string | undefined, option: string) => {
    if (column === undefined) return undefined
    if (!header.includes(column)) {
      throw new FileRejected(
        'csv_invalid',
        `${option} "${column}" is not a column of ${what} (columns: ${header.join(', ')})`,
      )
    }
    return column
  }
  const byName = (names: readonly string[]) => header.find((h) => names.includes(h.toLowerCase())) ?? null
  const wktGiven = given(options.wktColumn, 'wktColumn')
  const lonGiven = given(options.lonColumn, 'lonColumn')
  const latGiven = given(options.latColumn, 'latColumn')
  if (wktGiven) return { lon: null, lat: null, wkt: wktGiven }
  if (lonGiven || latGiven) {
    const lon = lonGiven ?? byName(GEOMETRY_COLUMN_NAMES.lon)
    const lat = latGiven ?? byName(GEOMETRY_COLUMN_NAMES.lat)
    if (lon && lat) return { lon, lat, wkt: null }
  } else {
    const wkt = byName(GEOMETRY_COLUMN_NAMES.wkt)
    if (wkt) return { lon: null, lat: null, wkt }
    const lon = byName(GEOMETRY_COLUMN_NAMES.lon)
    const lat = byName(GEOMETRY_COLUMN_NAMES.lat)
    if (lon && lat) return { lon, lat, wkt: null }
  }
  throw new FileRejected(
    'csv_invalid',
    `${what} has no coordinate columns (columns: ${header.join(', ')}): name them lon and lat (经度, 纬度) or wkt, or choose them in the import options`,
  )
}

const SRID_PREFIX = /^\s*SRID=(\d{1,6});/i

function readWktCell(cell: string, srids: Set<string>): GeometryRead {
  let text = cell.trim()
  if (text === '') return { geometry: null, issue: null }
  const srid = SRID_PREFIX.exec(text)
  if (srid) {
    srids.add(srid[1] as string)
    text = text.slice(srid[0].length)
  }
  // Every vertex but the first follows a comma: count before parsing.
  let commas = 0
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) commas++
  if (commas + 1 > IMPORT_LIMITS.maxVerticesPerFeature) return tooManyVertices(commas + 1)
  let parsed: unknown
  try {
    parsed = wktToGeoJSON(text)
  } catch (error) {
    return {
      geometry: null,
      issue: issueOf(ReasonWktUnreadable, { value: text.slice(0, 40) }, { detail: firstLine(error) }),
    }
  }
  return readGeometry(parsed)
}

function readLonLat(lonCell: string, latCell: string, lonColumn: string, latColumn: string): GeometryRead {
  const lon = lonCell.trim()
  const lat = latCell.trim()
  if (lon === '' && lat === '') return { geometry: null, issue: null }
  for (const [value, column] of [
    [lon, lonColumn],
    [lat, latColumn],
  ] as const) {
    if (value === '' || !Number.isFinite(Number(value))) {
      const written = { field: column, value: value.slice(0, 40) }
      return {
        geometry: null,
        issue:
          value === ''
            ? issueOf(ReasonCoordinateCellEmpty, { field: column })
            : Math.abs(Number(value)) === Number.POSITIVE_INFINITY
              ? issueOf(ReasonCoordinateCellInfinite, written)
              : issueOf(ReasonCoordinateCellNotNumber, written),
      }
    }
  }
  return { geometry: { type: 'Point', coordinates: [Number(lon), Number(lat)] }, issue: null }
}

const firstLine = (error: unknown) =>
  String((error as Error).message ?? error)
    .split('\n')[0]
    ?.slice(0, 200) ?? ''

// Why a feature of an upload cannot be imported (or should be looked at), and why its coordinate system was taken to
// be what it is, as data: a reason code (one exported constant each, which the tests assert exactly), named
// parameters (the field, the value as written, the range, the position, the detected system…), the source's own
// words where only the source can say it (PostGIS's ST_IsValidReason, a WKT parser's message) and the place it
// names. The sentences people read are made from these in import-reason.words.ts, in Chinese and English.
import { z } from 'zod'
import { labelledEnum } from '../labels.ts'
import type { SourceCrs } from './import.schema.ts'

/** The kind of a feature's issue: what the report counts and the wizard's summary names. */
export const importIssueCode = labelledEnum({
  invalid_geometry: { zh: '几何无效', en: 'Invalid geometry' },
  missing_geometry: { zh: '缺少几何', en: 'No geometry' },
  wrong_geometry_type: { zh: '几何类型不符', en: 'Wrong geometry type' },
  too_many_vertices: { zh: '顶点过多', en: 'Too many vertices' },
  outside_district: { zh: '位于辖区外', en: 'Outside the district' },
  partly_outside_district: { zh: '部分位于辖区外', en: 'Partly outside the district' },
  outside_user_streets: { zh: '超出本人负责的街道', en: 'Outside your streets' },
  swapped_coordinates: { zh: '经纬度疑似颠倒', en: 'Longitude and latitude look swapped' },
  wrong_crs: { zh: '坐标系疑似不符', en: 'Coordinates look like another system' },
  missing_attribute: { zh: '缺少必填属性', en: 'Required attribute missing' },
  invalid_value: { zh: '属性值无效', en: 'Invalid attribute value' },
  out_of_range: { zh: '属性值超出范围', en: 'Attribute out of range' },
  duplicate_code_in_file: { zh: '文件内编码重复', en: 'Code repeated in the file' },
  duplicate_code_existing: { zh: '编码已存在', en: 'Code already exists' },
  no_parent: { zh: '找不到所属社区/小区', en: 'No community/compound found for it' },
  overlaps_existing_building: { zh: '与已有楼栋重叠', en: 'Overlaps an existing building' },
})
export type ImportIssueCode = z.infer<typeof importIssueCode.schema>

// ---- reasons of a feature's issue -------------------------------------------------------------------------------

// Reading a geometry from the file.
/** The geometry member is not an object: `found`, `value` say what it is. */
export const ReasonGeometryNotObject = 'geometry_not_object' as const
/** A GeometryCollection, which no target takes. */
export const ReasonGeometryCollection = 'geometry_collection' as const
/** `value`: the type as written, which GeoJSON does not know. */
export const ReasonUnknownGeometryType = 'unknown_geometry_type' as const
/** `vertices` over `limit`. */
export const ReasonTooManyVertices = 'too_many_vertices' as const
/** A Shapefile polygon of `rings` rings, over `limit`. */
export const ReasonTooManyRings = 'too_many_rings' as const
/** The coordinates (or a part of them) are not an array of `items`. */
export const ReasonCoordinatesNotArray = 'coordinates_not_array' as const
/** An array of `items` with none in it. */
export const ReasonNoParts = 'no_parts' as const
/** Position `vertex` (or the one position of a point) is not [x, y]. */
export const ReasonPositionNotPair = 'position_not_pair' as const
/** `axis` of position `vertex` is not a number. */
export const ReasonCoordinateNotNumber = 'coordinate_not_number' as const
/** `axis` of position `vertex` is NaN. */
export const ReasonCoordinateNaN = 'coordinate_nan' as const
/** `axis` of position `vertex` is infinite: a number such as 1e999, too large for a double. */
export const ReasonCoordinateInfinite = 'coordinate_infinite' as const
/** A line of fewer than two positions. */
export const ReasonLineTooShort = 'line_too_short' as const
/** Ring `ring` has `positions` positions, fewer than four. */
export const ReasonRingTooShort = 'ring_too_short' as const
/** Ring `ring`'s first and last positions differ. */
export const ReasonRingNotClosed = 'ring_not_closed' as const

// Reading a CSV row's coordinates.
/** The WKT cell (`value`, its start) cannot be read; the parser's words are the detail. */
export const ReasonWktUnreadable = 'wkt_unreadable' as const
/** The coordinate cell of `field` (a column) is empty while the other is not. */
export const ReasonCoordinateCellEmpty = 'coordinate_cell_empty' as const
/** The coordinate cell of `field` holds `value`, too large for any system (it overflows to infinity). */
export const ReasonCoordinateCellInfinite = 'coordinate_cell_infinite' as const
/** The coordinate cell of `field` holds `value`, not a number. */
export const ReasonCoordinateCellNotNumber = 'coordinate_cell_not_number' as const

// Attribute values.
/** `field` is required and no column is mapped to it. */
export const ReasonRequiredNotMapped = 'required_not_mapped' as const
/** `field` is required and its `column` is empty. */
export const ReasonRequiredEmpty = 'required_empty' as const
/** `value` of `field` is none of its codes (`allowed`) or their words. */
export const ReasonNotACode = 'not_a_code' as const
/** `value` of `field` is not a number. */
export const ReasonNotANumber = 'not_a_number' as const
/** `value` of `field` is not a whole number. */
export const ReasonNotWholeNumber = 'not_whole_number' as const
/** `value` of `field` lies outside `min`–`max` (in `unit`, when the field has one). */
export const ReasonOutsideRange = 'outside_range' as const
/** `value` of `field` is not a yes or a no. */
export const ReasonNotYesNo = 'not_yes_no' as const
/** A completed renovation without its year. */
export const ReasonRenovationYearMissing = 'renovation_year_missing' as const
/** A renovation `year` given while the status is `status` (null: not given), not completed. */
export const ReasonRenovationYearNotCompleted = 'renovation_year_not_completed' as const
/** `field` (a column) holds `length` characters, over `limit`; the value is cut. */
export const ReasonValueTooLong = 'value_too_long' as const
/** `field` holds a NUL character, which the database cannot store. */
export const ReasonNulCharacter = 'nul_character' as const

// The geometry against the target and the declared system.
export const ReasonNoGeometry = 'no_geometry' as const
/** A `geometryType` where `target` takes points. */
export const ReasonNotAPoint = 'not_a_point' as const
/** A `geometryType` where `target` takes polygons. */
export const ReasonNotAPolygon = 'not_a_polygon' as const
/** A MultiPolygon of `parts` parts where `target` takes single polygons. */
export const ReasonMultiPolygonParts = 'multipolygon_parts' as const
/** `position` reads as northing then easting in the metre system `crs`. */
export const ReasonNorthingFirst = 'northing_first' as const
/** `position` reads as latitude then longitude. */
export const ReasonLatitudeFirst = 'latitude_first' as const
/** `position` looks like degrees, but `crs` is in metres. */
export const ReasonDegreesInMetreSystem = 'degrees_in_metre_system' as const
/** Eastings like `easting` lack the zone prefix 35 that EPSG:4523 writes: the data looks like EPSG:4544. */
export const ReasonEastingWithoutZone = 'easting_without_zone' as const
/** Eastings like `easting` carry the zone prefix 35: the data looks like EPSG:4523, not EPSG:4544. */
export const ReasonEastingWithZone = 'easting_with_zone' as const
/** The coordinates cannot be converted from `crs` to WGS84 (the converter's words, when it gave any, are the detail). */
export const ReasonNotConvertible = 'not_convertible' as const
/** Converted to WGS84 the feature lies at `position`, far from Sichuan. */
export const ReasonFarFromSichuan = 'far_from_sichuan' as const
/** `position` (vertex `vertex`) looks like metres, but `crs` is in degrees. */
export const ReasonMetresInDegreeSystem = 'metres_in_degree_system' as const
/** At `position` (vertex `vertex`), the `axis` is `value`, beyond ±`limit` degrees, and `crs` is in degrees. */
export const ReasonDegreesOutOfRange = 'degrees_out_of_range' as const
/** The coordinates are not degrees, but `crs` is in degrees. */
export const ReasonNotDegrees = 'not_degrees' as const
/** The code `value` is used by feature `firstFeature` of the file already. */
export const ReasonCodeRepeated = 'code_repeated' as const

// What the database found.
/** PostGIS finds the geometry invalid: its words are the detail, the place they name the location. */
export const ReasonPostgisInvalid = 'postgis_invalid' as const
/** The geometry is empty. */
export const ReasonEmptyGeometry = 'empty_geometry' as const
/** PostGIS cannot read the geometry at all; its message is the detail. */
export const ReasonPostgisUnreadable = 'postgis_unreadable' as const
export const ReasonOutsideDistrict = 'outside_district' as const
export const ReasonPartlyOutsideDistrict = 'partly_outside_district' as const
/** A `target` record with the code `value` exists (for compounds, deleted ones included). */
export const ReasonCodeTaken = 'code_taken' as const
/** No parent record (community or compound, by `target`) has the code `value` given in `field`. */
export const ReasonParentCodeUnknown = 'parent_code_unknown' as const
/** No parent record holds the feature's point on surface: give `field`. */
export const ReasonNoParentAtLocation = 'no_parent_at_location' as const
/** The feature (or its parent) lies outside the streets assigned to the planner. */
export const ReasonOutsideUserStreets = 'outside_user_streets' as const
/** The building overlaps the existing building `existingCode` of its compound by `overlapM2` m², `share` % of it. */
export const ReasonOverlapsBuilding = 'overlaps_building' as const

// ---- reasons of the detected coordinate system ------------------------------------------------------------------

/** What declared the system: a Shapefile's .prj, a GeoJSON crs member, the SRID of EWKT cells. */
export type CrsSource = 'prj' | 'geojson_crs' | 'wkt_srid'

/** `source` names `crs`. */
export const ReasonCrsDeclared = 'crs_declared' as const
/** `source` names a system that is not converted (a datum, projection, central meridian… or an EPSG code). */
export const ReasonCrsDeclaredUnsupported = 'crs_declared_unsupported' as const
/** No coordinates to go by. */
export const ReasonCrsNoCoordinates = 'crs_no_coordinates' as const
/** Longitudes `x` and latitudes `y` (min, max) are degrees in China: WGS84 assumed (GCJ-02 and BD-09 look the same). */
export const ReasonCrsDegrees = 'crs_degrees' as const
/** Values `x` / `y` look like latitude then longitude. */
export const ReasonCrsDegreesSwapped = 'crs_degrees_swapped' as const
/** Eastings `x` and northings `y` (metres) look like EPSG:4544. */
export const ReasonCrsGaussKruger = 'crs_gauss_kruger' as const
/** Values `x` / `y` look like northing then easting in EPSG:4544. */
export const ReasonCrsGaussKrugerSwapped = 'crs_gauss_kruger_swapped' as const
/** Eastings `x` with the zone prefix 35 and northings `y` look like EPSG:4523. */
export const ReasonCrsGaussKrugerZoned = 'crs_gauss_kruger_zoned' as const
/** Values `x` / `y` look like northing then zoned easting in EPSG:4523. */
export const ReasonCrsGaussKrugerZonedSwapped = 'crs_gauss_kruger_zoned_swapped' as const
/** Values `x` / `y` match no system known around Chengdu. */
export const ReasonCrsUnknownRange = 'crs_unknown_range' as const
/** An upload analysed before reasons were data: its English sentence, as recorded, is the detail. */
export const ReasonCrsRecordedText = 'crs_recorded_text' as const

// ---- parameters ---------------------------------------------------------------------------------------------------

/** A pair of numbers: a position [x, y] in the file's system, or a range [min, max]. */
export type Pair = [number, number]
/** What a value that should have been something else is: its kind, and the value as written (text, true/false). */
export interface Found {
  found: 'missing' | 'null' | 'boolean' | 'array' | 'text' | 'number' | 'object'
  value?: string
  /** Arrays: how many items. */
  length?: number
}
type GeometryTypeName = 'Point' | 'MultiPoint' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon'
type Items = 'points' | 'lines' | 'positions' | 'rings' | 'polygons'
type Target = 'compounds' | 'buildings' | 'facilities'
/** The unit of a field with a range, as the layer registry names it (UNITS). */
export type RangeUnit = 'm' | 'm2' | 'year'
/** What PostGIS (GEOS) said was wrong, when we know its words. */
export type GeosProblem = (typeof GEOS_PROBLEMS)[keyof typeof GEOS_PROBLEMS]
/** Where the range reasons came from when a declaration was there but not recognised. */
interface Ranges {
  x: Pair
  y: Pair
  /** When the positions that decided are not all of those sampled: how many decided, of how many. */
  decided?: Pair
  unrecognised?: CrsSource
}

/** The parameters of each reason. */
export interface ImportReasonParams {
  [ReasonGeometryNotObject]: Found
  [ReasonGeometryCollection]: Record<string, never>
  [ReasonUnknownGeometryType]: { value?: string }
  [ReasonTooManyVertices]: { vertices: number; limit: number }
  [ReasonTooManyRings]: { rings: number; limit: number }
  [ReasonCoordinatesNotArray]: { geometryType: GeometryTypeName; items: Items } & Found
  [ReasonNoParts]: { geometryType: GeometryTypeName; items: Items }
  [ReasonPositionNotPair]: { geometryType: GeometryTypeName; vertex?: number } & Found
  [ReasonCoordinateNotNumber]: { geometryType: GeometryTypeName; vertex?: number; axis: 'x' | 'y' } & Found
  [ReasonCoordinateNaN]: { geometryType: GeometryTypeName; vertex?: number; axis: 'x' | 'y' }
  [ReasonCoordinateInfinite]: {
    geometryType: GeometryTypeName
    vertex?: number
    axis: 'x' | 'y'
    negative: boolean
  }
  [ReasonLineTooShort]: { geometryType: GeometryTypeName }
  [ReasonRingTooShort]: { geometryType: GeometryTypeName; ring: number; positions: number }
  [ReasonRingNotClosed]: { geometryType: GeometryTypeName; ring: number }
  [ReasonWktUnreadable]: { value: string }
  [ReasonCoordinateCellEmpty]: { field: string }
  [ReasonCoordinateCellInfinite]: { field: string; value: string }
  [ReasonCoordinateCellNotNumber]: { field: string; value: string }
  [ReasonRequiredNotMapped]: { field: string }
  [ReasonRequiredEmpty]: { field: string; column: string }
  [ReasonNotACode]: { field: string; value: string; allowed: string[] }
  [ReasonNotANumber]: { field: string; value: string }
  [ReasonNotWholeNumber]: { field: string; value: string }
  [ReasonOutsideRange]: { field: string; value: number; min: number; max: number; unit?: RangeUnit }
  [ReasonNotYesNo]: { field: string; value: string }
  [ReasonRenovationYearMissing]: { field: string }
  [ReasonRenovationYearNotCompleted]: { field: string; year: number; status: string | null }
  [ReasonValueTooLong]: { field: string; length: number; limit: number }
  [ReasonNulCharacter]: { field: string }
  [ReasonNoGeometry]: Record<string, never>
  [ReasonNotAPoint]: { geometryType: string; target: Target }
  [ReasonNotAPolygon]: { geometryType: string; target: Target }
  [ReasonMultiPolygonParts]: { parts: number; target: Target }
  [ReasonNorthingFirst]: { position: Pair; crs: SourceCrs }
  [ReasonLatitudeFirst]: { position: Pair }
  [ReasonDegreesInMetreSystem]: { position: Pair; crs: SourceCrs }
  [ReasonEastingWithoutZone]: { easting: number }
  [ReasonEastingWithZone]: { easting: number }
  [ReasonNotConvertible]: { crs: SourceCrs }
  [ReasonFarFromSichuan]: { position: Pair }
  [ReasonMetresInDegreeSystem]: { position: Pair; vertex?: number; crs: SourceCrs }
  [ReasonDegreesOutOfRange]: {
    position: Pair
    vertex?: number
    axis: 'longitude' | 'latitude'
    value: number
    limit: number
    crs: SourceCrs
  }
  [ReasonNotDegrees]: { crs: SourceCrs }
  [ReasonCodeRepeated]: { field: string; value: string; firstFeature: number }
  [ReasonPostgisInvalid]: { problem?: GeosProblem }
  [ReasonEmptyGeometry]: Record<string, never>
  [ReasonPostgisUnreadable]: Record<string, never>
  [ReasonOutsideDistrict]: Record<string, never>
  [ReasonPartlyOutsideDistrict]: Record<string, never>
  [ReasonCodeTaken]: { field: string; value: string; target: Target }
  [ReasonParentCodeUnknown]: { field: string; value: string; target: Target }
  [ReasonNoParentAtLocation]: { field: string; target: Target }
  [ReasonOutsideUserStreets]: { target: Target }
  [ReasonOverlapsBuilding]: { existingCode: string; overlapM2: number; share: number }
  [ReasonCrsDeclared]: { source: CrsSource; crs: SourceCrs }
  [ReasonCrsDeclaredUnsupported]: {
    source: CrsSource
    /** An EPSG code we do not convert, when that is all the declaration says. */
    epsg?: string
    datum?: 'CGCS2000' | 'Xian 1980' | 'Beijing 1954' | 'WGS84' | null
    projection?: 'transverse_mercator' | 'other' | 'geographic'
    centralMeridian?: number
    falseEasting?: number
  }
  [ReasonCrsNoCoordinates]: { unrecognised?: CrsSource }
  [ReasonCrsDegrees]: Ranges & { crs: '4326' }
  [ReasonCrsDegreesSwapped]: Ranges & { crs: '4326' }
  [ReasonCrsGaussKruger]: Ranges & { crs: '4544' }
  [ReasonCrsGaussKrugerSwapped]: Ranges & { crs: '4544' }
  [ReasonCrsGaussKrugerZoned]: Ranges & { crs: '4523' }
  [ReasonCrsGaussKrugerZonedSwapped]: Ranges & { crs: '4523' }
  [ReasonCrsUnknownRange]: Ranges
  [ReasonCrsRecordedText]: Record<string, never>
}

export type ImportReason = keyof ImportReasonParams

/** The kind and severity of every feature reason: the reason decides them, so they never disagree. */
const ISSUE_REASONS = {
  [ReasonGeometryNotObject]: ['invalid_geometry', 'error'],
  [ReasonGeometryCollection]: ['wrong_geometry_type', 'error'],
  [ReasonUnknownGeometryType]: ['invalid_geometry', 'error'],
  [ReasonTooManyVertices]: ['too_many_vertices', 'error'],
  [ReasonTooManyRings]: ['invalid_geometry', 'error'],
  [ReasonCoordinatesNotArray]: ['invalid_geometry', 'error'],
  [ReasonNoParts]: ['invalid_geometry', 'error'],
  [ReasonPositionNotPair]: ['invalid_geometry', 'error'],
  [ReasonCoordinateNotNumber]: ['invalid_geometry', 'error'],
  [ReasonCoordinateNaN]: ['invalid_geometry', 'error'],
  [ReasonCoordinateInfinite]: ['invalid_geometry', 'error'],
  [ReasonLineTooShort]: ['invalid_geometry', 'error'],
  [ReasonRingTooShort]: ['invalid_geometry', 'error'],
  [ReasonRingNotClosed]: ['invalid_geometry', 'error'],
  [ReasonWktUnreadable]: ['invalid_geometry', 'error'],
  [ReasonCoordinateCellEmpty]: ['invalid_geometry', 'error'],
  [ReasonCoordinateCellInfinite]: ['invalid_geometry', 'error'],
  [ReasonCoordinateCellNotNumber]: ['invalid_geometry', 'error'],
  [ReasonRequiredNotMapped]: ['missing_attribute', 'error'],
  [ReasonRequiredEmpty]: ['missing_attribute', 'error'],
  [ReasonNotACode]: ['invalid_value', 'error'],
  [ReasonNotANumber]: ['invalid_value', 'error'],
  [ReasonNotWholeNumber]: ['invalid_value', 'error'],
  [ReasonOutsideRange]: ['out_of_range', 'error'],
  [ReasonNotYesNo]: ['invalid_value', 'error'],
  [ReasonRenovationYearMissing]: ['invalid_value', 'error'],
  [ReasonRenovationYearNotCompleted]: ['invalid_value', 'error'],
  [ReasonValueTooLong]: ['invalid_value', 'error'],
  [ReasonNulCharacter]: ['invalid_value', 'error'],
  [ReasonNoGeometry]: ['missing_geometry', 'error'],
  [ReasonNotAPoint]: ['wrong_geometry_type', 'error'],
  [ReasonNotAPolygon]: ['wrong_geometry_type', 'error'],
  [ReasonMultiPolygonParts]: ['wrong_geometry_type', 'error'],
  [ReasonNorthingFirst]: ['swapped_coordinates', 'error'],
  [ReasonLatitudeFirst]: ['swapped_coordinates', 'error'],
  [ReasonDegreesInMetreSystem]: ['wrong_crs', 'error'],
  [ReasonEastingWithoutZone]: ['wrong_crs', 'error'],
  [ReasonEastingWithZone]: ['wrong_crs', 'error'],
  [ReasonNotConvertible]: ['invalid_geometry', 'error'],
  [ReasonFarFromSichuan]: ['wrong_crs', 'warning'],
  [ReasonMetresInDegreeSystem]: ['wrong_crs', 'error'],
  [ReasonDegreesOutOfRange]: ['wrong_crs', 'error'],
  [ReasonNotDegrees]: ['wrong_crs', 'error'],
  [ReasonCodeRepeated]: ['duplicate_code_in_file', 'error'],
  [ReasonPostgisInvalid]: ['invalid_geometry', 'error'],
  [ReasonEmptyGeometry]: ['invalid_geometry', 'error'],
  [ReasonPostgisUnreadable]: ['invalid_geometry', 'error'],
  [ReasonOutsideDistrict]: ['outside_district', 'error'],
  [ReasonPartlyOutsideDistrict]: ['partly_outside_district', 'warning'],
  [ReasonCodeTaken]: ['duplicate_code_existing', 'error'],
  [ReasonParentCodeUnknown]: ['no_parent', 'error'],
  [ReasonNoParentAtLocation]: ['no_parent', 'error'],
  [ReasonOutsideUserStreets]: ['outside_user_streets', 'error'],
  [ReasonOverlapsBuilding]: ['overlaps_existing_building', 'warning'],
} as const satisfies Record<string, readonly [ImportIssueCode, 'error' | 'warning']>

export type IssueReason = keyof typeof ISSUE_REASONS
export type CrsReason = Exclude<ImportReason, IssueReason>

const CRS_REASONS = [
  ReasonCrsDeclared,
  ReasonCrsDeclaredUnsupported,
  ReasonCrsNoCoordinates,
  ReasonCrsDegrees,
  ReasonCrsDegreesSwapped,
  ReasonCrsGaussKruger,
  ReasonCrsGaussKrugerSwapped,
  ReasonCrsGaussKrugerZoned,
  ReasonCrsGaussKrugerZonedSwapped,
  ReasonCrsUnknownRange,
  ReasonCrsRecordedText,
] as const satisfies readonly CrsReason[]

/** Every reason code, features' first. */
export const IMPORT_REASONS = [
  ...(Object.keys(ISSUE_REASONS) as IssueReason[]),
  ...CRS_REASONS,
] as readonly ImportReason[]

/**
 * The words GEOS (through PostGIS's ST_IsValidReason / ST_IsValidDetail) uses for what is wrong, and our code for
 * each, so the wizard can say it in Chinese; the words themselves stay as the detail.
 */
const GEOS_PROBLEMS = {
  'self-intersection': 'self_intersection',
  'ring self-intersection': 'ring_self_intersection',
  'too few points in geometry component': 'too_few_points',
  'too few distinct points in geometry component': 'too_few_points',
  'hole lies outside shell': 'hole_outside_shell',
  'holes are nested': 'nested_holes',
  'interior is disconnected': 'interior_disconnected',
  'nested shells': 'nested_shells',
  'duplicate rings': 'duplicate_rings',
  'invalid coordinate': 'invalid_coordinate',
  'ring is not closed': 'ring_not_closed',
  'repeated point': 'repeated_point',
} as const

/** Our code for PostGIS's words (the reason before any "[x y]"), when we know them. */
export function geosProblemOf(reason: string): GeosProblem | undefined {
  const words = reason
    .replace(/\[[^\]]*\]\s*$/, '')
    .trim()
    .toLowerCase()
  return Object.hasOwn(GEOS_PROBLEMS, words) ? GEOS_PROBLEMS[words as keyof typeof GEOS_PROBLEMS] : undefined
}

// ---- the shapes on the wire ---------------------------------------------------------------------------------------

/** A parameter's value: text as written, a number, a flag, a pair (position, range) or a list of codes. */
const reasonParam = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number()])),
])

/** A reason as data. */
export const importReasonData = z.object({
  reason: z.enum(IMPORT_REASONS as [ImportReason, ...ImportReason[]]).meta({
    description: 'the reason code; the sentence is made from it and the params, in Chinese or English',
  }),
  params: z.record(z.string(), reasonParam).meta({
    description: 'named parameters: field, value (as written), min/max, unit, position [x, y], crs…',
  }),
  /** What only the source can say, in its own words: PostGIS's "Self-intersection", a WKT parser's message. */
  detail: z.string().optional(),
  /** The place the detail names, WGS84 [lon, lat] (e.g. where the edges cross). */
  location: z.tuple([z.number(), z.number()]).optional(),
})
export type ImportReasonData = z.infer<typeof importReasonData>

export const importIssue = importReasonData.extend({
  code: importIssueCode.schema,
  severity: z.enum(['error', 'warning']),
  /** Target field (after mapping) or source column the issue is about; absent for geometry issues. */
  field: z.string().optional(),
})
export type ImportIssue = z.infer<typeof importIssue>

/** The source's words and the place they name, beside a reason's parameters. */
export interface ReasonExtra {
  detail?: string
  location?: [number, number]
}

/** An issue for `reason`: its kind and severity from the reason, its field from the `field` parameter. */
export function issueOf<R extends IssueReason>(
  reason: R,
  params: ImportReasonParams[R],
  extra: ReasonExtra = {},
): ImportIssue {
  const [code, severity] = ISSUE_REASONS[reason]
  const field = (params as { field?: unknown }).field
  return {
    code,
    severity,
    ...(typeof field === 'string' ? { field } : {}),
    reason,
    params: params as ImportIssue['params'],
    ...(extra.detail === undefined ? {} : { detail: extra.detail }),
    ...(extra.location === undefined ? {} : { location: extra.location }),
  }
}

/** The reason of a detected (or undetectable) coordinate system. */
export function crsReasonOf<R extends CrsReason>(reason: R, params: ImportReasonParams[R]): ImportReasonData {
  return { reason, params: params as ImportReasonData['params'] }
}

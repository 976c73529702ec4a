import { describe, expect, it } from 'vitest'
import {
  IMPORT_REASONS,
  type ImportReason,
  type ImportReasonParams,
  issueOf,
  ReasonCoordinateInfinite,
  ReasonCrsDegrees,
  ReasonDegreesOutOfRange,
  ReasonNotANumber,
  ReasonOutsideRange,
  ReasonOverlapsBuilding,
  ReasonPostgisInvalid,
} from './import-reason.ts'
import { importReasonEnglish, importReasonText } from './import-reason.words.ts'

/** Parameters for every reason, as the readers and checks give them (a reason without one is a type error). */
const SAMPLES: { [R in ImportReason]: ImportReasonParams[R] } = {
  geometry_not_object: { found: 'array', length: 2 },
  geometry_collection: {},
  unknown_geometry_type: { value: 'Circle' },
  too_many_vertices: { vertices: 120_000, limit: 100_000 },
  too_many_rings: { rings: 20_000, limit: 10_000 },
  coordinates_not_array: { geometryType: 'Polygon', items: 'rings', found: 'missing' },
  no_parts: { geometryType: 'MultiPolygon', items: 'polygons' },
  position_not_pair: { geometryType: 'LineString', vertex: 2, found: 'number' },
  coordinate_not_number: { geometryType: 'Point', axis: 'y', found: 'text', value: '三十' },
  coordinate_nan: { geometryType: 'Point', axis: 'x' },
  coordinate_infinite: { geometryType: 'Polygon', vertex: 2, axis: 'y', negative: true },
  line_too_short: { geometryType: 'LineString' },
  ring_too_short: { geometryType: 'Polygon', ring: 1, positions: 3 },
  ring_not_closed: { geometryType: 'Polygon', ring: 2 },
  wkt_unreadable: { value: '多边形((1 2' },
  coordinate_cell_empty: { field: '经度' },
  coordinate_cell_infinite: { field: '纬度', value: '-1e999' },
  coordinate_cell_not_number: { field: '经度', value: '东经104度' },
  required_not_mapped: { field: 'code' },
  required_empty: { field: 'code', column: '编码' },
  not_a_code: { field: 'structure', value: '别墅', allowed: ['brick_concrete', 'frame'] },
  not_a_number: { field: 'storeys', value: '六' },
  not_whole_number: { field: 'households', value: '12.5' },
  outside_range: { field: 'storeys', value: 300, min: 1, max: 200 },
  not_yes_no: { field: 'hasLift', value: '也许' },
  renovation_year_missing: { field: 'renovationYear' },
  renovation_year_not_completed: { field: 'renovationYear', year: 2021, status: 'planned' },
  value_too_long: { field: '备注', length: 12_000, limit: 10_000 },
  nul_character: { field: 'name' },
  no_geometry: {},
  not_a_point: { geometryType: 'Polygon', target: 'facilities' },
  not_a_polygon: { geometryType: 'Point', target: 'buildings' },
  multipolygon_parts: { parts: 2, target: 'buildings' },
  northing_first: { position: [3_391_000.4, 409_000.2], crs: '4544' },
  latitude_first: { position: [30.6612, 104.0612] },
  degrees_in_metre_system: { position: [104.0612, 30.6612], crs: '4544' },
  easting_without_zone: { easting: 409_000 },
  easting_with_zone: { easting: 35_409_000 },
  not_convertible: { crs: 'bd09' },
  far_from_sichuan: { position: [116.4, 39.9] },
  metres_in_degree_system: { position: [409_000, 3_391_000], vertex: 3, crs: 'gcj02' },
  degrees_out_of_range: {
    position: [200.5, 30.66],
    axis: 'longitude',
    value: 200.5,
    limit: 180,
    crs: '4326',
  },
  not_degrees: { crs: '4490' },
  code_repeated: { field: 'code', value: 'B1', firstFeature: 1 },
  postgis_invalid: { problem: 'self_intersection' },
  empty_geometry: {},
  postgis_unreadable: {},
  outside_district: {},
  partly_outside_district: {},
  code_taken: { field: 'code', value: 'C510104030004-007', target: 'compounds' },
  parent_code_unknown: { field: 'compoundCode', value: 'C-999', target: 'buildings' },
  no_parent_at_location: { field: 'communityCode', target: 'compounds' },
  outside_user_streets: { target: 'buildings' },
  overlaps_building: { existingCode: 'B510104030004-007-01', overlapM2: 212.5, share: 87 },
  crs_declared: { source: 'prj', crs: '4544' },
  crs_declared_unsupported: {
    source: 'prj',
    datum: 'Xian 1980',
    projection: 'transverse_mercator',
    centralMeridian: 105,
    falseEasting: 500_000,
  },
  crs_no_coordinates: { unrecognised: 'geojson_crs' },
  crs_degrees: { x: [104.101, 104.102], y: [30.646, 30.648], crs: '4326' },
  crs_degrees_swapped: { x: [30.646, 30.648], y: [104.101, 104.102], crs: '4326' },
  crs_gauss_kruger: { x: [409_000, 411_000], y: [3_391_000, 3_393_000], crs: '4544' },
  crs_gauss_kruger_swapped: { x: [3_391_000, 3_393_000], y: [409_000, 411_000], crs: '4544' },
  crs_gauss_kruger_zoned: { x: [35_409_000, 35_411_000], y: [3_391_000, 3_393_000], crs: '4523' },
  crs_gauss_kruger_zoned_swapped: { x: [3_391_000, 3_393_000], y: [35_409_000, 35_411_000], crs: '4523' },
  crs_unknown_range: { x: [12_345_678, 12_345_999], y: [1_000, 2_000], decided: [8, 10] },
  crs_recorded_text: {},
}

/** Names and symbols that stay as they are in a Chinese sentence: systems, formats, file parts, units. */
const KEPT_IN_CHINESE =
  /EPSG|WGS84|GCJ-02|BD-09|CGCS2000|PostGIS|GeoJSON|GeometryCollection|WKT|SRID|\.prj|crs|NaN|NUL|type|true|false|null|km|[xy]\b/g

describe('the words of the import reasons', () => {
  it('has a sample for every reason code, and every code is its own', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...IMPORT_REASONS].sort())
    expect(new Set(IMPORT_REASONS).size).toBe(IMPORT_REASONS.length)
  })

  it.each(IMPORT_REASONS)('says %s in Chinese without English words, and in English', (reason) => {
    const data = { reason: reason as ImportReason, params: SAMPLES[reason as ImportReason] }
    const zh = importReasonText(data, 'zh', 'buildings')
    const en = importReasonText(data, 'en', 'buildings')
    expect(zh.length).toBeGreaterThan(3)
    expect(en.length).toBeGreaterThan(3)
    expect(zh).not.toContain('undefined')
    expect(en).not.toContain('undefined')
    // Values as written stand in quotes; what is left is Chinese, numbers and the names kept above.
    const words = zh.replace(/“[^”]*”/g, '').replace(KEPT_IN_CHINESE, '')
    expect(words, zh).not.toMatch(/[A-Za-z]{2,}/)
  })

  it('names fields and coded values in the target’s words', () => {
    const storeys = { reason: ReasonNotANumber, params: SAMPLES.not_a_number }
    expect(importReasonText(storeys, 'zh', 'buildings')).toBe('层数“六”不是数字')
    expect(importReasonText(storeys, 'en', 'buildings')).toBe('Storeys "六" is not a number')
    // A column of the file that is no field of any target is named as it is.
    expect(importReasonText({ reason: 'value_too_long', params: SAMPLES.value_too_long }, 'en')).toBe(
      '备注 holds 12,000 characters (limit 10,000)',
    )
    const code = { reason: 'not_a_code' as const, params: SAMPLES.not_a_code }
    expect(importReasonText(code, 'zh', 'buildings')).toBe('结构“别墅”不是可选值之一：砖混、框架')
    expect(importReasonText(code, 'en', 'buildings')).toBe(
      'Structure "别墅" is not one of brick_concrete (Brick-concrete), frame (Frame)',
    )
  })

  it('keeps the content of the English sentences: the value named, its range, the system', () => {
    const english = (reason: ImportReason) => importReasonText({ reason, params: SAMPLES[reason] }, 'en')
    expect(english(ReasonDegreesOutOfRange)).toBe(
      '200.5, 30.66: longitude 200.5 is out of range for degrees (a longitude is from -180 to 180), and EPSG:4326 is in degrees',
    )
    expect(english(ReasonCoordinateInfinite)).toBe(
      'Polygon: position 2: y is minus infinity: the number in the file (such as 1e999) is too large for any coordinate system',
    )
    expect(english(ReasonCrsDegrees)).toBe(
      'longitudes 104.101–104.102 and latitudes 30.646–30.648 are degrees in China: WGS84 assumed. GCJ-02 (Amap, Tencent) and BD-09 (Baidu) coordinates look the same by range: choose one of them if the data came from those maps',
    )
    expect(english('crs_unknown_range')).toBe(
      'coordinates of 12345678–12345999 / 1000–2000 match none of the systems we know around Chengdu: choose the system',
    )
    expect(
      importReasonText({ reason: ReasonOutsideRange, params: SAMPLES.outside_range }, 'zh', 'buildings'),
    ).toBe('层数 300 高于上限 200（允许 1–200）')
    expect(
      importReasonText(
        {
          reason: ReasonOutsideRange,
          params: { field: 'floorAreaM2', value: -5, min: 0, max: 100, unit: 'm2' },
        },
        'en',
        'compounds',
      ),
    ).toBe('Floor area -5 is below 0 (allowed 0–100 m²)')
  })

  it('gives the API and the CLI one English line with the source’s words and the place they name', () => {
    const issue = issueOf(
      ReasonPostgisInvalid,
      { problem: 'self_intersection' },
      { detail: 'Self-intersection', location: [104.10195, 30.64695] },
    )
    expect(importReasonEnglish(issue)).toBe(
      'PostGIS finds the geometry invalid: its edges cross (self-intersection) (Self-intersection) at 104.10195, 30.64695',
    )
    expect(importReasonText(issue, 'zh')).toBe('PostGIS 判定几何无效：边自相交')
  })

  it('takes the kind and severity from the reason', () => {
    expect(issueOf(ReasonOverlapsBuilding, SAMPLES.overlaps_building)).toEqual({
      code: 'overlaps_existing_building',
      severity: 'warning',
      reason: ReasonOverlapsBuilding,
      params: SAMPLES.overlaps_building,
    })
    expect(issueOf(ReasonNotANumber, SAMPLES.not_a_number)).toMatchObject({
      code: 'invalid_value',
      severity: 'error',
      field: 'storeys',
    })
  })
})

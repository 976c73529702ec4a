// The sentences of the import reasons, in Chinese and English, made from a reason's code and parameters: the one
// table the web wizard (in the interface language), the API's problem responses and the CLI (in English) read.
// Field names become the field's words, coded values their labels, positions and ranges numbers as people write them.
import { type Label, renovationStatus } from '../labels.ts'
import { layerDefinition } from '../layers/layer.registry.ts'
import { UNITS } from '../layers/layer-field.ts'
import {
  IMPORT_TARGETS,
  type ImportTarget,
  importCrs,
  importTarget,
  type SourceCrs,
} from './import.schema.ts'
import {
  type CrsSource,
  type Found,
  type GeosProblem,
  type ImportReason,
  type ImportReasonData,
  type ImportReasonParams,
  type Pair,
  ReasonCodeRepeated,
  ReasonCodeTaken,
  ReasonCoordinateCellEmpty,
  ReasonCoordinateCellInfinite,
  ReasonCoordinateCellNotNumber,
  ReasonCoordinateInfinite,
  ReasonCoordinateNaN,
  ReasonCoordinateNotNumber,
  ReasonCoordinatesNotArray,
  ReasonCrsDeclared,
  ReasonCrsDeclaredUnsupported,
  ReasonCrsDegrees,
  ReasonCrsDegreesSwapped,
  ReasonCrsGaussKruger,
  ReasonCrsGaussKrugerSwapped,
  ReasonCrsGaussKrugerZoned,
  ReasonCrsGaussKrugerZonedSwapped,
  ReasonCrsNoCoordinates,
  ReasonCrsRecordedText,
  ReasonCrsUnknownRange,
  ReasonDegreesInMetreSystem,
  ReasonDegreesOutOfRange,
  ReasonEastingWithoutZone,
  ReasonEastingWithZone,
  ReasonEmptyGeometry,
  ReasonFarFromSichuan,
  ReasonGeometryCollection,
  ReasonGeometryNotObject,
  ReasonLatitudeFirst,
  ReasonLineTooShort,
  ReasonMetresInDegreeSystem,
  ReasonMultiPolygonParts,
  ReasonNoGeometry,
  ReasonNoParentAtLocation,
  ReasonNoParts,
  ReasonNorthingFirst,
  ReasonNotACode,
  ReasonNotANumber,
  ReasonNotAPoint,
  ReasonNotAPolygon,
  ReasonNotConvertible,
  ReasonNotDegrees,
  ReasonNotWholeNumber,
  ReasonNotYesNo,
  ReasonNulCharacter,
  ReasonOutsideDistrict,
  ReasonOutsideRange,
  ReasonOutsideUserStreets,
  ReasonOverlapsBuilding,
  ReasonParentCodeUnknown,
  ReasonPartlyOutsideDistrict,
  ReasonPositionNotPair,
  ReasonPostgisInvalid,
  ReasonPostgisUnreadable,
  ReasonRenovationYearMissing,
  ReasonRenovationYearNotCompleted,
  ReasonRequiredEmpty,
  ReasonRequiredNotMapped,
  ReasonRingNotClosed,
  ReasonRingTooShort,
  ReasonTooManyRings,
  ReasonTooManyVertices,
  ReasonUnknownGeometryType,
  ReasonValueTooLong,
  ReasonWktUnreadable,
} from './import-reason.ts'

export type ReasonLanguage = keyof Label

/** What a sentence may need beyond its parameters: the language, and the target whose fields are named. */
interface Words {
  lang: ReasonLanguage
  /** The words of a field of the target (its label), or the name as given when it is a column of the file. */
  field: (name: string) => string
  /** The label of a coded value of a field of the target, or the code itself. */
  value: (field: string, code: string) => string
}

type Sentence<P> = (p: P, w: Words) => string
type SentenceTable = {
  [R in ImportReason]: { zh: Sentence<ImportReasonParams[R]>; en: Sentence<ImportReasonParams[R]> }
}

// ---- numbers and names ----------------------------------------------------------------------------------------

const count = (n: number) => n.toLocaleString('en')
/** A coordinate as the file writes it, shortened: whole metres, or degrees to five decimals (about 1 m). */
const coordinate = (v: number) =>
  Math.abs(v) >= 1000 ? Math.round(v).toString() : Number(v.toFixed(5)).toString()
const position = ([x, y]: Pair) => `${coordinate(x)}, ${coordinate(y)}`
const degreeRange = ([low, high]: Pair) => `${low.toFixed(3)}–${high.toFixed(3)}`
const kmRange = ([low, high]: Pair) => `${count(Math.round(low / 1000))}–${count(Math.round(high / 1000))} km`
const plainRange = ([low, high]: Pair) => `${low.toFixed(0)}–${high.toFixed(0)}`

/** A system named briefly inside a sentence: EPSG:4544, GCJ-02. */
const systemId = (crs: SourceCrs) => (crs === 'gcj02' ? 'GCJ-02' : crs === 'bd09' ? 'BD-09' : `EPSG:${crs}`)
/** A system named in full (the wizard's list adds what it is for: "default", "metres", "for Amap"). */
const SYSTEM_NAMES: Readonly<Record<SourceCrs, Label>> = {
  '4326': { zh: 'WGS84 经纬度（EPSG:4326）', en: 'WGS84 (EPSG:4326)' },
  '4490': importCrs.labels['4490'],
  '4544': {
    zh: 'CGCS2000 3度带高斯-克吕格 中央经线105°E（EPSG:4544）',
    en: 'CGCS2000 3-degree Gauss-Kruger CM 105E (EPSG:4544)',
  },
  '4523': {
    zh: 'CGCS2000 3度带高斯-克吕格 第35带（EPSG:4523）',
    en: 'CGCS2000 3-degree Gauss-Kruger zone 35 (EPSG:4523)',
  },
  gcj02: importCrs.labels.gcj02,
  bd09: importCrs.labels.bd09,
}
const systemName = (crs: SourceCrs, lang: ReasonLanguage) => SYSTEM_NAMES[crs][lang]

const GEOMETRY_TYPES: Readonly<Record<string, Label>> = {
  Point: { zh: '点', en: 'Point' },
  MultiPoint: { zh: '多点', en: 'MultiPoint' },
  LineString: { zh: '线', en: 'LineString' },
  MultiLineString: { zh: '多线', en: 'MultiLineString' },
  Polygon: { zh: '多边形', en: 'Polygon' },
  MultiPolygon: { zh: '多部件多边形', en: 'MultiPolygon' },
  GeometryCollection: { zh: '几何集合', en: 'GeometryCollection' },
}
const geometryType = (type: string, lang: ReasonLanguage) => GEOMETRY_TYPES[type]?.[lang] ?? type

const ITEMS: Readonly<Record<string, Label>> = {
  points: { zh: '点', en: 'points' },
  lines: { zh: '线', en: 'lines' },
  positions: { zh: '坐标点', en: 'positions' },
  rings: { zh: '环', en: 'rings' },
  polygons: { zh: '多边形', en: 'polygons' },
}

/** One record of each target, and its parent. */
const NOUNS: Readonly<Record<ImportTarget, { one: Label; parent: Label | null }>> = {
  compounds: { one: { zh: '小区', en: 'compound' }, parent: { zh: '社区', en: 'community' } },
  buildings: { one: { zh: '楼栋', en: 'building' }, parent: { zh: '小区', en: 'compound' } },
  facilities: { one: { zh: '设施', en: 'facility' }, parent: null },
}
const PLURAL: Readonly<Record<ImportTarget, Label>> = {
  compounds: { zh: '小区', en: 'compounds' },
  buildings: { zh: '楼栋', en: 'buildings' },
  facilities: { zh: '设施', en: 'facilities' },
}

const SOURCES: Readonly<Record<CrsSource, Label>> = {
  prj: { zh: '.prj 文件', en: 'the .prj' },
  geojson_crs: { zh: 'GeoJSON 的 crs 成员', en: 'the GeoJSON crs member' },
  wkt_srid: { zh: 'WKT 的 SRID', en: 'the SRID of the WKT' },
}

const DATUMS: Readonly<Record<string, Label>> = {
  CGCS2000: { zh: 'CGCS2000', en: 'CGCS2000' },
  'Xian 1980': { zh: '西安 1980', en: 'Xian 1980' },
  'Beijing 1954': { zh: '北京 1954', en: 'Beijing 1954' },
  WGS84: { zh: 'WGS84', en: 'WGS84' },
}

const GEOS: Readonly<Record<GeosProblem, Label>> = {
  self_intersection: { zh: '边自相交', en: 'its edges cross (self-intersection)' },
  ring_self_intersection: { zh: '环自相交', en: 'a ring touches itself (ring self-intersection)' },
  too_few_points: { zh: '组成部分的不同点太少', en: 'a part has too few distinct points' },
  hole_outside_shell: { zh: '内环（洞）位于外环之外', en: 'a hole lies outside its outer ring' },
  nested_holes: { zh: '内环相互嵌套', en: 'holes are nested' },
  interior_disconnected: { zh: '内部不连通', en: 'the interior is disconnected' },
  nested_shells: { zh: '外环相互嵌套', en: 'outer rings are nested' },
  duplicate_rings: { zh: '有重复的环', en: 'rings are repeated' },
  invalid_coordinate: { zh: '坐标无效', en: 'a coordinate is invalid' },
  ring_not_closed: { zh: '环未闭合', en: 'a ring is not closed' },
  repeated_point: { zh: '有重复点', en: 'a point is repeated' },
}

/** What a value is, when it is not what it should be. */
function found(f: Found, lang: ReasonLanguage): string {
  const zh = lang === 'zh'
  switch (f.found) {
    case 'missing':
      return zh ? '缺失' : 'missing'
    case 'null':
      return 'null'
    case 'boolean':
      return zh ? `布尔值 ${f.value}` : String(f.value)
    case 'array':
      return zh ? `含 ${f.length ?? 0} 项的数组` : `an array of ${f.length ?? 0}`
    case 'text':
      return zh ? `文本“${f.value}”` : `the text ${JSON.stringify(f.value)}`
    case 'number':
      return zh ? '数字' : 'a number'
    case 'object':
      return zh ? '对象' : 'an object'
  }
}

const vertexZh = (vertex: number | undefined) => (vertex === undefined ? '坐标点' : `第 ${vertex} 个坐标点`)
const vertexEn = (vertex: number | undefined) =>
  vertex === undefined ? 'the position' : `position ${vertex}`

/** The parts a share of sampled positions adds: "(8 of 10 sampled positions)"; in Chinese a space without one. */
const decided = (p: { decided?: Pair }, lang: ReasonLanguage) =>
  p.decided === undefined
    ? lang === 'zh'
      ? ' '
      : ''
    : lang === 'zh'
      ? `（抽样的 ${count(p.decided[1])} 个坐标点中的 ${count(p.decided[0])} 个）`
      : ` (${count(p.decided[0])} of ${count(p.decided[1])} sampled positions)`

/** A range reason after a declaration that was not recognised says so first. */
const unrecognised = (p: { unrecognised?: CrsSource }, lang: ReasonLanguage, rest: string) =>
  p.unrecognised === undefined
    ? rest
    : lang === 'zh'
      ? `未能识别 ${SOURCES[p.unrecognised].zh}；${rest}`
      : `${SOURCES[p.unrecognised].en} was not recognised; ${rest}`

function unsupportedSystem(p: ImportReasonParams[typeof ReasonCrsDeclaredUnsupported], lang: ReasonLanguage) {
  const zh = lang === 'zh'
  if (p.projection === undefined) return `EPSG:${p.epsg ?? '?'}`
  const datum = p.datum ? (DATUMS[p.datum]?.[lang] ?? p.datum) : zh ? '未知基准' : 'an unknown datum'
  if (p.projection === 'geographic') return zh ? `${datum} 地理坐标` : `${datum} geographic`
  const parts = [
    datum,
    p.projection === 'transverse_mercator'
      ? zh
        ? '横轴墨卡托（高斯-克吕格）投影'
        : 'Transverse Mercator'
      : zh
        ? '某种投影'
        : 'a projection',
    p.centralMeridian === undefined
      ? null
      : zh
        ? `中央经线 ${p.centralMeridian}°E`
        : `central meridian ${p.centralMeridian}E`,
    p.falseEasting === undefined ? null : zh ? `东偏移 ${p.falseEasting}` : `false easting ${p.falseEasting}`,
  ]
  return parts.filter(Boolean).join(zh ? '，' : ', ')
}

const unitOf = (unit: string | undefined, lang: ReasonLanguage) =>
  unit === undefined || unit === 'year' || !(unit in UNITS)
    ? ''
    : lang === 'zh'
      ? ` ${UNITS[unit as keyof typeof UNITS].zh}`
      : ` ${UNITS[unit as keyof typeof UNITS].en}`

// ---- the sentences ----------------------------------------------------------------------------------------------

const SENTENCES: SentenceTable = {
  [ReasonGeometryNotObject]: {
    zh: (p) => `几何不是 GeoJSON 几何对象，而是${found(p, 'zh')}`,
    en: (p) => `The geometry is ${found(p, 'en')}, not a GeoJSON geometry object`,
  },
  [ReasonGeometryCollection]: {
    zh: () => '几何集合（GeometryCollection）不能导入',
    en: () => 'A GeometryCollection cannot be imported',
  },
  [ReasonUnknownGeometryType]: {
    zh: (p) => (p.value === undefined ? '几何没有类型（type）' : `几何类型“${p.value}”不是 GeoJSON 几何类型`),
    en: (p) =>
      p.value === undefined
        ? 'The geometry has no type'
        : `Geometry type ${JSON.stringify(p.value)} is not a GeoJSON geometry type`,
  },
  [ReasonTooManyVertices]: {
    zh: (p) => `几何有 ${count(p.vertices)} 个顶点（上限 ${count(p.limit)}）`,
    en: (p) => `The geometry has ${count(p.vertices)} vertices (limit ${count(p.limit)})`,
  },
  [ReasonTooManyRings]: {
    zh: (p) => `多边形有 ${count(p.rings)} 个环（最多读取 ${count(p.limit)} 个）`,
    en: (p) => `The polygon has ${count(p.rings)} rings (at most ${count(p.limit)} are read)`,
  },
  [ReasonCoordinatesNotArray]: {
    zh: (p) =>
      `${geometryType(p.geometryType, 'zh')}：坐标应为${ITEMS[p.items]?.zh}的数组，而不是${found(p, 'zh')}`,
    en: (p) => `${p.geometryType}: coordinates must be an array of ${p.items}, not ${found(p, 'en')}`,
  },
  [ReasonNoParts]: {
    zh: (p) => `${geometryType(p.geometryType, 'zh')}：没有任何${ITEMS[p.items]?.zh}`,
    en: (p) => `${p.geometryType}: it has no ${p.items}`,
  },
  [ReasonPositionNotPair]: {
    zh: (p) =>
      `${geometryType(p.geometryType, 'zh')}：${vertexZh(p.vertex)}应为 [x, y]，而不是${found(p, 'zh')}`,
    en: (p) => `${p.geometryType}: ${vertexEn(p.vertex)} must be [x, y], not ${found(p, 'en')}`,
  },
  [ReasonCoordinateNotNumber]: {
    zh: (p) =>
      `${geometryType(p.geometryType, 'zh')}：${vertexZh(p.vertex)}的 ${p.axis} 是${found(p, 'zh')}，不是数字`,
    en: (p) => `${p.geometryType}: ${vertexEn(p.vertex)}: ${p.axis} is ${found(p, 'en')}, not a number`,
  },
  [ReasonCoordinateNaN]: {
    zh: (p) => `${geometryType(p.geometryType, 'zh')}：${vertexZh(p.vertex)}的 ${p.axis} 是 NaN（非数字）`,
    en: (p) => `${p.geometryType}: ${vertexEn(p.vertex)}: ${p.axis} is NaN (not a number)`,
  },
  [ReasonCoordinateInfinite]: {
    zh: (p) =>
      `${geometryType(p.geometryType, 'zh')}：${vertexZh(p.vertex)}的 ${p.axis} 为${p.negative ? '负' : ''}无穷大：文件中的数字（如 1e999）超出了任何坐标系的范围`,
    en: (p) =>
      `${p.geometryType}: ${vertexEn(p.vertex)}: ${p.axis} is ${p.negative ? 'minus ' : ''}infinity: the number in the file (such as 1e999) is too large for any coordinate system`,
  },
  [ReasonLineTooShort]: {
    zh: (p) => `${geometryType(p.geometryType, 'zh')}：线至少需要两个坐标点`,
    en: (p) => `${p.geometryType}: a line needs at least two positions`,
  },
  [ReasonRingTooShort]: {
    zh: (p) =>
      `${geometryType(p.geometryType, 'zh')}：第 ${p.ring} 个环只有 ${p.positions} 个坐标点（环至少需要四个）`,
    en: (p) => `${p.geometryType}: ring ${p.ring} has ${p.positions} positions (a ring needs at least four)`,
  },
  [ReasonRingNotClosed]: {
    zh: (p) => `${geometryType(p.geometryType, 'zh')}：第 ${p.ring} 个环未闭合（首末坐标点不同）`,
    en: (p) => `${p.geometryType}: ring ${p.ring} is not closed (its first and last positions differ)`,
  },
  [ReasonWktUnreadable]: {
    zh: (p) => `WKT“${p.value}”无法读取`,
    en: (p) => `WKT ${JSON.stringify(p.value)} could not be read`,
  },
  [ReasonCoordinateCellEmpty]: {
    zh: (p) => `“${p.field}”列为空`,
    en: (p) => `${p.field} is empty`,
  },
  [ReasonCoordinateCellInfinite]: {
    zh: (p) => `“${p.field}”列的值“${p.value}”过大，超出了任何坐标系的范围（溢出为无穷大）`,
    en: (p) =>
      `${p.field} ${JSON.stringify(p.value)} is too large for any coordinate system (it overflows to infinity)`,
  },
  [ReasonCoordinateCellNotNumber]: {
    zh: (p) => `“${p.field}”列的值“${p.value}”不是数字`,
    en: (p) => `${p.field} ${JSON.stringify(p.value)} is not a number`,
  },
  [ReasonRequiredNotMapped]: {
    zh: (p, w) => `${w.field(p.field)}为必填项，但没有对应文件中的任何列`,
    en: (p, w) => `${w.field(p.field)} is required but no column is mapped to it`,
  },
  [ReasonRequiredEmpty]: {
    zh: (p, w) => `${w.field(p.field)}为必填项，但“${p.column}”列为空`,
    en: (p, w) => `${w.field(p.field)} is required but column ${p.column} is empty`,
  },
  [ReasonNotACode]: {
    zh: (p, w) =>
      `${w.field(p.field)}“${p.value}”不是可选值之一：${p.allowed.map((code) => w.value(p.field, code)).join('、')}`,
    en: (p, w) =>
      `${w.field(p.field)} ${JSON.stringify(p.value)} is not one of ${p.allowed
        .map((code) => {
          const label = w.value(p.field, code)
          return label === code ? code : `${code} (${label})`
        })
        .join(', ')}`,
  },
  [ReasonNotANumber]: {
    zh: (p, w) => `${w.field(p.field)}“${p.value}”不是数字`,
    en: (p, w) => `${w.field(p.field)} ${JSON.stringify(p.value)} is not a number`,
  },
  [ReasonNotWholeNumber]: {
    zh: (p, w) => `${w.field(p.field)}“${p.value}”不是整数`,
    en: (p, w) => `${w.field(p.field)} ${JSON.stringify(p.value)} is not a whole number`,
  },
  [ReasonOutsideRange]: {
    zh: (p, w) =>
      `${w.field(p.field)} ${p.value} ${p.value < p.min ? `低于下限 ${p.min}` : `高于上限 ${p.max}`}（允许 ${p.min}–${p.max}${unitOf(p.unit, 'zh')}）`,
    en: (p, w) =>
      `${w.field(p.field)} ${p.value} is ${p.value < p.min ? `below ${p.min}` : `above ${p.max}`} (allowed ${p.min}–${p.max}${unitOf(p.unit, 'en')})`,
  },
  [ReasonNotYesNo]: {
    zh: (p, w) => `${w.field(p.field)}“${p.value}”不是“是”或“否”（可写 是/否、有/无、true/false、1/0）`,
    en: (p, w) =>
      `${w.field(p.field)} ${JSON.stringify(p.value)} is not yes or no (true/false, 1/0, 是/否, 有/无)`,
  },
  [ReasonRenovationYearMissing]: {
    zh: (p, w) => `改造状态为“${renovationStatus.labels.completed.zh}”时，${w.field(p.field)}为必填项`,
    en: (p, w) => `${w.field(p.field)} is required when the renovation status is completed`,
  },
  [ReasonRenovationYearNotCompleted]: {
    zh: (p, w) =>
      `填写了${w.field(p.field)} ${p.year}，但改造状态为“${w.value('renovationStatus', p.status ?? 'not_planned')}”${p.status === null ? '（未填写）' : ''}：只有已完成的改造才有完成年份`,
    en: (p, w) =>
      `${w.field(p.field)} ${p.year} is given but the renovation status is ${p.status === null ? 'not given (not planned)' : w.value('renovationStatus', p.status).toLowerCase()}: a year belongs to completed renovations only`,
  },
  [ReasonValueTooLong]: {
    zh: (p, w) =>
      `${w.field(p.field)}的值有 ${count(p.length)} 个字符（上限 ${count(p.limit)}），超出部分已截去`,
    en: (p, w) => `${w.field(p.field)} holds ${count(p.length)} characters (limit ${count(p.limit)})`,
  },
  [ReasonNulCharacter]: {
    zh: (p, w) => `${w.field(p.field)}含有 NUL 字符，无法保存`,
    en: (p, w) => `${w.field(p.field)} contains a NUL character, which cannot be stored`,
  },
  [ReasonNoGeometry]: {
    zh: () => '要素没有几何',
    en: () => 'The feature has no geometry',
  },
  [ReasonNotAPoint]: {
    zh: (p) => `这是${geometryType(p.geometryType, 'zh')}，而${PLURAL[p.target].zh}应为点`,
    en: (p) => `A ${p.geometryType}: ${PLURAL[p.target].en} are points`,
  },
  [ReasonNotAPolygon]: {
    zh: (p) => `这是${geometryType(p.geometryType, 'zh')}，而${PLURAL[p.target].zh}应为多边形`,
    en: (p) => `A ${p.geometryType}: ${PLURAL[p.target].en} are polygons`,
  },
  [ReasonMultiPolygonParts]: {
    zh: (p) => `这是由 ${p.parts} 个部分组成的多部件多边形，而${PLURAL[p.target].zh}应为单个多边形`,
    en: (p) => `A MultiPolygon of ${p.parts} parts: ${PLURAL[p.target].en} are single polygons`,
  },
  [ReasonNorthingFirst]: {
    zh: (p) => `${position(p.position)} 像是先北坐标、后东坐标（国内测量习惯 X 为北向）：请交换两列`,
    en: (p) =>
      `${position(p.position)} looks like northing then easting (X north, as Chinese surveys write it): swap the columns`,
  },
  [ReasonLatitudeFirst]: {
    zh: (p) => `${position(p.position)} 像是先纬度、后经度：请交换两列`,
    en: (p) => `${position(p.position)} looks like latitude then longitude: swap the columns`,
  },
  [ReasonDegreesInMetreSystem]: {
    zh: (p) => `${position(p.position)} 像是经纬度（度），但 ${systemId(p.crs)} 以米为单位`,
    en: (p) => `${position(p.position)} looks like degrees, but ${systemId(p.crs)} is in metres`,
  },
  [ReasonEastingWithoutZone]: {
    zh: (p) => `东坐标（如 ${coordinate(p.easting)}）缺少带号 35：数据像是 EPSG:4544`,
    en: (p) =>
      `Eastings like ${coordinate(p.easting)} lack the zone prefix 35: the data looks like EPSG:4544`,
  },
  [ReasonEastingWithZone]: {
    zh: (p) => `东坐标（如 ${coordinate(p.easting)}）带有带号 35：数据像是 EPSG:4523`,
    en: (p) =>
      `Eastings like ${coordinate(p.easting)} carry the zone prefix 35: the data looks like EPSG:4523`,
  },
  [ReasonNotConvertible]: {
    zh: (p) => `坐标无法从 ${systemId(p.crs)} 转换为 WGS84`,
    en: (p) => `The coordinates could not be converted from ${systemId(p.crs)} to WGS84`,
  },
  [ReasonFarFromSichuan]: {
    zh: (p) => `转换为 WGS84 后，要素位于 ${position(p.position)}，远离四川：坐标系是否选对了？`,
    en: (p) =>
      `Converted to WGS84 the feature lies at ${position(p.position)}, far from Sichuan: is the coordinate system right?`,
  },
  [ReasonMetresInDegreeSystem]: {
    zh: (p) =>
      `${position(p.position)}${p.vertex === undefined ? '' : `（第 ${p.vertex} 个坐标点）`}像是米制坐标，但 ${systemId(p.crs)} 以度为单位`,
    en: (p) =>
      `${position(p.position)}${p.vertex === undefined ? '' : ` (position ${p.vertex})`} looks like metres, but ${systemId(p.crs)} is in degrees`,
  },
  [ReasonDegreesOutOfRange]: {
    zh: (p) => {
      const axis = p.axis === 'longitude' ? '经度' : '纬度'
      return `${position(p.position)}${p.vertex === undefined ? '' : `（第 ${p.vertex} 个坐标点）`}：${axis} ${coordinate(p.value)} 超出度数的范围（${axis}在 -${p.limit} 到 ${p.limit} 之间），而 ${systemId(p.crs)} 以度为单位`
    },
    en: (p) =>
      `${position(p.position)}${p.vertex === undefined ? '' : ` (position ${p.vertex})`}: ${p.axis} ${coordinate(p.value)} is out of range for degrees (a ${p.axis} is from -${p.limit} to ${p.limit}), and ${systemId(p.crs)} is in degrees`,
  },
  [ReasonNotDegrees]: {
    zh: (p) => `坐标不是度数，但 ${systemId(p.crs)} 以度为单位`,
    en: (p) => `The coordinates are not degrees, but ${systemId(p.crs)} is in degrees`,
  },
  [ReasonCodeRepeated]: {
    zh: (p) => `编码 ${p.value} 已被文件中第 ${p.firstFeature} 个要素使用`,
    en: (p) => `Code ${p.value} is also used by feature ${p.firstFeature}`,
  },
  [ReasonPostgisInvalid]: {
    zh: (p) => `PostGIS 判定几何无效${p.problem ? `：${GEOS[p.problem].zh}` : ''}`,
    en: (p) => `PostGIS finds the geometry invalid${p.problem ? `: ${GEOS[p.problem].en}` : ''}`,
  },
  [ReasonEmptyGeometry]: {
    zh: () => '几何为空',
    en: () => 'The geometry is empty',
  },
  [ReasonPostgisUnreadable]: {
    zh: () => 'PostGIS 无法读取该几何',
    en: () => 'PostGIS cannot read the geometry',
  },
  [ReasonOutsideDistrict]: {
    zh: () => '几何完全位于辖区之外',
    en: () => 'The geometry lies wholly outside the district',
  },
  [ReasonPartlyOutsideDistrict]: {
    zh: () => '几何有一部分位于辖区之外',
    en: () => 'Part of the geometry lies outside the district',
  },
  [ReasonCodeTaken]: {
    zh: (p) =>
      `编码为 ${p.value} 的${NOUNS[p.target].one.zh}已存在${p.target === 'compounds' ? '（已删除小区的编码仍被占用）' : ''}`,
    en: (p) =>
      `A ${NOUNS[p.target].one.en} with code ${p.value} exists already${p.target === 'compounds' ? ' (the codes of deleted compounds stay taken)' : ''}`,
  },
  [ReasonParentCodeUnknown]: {
    zh: (p) => `没有编码为 ${p.value} 的${NOUNS[p.target].parent?.zh ?? ''}`,
    en: (p) => `No ${NOUNS[p.target].parent?.en ?? 'record'} has code ${p.value}`,
  },
  [ReasonNoParentAtLocation]: {
    zh: (p, w) => `要素的位置不在任何${NOUNS[p.target].parent?.zh ?? ''}之内：请填写${w.field(p.field)}`,
    en: (p, w) =>
      `No ${NOUNS[p.target].parent?.en ?? 'record'} contains the feature's point on surface; give ${w.field(p.field)}`,
  },
  [ReasonOutsideUserStreets]: {
    zh: (p) => {
      const parent = NOUNS[p.target].parent
      return parent ? `其所属${parent.zh}不在您负责的街道内` : '不在您负责的街道内'
    },
    en: (p) => {
      const parent = NOUNS[p.target].parent
      return `${parent ? `Its ${parent.en}` : 'It'} lies outside the streets assigned to you`
    },
  },
  [ReasonOverlapsBuilding]: {
    zh: (p) =>
      `压在本小区已有楼栋 ${p.existingCode} 上：重叠 ${p.overlapM2} 平方米（占导入楼栋面积的 ${p.share}%），是否重复测绘？`,
    en: (p) =>
      `Lies over the existing building ${p.existingCode} of the same compound: ${p.overlapM2} m² (${p.share}% of this building) overlap. Surveyed twice?`,
  },
  [ReasonCrsDeclared]: {
    zh: (p) => `${SOURCES[p.source].zh}声明为 ${systemName(p.crs, 'zh')}`,
    en: (p) => `from ${SOURCES[p.source].en}: ${systemName(p.crs, 'en')}`,
  },
  [ReasonCrsDeclaredUnsupported]: {
    zh: (p) =>
      `${SOURCES[p.source].zh}声明的坐标系为 ${unsupportedSystem(p, 'zh')}，本系统不做转换：请先转换为 WGS84、CGCS2000（EPSG:4490）或 CGCS2000 高斯-克吕格 中央经线 105°E（EPSG:4544）`,
    en: (p) =>
      `${SOURCES[p.source].en} names ${unsupportedSystem(p, 'en')}, which we do not convert: reproject to WGS84, CGCS2000 (EPSG:4490) or CGCS2000 Gauss-Kruger CM 105E (EPSG:4544)`,
  },
  [ReasonCrsNoCoordinates]: {
    zh: (p) => unrecognised(p, 'zh', '文件中没有可供判断的坐标'),
    en: (p) => unrecognised(p, 'en', 'there are no coordinates to go by'),
  },
  [ReasonCrsDegrees]: {
    zh: (p) =>
      unrecognised(
        p,
        'zh',
        `经度 ${degreeRange(p.x)}、纬度 ${degreeRange(p.y)}${decided(p, 'zh')}是中国境内的经纬度：按 WGS84 处理。GCJ-02（高德、腾讯）和 BD-09（百度）坐标的数值范围与之相同：数据如来自这些地图，请选择相应的坐标系`,
      ),
    en: (p) =>
      unrecognised(
        p,
        'en',
        `longitudes ${degreeRange(p.x)} and latitudes ${degreeRange(p.y)}${decided(p, 'en')} are degrees in China: WGS84 assumed. GCJ-02 (Amap, Tencent) and BD-09 (Baidu) coordinates look the same by range: choose one of them if the data came from those maps`,
      ),
  },
  [ReasonCrsDegreesSwapped]: {
    zh: (p) =>
      unrecognised(
        p,
        'zh',
        `数值 ${degreeRange(p.x)} / ${degreeRange(p.y)}${decided(p, 'zh')}像是先纬度、后经度（颠倒）：按经纬度（WGS84）处理`,
      ),
    en: (p) =>
      unrecognised(
        p,
        'en',
        `the values ${degreeRange(p.x)} / ${degreeRange(p.y)}${decided(p, 'en')} look like latitude then longitude (swapped); degrees assumed (WGS84)`,
      ),
  },
  [ReasonCrsGaussKruger]: {
    zh: (p) =>
      unrecognised(
        p,
        'zh',
        `东坐标 ${kmRange(p.x)}、北坐标 ${kmRange(p.y)}${decided(p, 'zh')}像是 ${systemName(p.crs, 'zh')} 坐标`,
      ),
    en: (p) =>
      unrecognised(
        p,
        'en',
        `eastings of ${kmRange(p.x)} and northings of ${kmRange(p.y)}${decided(p, 'en')} look like ${systemName(p.crs, 'en')} metres`,
      ),
  },
  [ReasonCrsGaussKrugerSwapped]: {
    zh: (p) =>
      unrecognised(
        p,
        'zh',
        `数值 ${kmRange(p.x)} / ${kmRange(p.y)}${decided(p, 'zh')}像是 ${systemName(p.crs, 'zh')} 中先北坐标、后东坐标（国内测量习惯 X 为北向）`,
      ),
    en: (p) =>
      unrecognised(
        p,
        'en',
        `the values ${kmRange(p.x)} / ${kmRange(p.y)}${decided(p, 'en')} look like northing then easting (X north, as Chinese surveys write it) in ${systemName(p.crs, 'en')}`,
      ),
  },
  [ReasonCrsGaussKrugerZoned]: {
    zh: (p) =>
      unrecognised(
        p,
        'zh',
        `带带号 35 的东坐标 ${kmRange(p.x)}、北坐标 ${kmRange(p.y)}${decided(p, 'zh')}像是 ${systemName(p.crs, 'zh')} 坐标`,
      ),
    en: (p) =>
      unrecognised(
        p,
        'en',
        `eastings of ${kmRange(p.x)} with the zone prefix 35 and northings of ${kmRange(p.y)}${decided(p, 'en')} look like ${systemName(p.crs, 'en')} metres`,
      ),
  },
  [ReasonCrsGaussKrugerZonedSwapped]: {
    zh: (p) =>
      unrecognised(
        p,
        'zh',
        `数值 ${kmRange(p.x)} / ${kmRange(p.y)}${decided(p, 'zh')}像是 ${systemName(p.crs, 'zh')} 中先北坐标、后带带号的东坐标`,
      ),
    en: (p) =>
      unrecognised(
        p,
        'en',
        `the values ${kmRange(p.x)} / ${kmRange(p.y)}${decided(p, 'en')} look like northing then zoned easting in ${systemName(p.crs, 'en')}`,
      ),
  },
  [ReasonCrsUnknownRange]: {
    zh: (p) =>
      unrecognised(
        p,
        'zh',
        `坐标 ${plainRange(p.x)} / ${plainRange(p.y)} 不符合成都一带已知的任何坐标系：请选择坐标系`,
      ),
    en: (p) =>
      unrecognised(
        p,
        'en',
        `coordinates of ${plainRange(p.x)} / ${plainRange(p.y)} match none of the systems we know around Chengdu: choose the system`,
      ),
  },
  [ReasonCrsRecordedText]: {
    zh: () => '识别依据为早期版本记录的英文说明',
    en: () => 'as recorded by an earlier version',
  },
}

/**
 * The sentence of a reason in `lang`. `target` names the fields and coded values in its words; without it (or for a
 * column of the file) the name is given as it is.
 */
export function importReasonText(
  data: { reason: ImportReason; params: unknown },
  lang: ReasonLanguage,
  target?: ImportTarget,
): string {
  // The target given first, then the one the reason names, then any: a field name means the same in every target.
  const named = (data.params as { target?: ImportTarget }).target
  const targets = [target, named, ...importTarget.values].filter((t): t is ImportTarget => t !== undefined)
  const spec = (name: string) => {
    for (const t of targets) {
      const found = IMPORT_TARGETS[t].fields.find((f) => f.name === name)
      if (found) return found
    }
    return undefined
  }
  const words: Words = {
    lang,
    // The layer's own words for the field, without the hints the import adds to them ("else by location").
    field: (name) => {
      for (const t of targets) {
        const found = layerDefinition(t).fields.find((f) => f.name === name)
        if (found) return found.label[lang]
      }
      return name
    },
    value: (field, code) => spec(field)?.values?.[code]?.[lang] ?? code,
  }
  const sentence = SENTENCES[data.reason][lang] as Sentence<unknown>
  return sentence(data.params, words)
}

/**
 * A reason as one line of English for the API's problem responses and the CLI: the sentence, then the source's
 * own words and the place they name.
 */
export function importReasonEnglish(data: ImportReasonData, target?: ImportTarget): string {
  const sentence = importReasonText(data, 'en', target)
  const detail = data.detail === undefined ? '' : ` (${data.detail})`
  const at = data.location === undefined ? '' : ` at ${position(data.location)}`
  return `${sentence}${detail}${at}`
}

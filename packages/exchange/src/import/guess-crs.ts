// Which coordinate system an upload is in: what its .prj (or GeoJSON `crs`, or EWKT SRID) says, else what the
// coordinates' ranges suggest around Chengdu. GCJ-02 and BD-09 are offsets of a few hundred metres from WGS84 and
// cannot be told from it by range: the reason says so, and the planner chooses. Pure.
import type { SourceCrs } from '@renewal-atlas/domain'
import type { Position } from '../crs.ts'
import type { CrsGuess, SourceDataset } from '../types.ts'
import { positionsOf } from './geometry.ts'
import { count } from './words.ts'

const NAMES: Readonly<Record<'4326' | '4490' | '4544' | '4523', string>> = {
  '4326': 'WGS84 (EPSG:4326)',
  '4490': 'CGCS2000 geographic (EPSG:4490)',
  '4544': 'CGCS2000 3-degree Gauss-Kruger CM 105E (EPSG:4544)',
  '4523': 'CGCS2000 3-degree Gauss-Kruger zone 35 (EPSG:4523)',
}

export function guessCrs(dataset: SourceDataset): CrsGuess {
  const source = DECLARED_BY[dataset.format]
  const declared = dataset.prj?.trim() ? crsFromDeclaration(dataset.prj) : null
  if (declared?.crs === null)
    return {
      crs: null,
      reason: `${source} names ${declared.system}, which we do not convert: reproject to WGS84, CGCS2000 (EPSG:4490) or CGCS2000 Gauss-Kruger CM 105E (EPSG:4544)`,
    }
  if (declared?.crs) return { crs: declared.crs, reason: `from ${source}: ${declared.system}` }
  const byRange = crsFromCoordinates(dataset)
  return declared ? { crs: byRange.crs, reason: `${source} was not recognised; ${byRange.reason}` } : byRange
}

const DECLARED_BY: Readonly<Record<SourceDataset['format'], string>> = {
  shapefile: 'the .prj',
  geojson: 'the GeoJSON crs member',
  geojsonseq: 'the GeoJSON crs member',
  csv: 'the SRID of the WKT',
}

/**
 * What a .prj (ESRI or OGC WKT), a GeoJSON crs name or an EPSG code says: `crs` undefined when nothing we
 * recognise, null when it names a system we do not convert (guessing by range would then mislead: Xian 1980
 * Gauss-Kruger looks like EPSG:4544 to within a hundred metres).
 */
function crsFromDeclaration(text: string): { crs: SourceCrs | null | undefined; system: string } {
  const upper = text.trim().toUpperCase()
  const code =
    // OGC WKT: the outermost AUTHORITY (WKT2: ID) closes the text.
    /AUTHORITY\["EPSG",\s*"(\d+)"\]\]$/.exec(upper)?.[1] ??
    /ID\["EPSG",\s*(\d+)\]\]$/.exec(upper)?.[1] ??
    /^(?:URN:OGC:DEF:CRS:EPSG:[\d.]*:|EPSG:|HTTPS?:\/\/WWW\.OPENGIS\.NET\/DEF\/CRS\/EPSG\/0\/)(\d+)$/.exec(
      upper,
    )?.[1]
  if (code && code in NAMES)
    return { crs: code as keyof typeof NAMES, system: NAMES[code as keyof typeof NAMES] }
  if (/CRS84$/.test(upper)) return { crs: '4326', system: NAMES['4326'] }
  const datum = /CGCS[_ ]?2000|CHINA[_ ]2000|CHINA GEODETIC COORDINATE SYSTEM 2000/.test(upper)
    ? 'CGCS2000'
    : /XIAN[_ ]?(19)?80/.test(upper)
      ? 'Xian 1980'
      : /BEIJING[_ ]?(19)?54/.test(upper)
        ? 'Beijing 1954'
        : /WGS[_ ]?(19)?84/.test(upper)
          ? 'WGS84'
          : null
  if (/^PROJ(CS|CRS)\[/.test(upper)) {
    const parameter = (name: string) => {
      const match = new RegExp(`PARAMETER\\["${name}",\\s*(-?[\\d.]+)`).exec(upper)
      return match ? Number(match[1]) : null
    }
    const meridian = parameter('CENTRAL_MERIDIAN')
    const easting = parameter('FALSE_EASTING')
    const scale = parameter('SCALE_FACTOR') ?? 1
    const transverse = /TRANSVERSE_MERCATOR|GAUSS_KRUGER/.test(upper)
    if (transverse && datum === 'CGCS2000' && meridian === 105 && scale === 1) {
      if (easting === 500_000) return { crs: '4544', system: NAMES['4544'] }
      if (easting === 35_500_000) return { crs: '4523', system: NAMES['4523'] }
    }
    const parts = [
      datum ?? 'an unknown datum',
      transverse ? 'Transverse Mercator' : 'a projection',
      meridian === null ? null : `central meridian ${meridian}E`,
      easting === null ? null : `false easting ${easting}`,
    ]
    return { crs: null, system: parts.filter(Boolean).join(', ') }
  }
  if (/^GEOG(CS|CRS)\[/.test(upper)) {
    if (datum === 'CGCS2000') return { crs: '4490', system: NAMES['4490'] }
    if (datum === 'WGS84') return { crs: '4326', system: NAMES['4326'] }
    return { crs: null, system: `${datum ?? 'an unknown datum'} geographic` }
  }
  if (code) return { crs: null, system: `EPSG:${code}` }
  return { crs: undefined, system: '' }
}

type RangeClass =
  | 'degrees'
  | 'degrees-swapped'
  | 'gk'
  | 'gk-swapped'
  | 'gk-zoned'
  | 'gk-zoned-swapped'
  | 'other'

const within = (v: number, low: number, high: number) => v >= low && v <= high
const isLon = (v: number) => within(v, 73, 136)
const isLat = (v: number) => within(v, 3, 54)
const isEasting = (v: number) => within(v, 250_000, 750_000)
const isZonedEasting = (v: number) => within(v, 35_250_000, 35_750_000)
const isNorthing = (v: number) => within(v, 2_000_000, 6_000_000)

function classify([x, y]: Position): RangeClass {
  const [a, b] = [x as number, y as number]
  if (isLon(a) && isLat(b)) return 'degrees'
  if (isLat(a) && isLon(b)) return 'degrees-swapped'
  if (isEasting(a) && isNorthing(b)) return 'gk'
  if (isNorthing(a) && isEasting(b)) return 'gk-swapped'
  if (isZonedEasting(a) && isNorthing(b)) return 'gk-zoned'
  if (isNorthing(a) && isZonedEasting(b)) return 'gk-zoned-swapped'
  return 'other'
}

/** Positions looked at: enough to be sure, few enough to be quick. */
const SAMPLE_POSITIONS = 10_000
const SAMPLE_PER_FEATURE = 20

function crsFromCoordinates(dataset: SourceDataset): CrsGuess {
  const sample: Position[] = []
  for (const feature of dataset.features) {
    if (!feature.geometry) continue
    let taken = 0
    for (const position of positionsOf(feature.geometry)) {
      sample.push(position)
      if (++taken >= SAMPLE_PER_FEATURE) break
    }
    if (sample.length >= SAMPLE_POSITIONS) break
  }
  if (sample.length === 0) return { crs: null, reason: 'there are no coordinates to go by' }
  const votes = new Map<RangeClass, Position[]>()
  for (const position of sample) {
    const kind = classify(position)
    const voters = votes.get(kind)
    if (voters) voters.push(position)
    else votes.set(kind, [position])
  }
  const [winner, positions] = [...votes].sort((a, b) => b[1].length - a[1].length)[0] as [
    RangeClass,
    Position[],
  ]
  const xs = positions.map((p) => p[0] as number)
  const ys = positions.map((p) => p[1] as number)
  const span = (values: number[], digits: number) =>
    `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`
  const km = (values: number[]) =>
    `${count(Math.round(Math.min(...values) / 1000))}–${count(Math.round(Math.max(...values) / 1000))} km`
  const share =
    positions.length === sample.length ? '' : ` (${positions.length} of ${sample.length} sampled positions)`
  switch (winner) {
    case 'degrees':
      return {
        crs: '4326',
        reason: `longitudes ${span(xs, 3)} and latitudes ${span(ys, 3)}${share} are degrees in China: WGS84 assumed. GCJ-02 (Amap, Tencent) and BD-09 (Baidu) coordinates look the same by range: choose one of them if the data came from those maps`,
      }
    case 'degrees-swapped':
      return {
        crs: '4326',
        reason: `the values ${span(xs, 3)} / ${span(ys, 3)}${share} look like latitude then longitude (swapped); degrees assumed (WGS84)`,
      }
    case 'gk':
      return {
        crs: '4544',
        reason: `eastings of ${km(xs)} and northings of ${km(ys)}${share} look like ${NAMES['4544']} metres`,
      }
    case 'gk-swapped':
      return {
        crs: '4544',
        reason: `the values ${km(xs)} / ${km(ys)}${share} look like northing then easting (X north, as Chinese surveys write it) in ${NAMES['4544']}`,
      }
    case 'gk-zoned':
      return {
        crs: '4523',
        reason: `eastings of ${km(xs)} with the zone prefix 35 and northings of ${km(ys)}${share} look like ${NAMES['4523']} metres`,
      }
    case 'gk-zoned-swapped':
      return {
        crs: '4523',
        reason: `the values ${km(xs)} / ${km(ys)}${share} look like northing then zoned easting in ${NAMES['4523']}`,
      }
    case 'other':
      return {
        crs: null,
        reason: `coordinates of ${span(xs, 0)} / ${span(ys, 0)} match none of the systems we know around Chengdu: choose the system`,
      }
  }
}

// Which coordinate system an upload is in: what its .prj (or GeoJSON `crs`, or EWKT SRID) says, else what the
// coordinates' ranges suggest around Chengdu. GCJ-02 and BD-09 are offsets of a few hundred metres from WGS84 and
// cannot be told from it by range: the reason says so, and the planner chooses. Pure.
import {
  type CrsSource,
  crsReasonOf,
  type ImportReasonParams,
  type Pair,
  ReasonCrsDeclared,
  ReasonCrsDeclaredUnsupported,
  ReasonCrsDegrees,
  ReasonCrsDegreesSwapped,
  ReasonCrsGaussKruger,
  ReasonCrsGaussKrugerSwapped,
  ReasonCrsGaussKrugerZoned,
  ReasonCrsGaussKrugerZonedSwapped,
  ReasonCrsNoCoordinates,
  ReasonCrsUnknownRange,
  type SourceCrs,
} from '@renewal-atlas/domain'
import type { Position } from '../crs.ts'
import type { CrsGuess, SourceDataset } from '../types.ts'
import { positionsOf } from './geometry.ts'

type Unsupported = Omit<ImportReasonParams[typeof ReasonCrsDeclaredUnsupported], 'source'>

export function guessCrs(dataset: SourceDataset): CrsGuess {
  const source = DECLARED_BY[dataset.format]
  const declared = dataset.prj?.trim() ? crsFromDeclaration(dataset.prj) : null
  if (declared?.crs === null) {
    return { crs: null, reason: crsReasonOf(ReasonCrsDeclaredUnsupported, { source, ...declared.system }) }
  }
  if (declared?.crs)
    return { crs: declared.crs, reason: crsReasonOf(ReasonCrsDeclared, { source, crs: declared.crs }) }
  return crsFromCoordinates(dataset, declared ? source : undefined)
}

const DECLARED_BY: Readonly<Record<SourceDataset['format'], CrsSource>> = {
  shapefile: 'prj',
  geojson: 'geojson_crs',
  geojsonseq: 'geojson_crs',
  csv: 'wkt_srid',
}

const KNOWN = new Set(['4326', '4490', '4544', '4523'])

/**
 * What a .prj (ESRI or OGC WKT), a GeoJSON crs name or an EPSG code says: `crs` undefined when nothing we
 * recognise, null when it names a system we do not convert (guessing by range would then mislead: Xian 1980
 * Gauss-Kruger looks like EPSG:4544 to within a hundred metres).
 */
function crsFromDeclaration(
  text: string,
):
  | { crs: SourceCrs; system?: undefined }
  | { crs: null; system: Unsupported }
  | { crs: undefined; system?: undefined } {
  const upper = text.trim().toUpperCase()
  const code =
    // OGC WKT: the outermost AUTHORITY (WKT2: ID) closes the text.
    /AUTHORITY\["EPSG",\s*"(\d+)"\]\]$/.exec(upper)?.[1] ??
    /ID\["EPSG",\s*(\d+)\]\]$/.exec(upper)?.[1] ??
    /^(?:URN:OGC:DEF:CRS:EPSG:[\d.]*:|EPSG:|HTTPS?:\/\/WWW\.OPENGIS\.NET\/DEF\/CRS\/EPSG\/0\/)(\d+)$/.exec(
      upper,
    )?.[1]
  if (code && KNOWN.has(code)) return { crs: code as SourceCrs }
  if (/CRS84$/.test(upper)) return { crs: '4326' }
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
      if (easting === 500_000) return { crs: '4544' }
      if (easting === 35_500_000) return { crs: '4523' }
    }
    return {
      crs: null,
      system: {
        datum,
        projection: transverse ? 'transverse_mercator' : 'other',
        ...(meridian === null ? {} : { centralMeridian: meridian }),
        ...(easting === null ? {} : { falseEasting: easting }),
      },
    }
  }
  if (/^GEOG(CS|CRS)\[/.test(upper)) {
    if (datum === 'CGCS2000') return { crs: '4490' }
    if (datum === 'WGS84') return { crs: '4326' }
    return { crs: null, system: { datum, projection: 'geographic' } }
  }
  if (code) return { crs: null, system: { epsg: code } }
  return { crs: undefined }
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

function crsFromCoordinates(dataset: SourceDataset, unrecognised: CrsSource | undefined): CrsGuess {
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
  const noted = unrecognised === undefined ? {} : { unrecognised }
  if (sample.length === 0) return { crs: null, reason: crsReasonOf(ReasonCrsNoCoordinates, noted) }
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
  const range = (values: number[]): Pair => [Math.min(...values), Math.max(...values)]
  const ranges = {
    x: range(positions.map((p) => p[0] as number)),
    y: range(positions.map((p) => p[1] as number)),
    ...(positions.length === sample.length ? {} : { decided: [positions.length, sample.length] as Pair }),
    ...noted,
  }
  switch (winner) {
    case 'degrees':
      return { crs: '4326', reason: crsReasonOf(ReasonCrsDegrees, { ...ranges, crs: '4326' }) }
    case 'degrees-swapped':
      return { crs: '4326', reason: crsReasonOf(ReasonCrsDegreesSwapped, { ...ranges, crs: '4326' }) }
    case 'gk':
      return { crs: '4544', reason: crsReasonOf(ReasonCrsGaussKruger, { ...ranges, crs: '4544' }) }
    case 'gk-swapped':
      return { crs: '4544', reason: crsReasonOf(ReasonCrsGaussKrugerSwapped, { ...ranges, crs: '4544' }) }
    case 'gk-zoned':
      return { crs: '4523', reason: crsReasonOf(ReasonCrsGaussKrugerZoned, { ...ranges, crs: '4523' }) }
    case 'gk-zoned-swapped':
      return {
        crs: '4523',
        reason: crsReasonOf(ReasonCrsGaussKrugerZonedSwapped, { ...ranges, crs: '4523' }),
      }
    case 'other':
      return { crs: null, reason: crsReasonOf(ReasonCrsUnknownRange, ranges) }
  }
}

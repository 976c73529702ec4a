import {
  ReasonCrsDeclared,
  ReasonCrsDeclaredUnsupported,
  ReasonCrsDegrees,
  ReasonCrsDegreesSwapped,
  ReasonCrsGaussKruger,
  ReasonCrsGaussKrugerZoned,
  ReasonCrsNoCoordinates,
  ReasonCrsUnknownRange,
} from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import { positionFromWgs84 } from '../crs.ts'
import { esriPrj } from '../export/index.ts'
import type { Geometry, SourceDataset } from '../types.ts'
import { guessCrs } from './guess-crs.ts'

const CHENGDU = [
  [104.0612, 30.6612],
  [104.0812, 30.6712],
  [104.1012, 30.6512],
]

function dataset(
  points: number[][],
  prj: string | null = null,
  format: SourceDataset['format'] = 'shapefile',
): SourceDataset {
  return {
    format,
    columns: [],
    features: points.map((p, i) => ({
      n: i + 1,
      geometry: { type: 'Point', coordinates: p } satisfies Geometry,
      properties: {},
      issues: [],
    })),
    prj,
    encoding: null,
    geometryColumns: { lon: null, lat: null, wkt: null },
  }
}

const XIAN_1980_CM_105 =
  'PROJCS["Xian_1980_3_Degree_GK_CM_105E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'
const OGC_WKT_4544 =
  'PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 105E",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4490"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AUTHORITY["EPSG","4544"]]'

describe('guessing the system from what the file declares', () => {
  it.each(['4326', '4490', '4544', '4523'] as const)('reads our own EPSG:%s .prj back', (crs) => {
    const guess = guessCrs(dataset(CHENGDU, esriPrj(crs)))
    expect(guess).toEqual({ crs, reason: { reason: ReasonCrsDeclared, params: { source: 'prj', crs } } })
  })

  it('reads OGC WKT by its outermost EPSG authority, not the geographic one inside', () => {
    expect(guessCrs(dataset(CHENGDU, OGC_WKT_4544)).crs).toBe('4544')
  })

  it('reads GeoJSON crs names and EWKT SRIDs', () => {
    expect(guessCrs(dataset(CHENGDU, 'urn:ogc:def:crs:EPSG::4544', 'geojson'))).toEqual({
      crs: '4544',
      reason: { reason: ReasonCrsDeclared, params: { source: 'geojson_crs', crs: '4544' } },
    })
    expect(guessCrs(dataset(CHENGDU, 'urn:ogc:def:crs:OGC:1.3:CRS84', 'geojson')).crs).toBe('4326')
    expect(guessCrs(dataset(CHENGDU, 'EPSG:4490', 'csv')).reason.params).toEqual({
      source: 'wkt_srid',
      crs: '4490',
    })
  })

  it('refuses to guess for Xian 1980 Gauss-Kruger, which looks like EPSG:4544 by range', () => {
    const projected = CHENGDU.map(positionFromWgs84('4544'))
    const guess = guessCrs(dataset(projected, XIAN_1980_CM_105))
    expect(guess).toEqual({
      crs: null,
      reason: {
        reason: ReasonCrsDeclaredUnsupported,
        params: {
          source: 'prj',
          datum: 'Xian 1980',
          projection: 'transverse_mercator',
          centralMeridian: 105,
          falseEasting: 500_000,
        },
      },
    })
  })

  it('names an EPSG code it does not convert', () => {
    expect(guessCrs(dataset(CHENGDU, 'EPSG:3857', 'geojson'))).toEqual({
      crs: null,
      reason: { reason: ReasonCrsDeclaredUnsupported, params: { source: 'geojson_crs', epsg: '3857' } },
    })
  })

  it('falls back on the coordinates when the .prj says nothing it recognises', () => {
    const guess = guessCrs(dataset(CHENGDU, 'LOCAL_CS["unnamed"]'))
    expect(guess.crs).toBe('4326')
    expect(guess.reason).toMatchObject({ reason: ReasonCrsDegrees, params: { unrecognised: 'prj' } })
  })
})

describe('guessing the system from coordinate ranges', () => {
  it('takes degrees in China for WGS84 and says GCJ-02 and BD-09 look the same', () => {
    expect(guessCrs(dataset(CHENGDU))).toEqual({
      crs: '4326',
      reason: {
        reason: ReasonCrsDegrees,
        params: { x: [104.0612, 104.1012], y: [30.6512, 30.6712], crs: '4326' },
      },
    })
  })

  it('recognises Gauss-Kruger metres with and without the zone prefix', () => {
    const plain = guessCrs(dataset(CHENGDU.map(positionFromWgs84('4544'))))
    expect(plain).toMatchObject({
      crs: '4544',
      reason: { reason: ReasonCrsGaussKruger, params: { crs: '4544' } },
    })
    const zoned = guessCrs(dataset(CHENGDU.map(positionFromWgs84('4523'))))
    expect(zoned).toMatchObject({
      crs: '4523',
      reason: { reason: ReasonCrsGaussKrugerZoned, params: { crs: '4523' } },
    })
    const [low, high] = zoned.reason.params.x as [number, number]
    expect(low).toBeGreaterThan(35_000_000)
    expect(high).toBeLessThan(36_000_000)
  })

  it('says when latitude and longitude look swapped', () => {
    const guess = guessCrs(dataset(CHENGDU.map(([x, y]) => [y as number, x as number])))
    expect(guess).toMatchObject({
      crs: '4326',
      reason: { reason: ReasonCrsDegreesSwapped, params: { x: [30.6512, 30.6712], y: [104.0612, 104.1012] } },
    })
  })

  it('goes by the majority when a few positions are off', () => {
    const projected = CHENGDU.map(positionFromWgs84('4544'))
    const guess = guessCrs(dataset([...projected, ...projected, [0, 0]]))
    expect(guess.crs).toBe('4544')
    expect(guess.reason.params.decided).toEqual([6, 7])
  })

  it('gives up on coordinates of no system it knows, and on no coordinates', () => {
    expect(guessCrs(dataset([[12_345_678, 1_000]]))).toEqual({
      crs: null,
      reason: { reason: ReasonCrsUnknownRange, params: { x: [12_345_678, 12_345_678], y: [1_000, 1_000] } },
    })
    expect(guessCrs(dataset([]))).toEqual({
      crs: null,
      reason: { reason: ReasonCrsNoCoordinates, params: {} },
    })
  })
})

// Coordinate conversions between WGS84 (what we store) and the systems planners and design institutes work in:
// CGCS2000 geographic and Gauss-Kruger (国家2000坐标系, by proj4) and the offset systems of Chinese web maps, GCJ-02
// (火星坐标, Amap) and BD-09 (百度坐标, Baidu), by gcoord. Pure JavaScript: runs in Node and in the browser.
import type { ExportCrs, SourceCrs } from '@renewal-atlas/domain'
import gcoord, { type CRSTypes } from 'gcoord'
import proj4 from 'proj4'
import type { Geometry } from './types.ts'

/** A position as GeoJSON writes it: [x, y] (longitude/latitude or easting/northing). */
export type Position = number[]
export type PositionTransform = (position: Position) => Position

// CGCS2000 uses the GRS80 ellipsoid and is aligned with WGS84 to a few centimetres: no datum shift is applied.
const PROJ_DEFINITIONS = {
  'EPSG:4490': '+proj=longlat +ellps=GRS80 +no_defs',
  'EPSG:4544': '+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
  'EPSG:4523': '+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=35500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
} as const
for (const [code, definition] of Object.entries(PROJ_DEFINITIONS)) proj4.defs(code, definition)

type ProjCode = keyof typeof PROJ_DEFINITIONS
const PROJ_CODE: Readonly<Record<'4490' | '4544' | '4523', ProjCode>> = {
  '4490': 'EPSG:4490',
  '4544': 'EPSG:4544',
  '4523': 'EPSG:4523',
}
const OFFSET_SYSTEM = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const

const identity: PositionTransform = (p) => [p[0] as number, p[1] as number]

/** WGS84 lon/lat → the export system. Positions come out two-dimensional. */
export function positionFromWgs84(crs: ExportCrs): PositionTransform {
  if (crs === '4326') return identity
  if (crs === 'gcj02') return offsetTransform(gcoord.WGS84, gcoord.GCJ02)
  const converter = proj4('EPSG:4326', PROJ_CODE[crs])
  return (p) => converter.forward([p[0] as number, p[1] as number])
}

/** The source system → WGS84 lon/lat. Positions come out two-dimensional. */
export function positionToWgs84(crs: SourceCrs): PositionTransform {
  if (crs === '4326') return identity
  if (crs === 'gcj02' || crs === 'bd09') return offsetTransform(OFFSET_SYSTEM[crs], gcoord.WGS84)
  const converter = proj4(PROJ_CODE[crs], 'EPSG:4326')
  return (p) => converter.forward([p[0] as number, p[1] as number])
}

export function fromWgs84(geometry: Geometry, crs: ExportCrs): Geometry {
  return mapPositions(geometry, positionFromWgs84(crs))
}

export function toWgs84(geometry: Geometry, crs: SourceCrs): Geometry {
  return mapPositions(geometry, positionToWgs84(crs))
}

/** A copy of the geometry with every position passed through `transform`. */
export function mapPositions(geometry: Geometry, transform: PositionTransform): Geometry {
  const c = geometry.coordinates
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: transform(c) }
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: c.map(transform) }
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: c.map((line: Position[]) => line.map(transform)) }
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: c.map((polygon: Position[][]) => polygon.map((ring) => ring.map(transform))),
      }
  }
}

function offsetTransform(from: CRSTypes, to: CRSTypes): PositionTransform {
  return (p) => gcoord.transform<[number, number]>([p[0] as number, p[1] as number], from, to)
}

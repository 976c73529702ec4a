// Coordinate systems of exports and imports: the EPSG systems design institutes ask for, and GCJ-02 for Amap overlays.
import type { z } from 'zod'
import { labelledEnum } from '../labels.ts'

/**
 * Coordinate systems of exports. `4326` WGS84 lon/lat (RFC 7946, the default); `4490` CGCS2000 geographic;
 * `4544` CGCS2000 3-degree Gauss-Kruger CM 105E in metres (easting without zone); `4523` the same zone 35 with the
 * zone prefix in the easting (35xxxxxx); `gcj02` the GCJ-02 offset of Amap-based maps (not an EPSG system).
 */
export const exportCrs = labelledEnum({
  '4326': { zh: 'WGS84 经纬度（EPSG:4326，默认）', en: 'WGS84 longitude/latitude (EPSG:4326, default)' },
  '4490': { zh: 'CGCS2000 经纬度（EPSG:4490）', en: 'CGCS2000 geographic (EPSG:4490)' },
  '4544': {
    zh: 'CGCS2000 3度带高斯-克吕格 中央经线105°E，米（EPSG:4544）',
    en: 'CGCS2000 3-degree Gauss-Kruger CM 105E, metres (EPSG:4544)',
  },
  '4523': {
    zh: 'CGCS2000 3度带高斯-克吕格 第35带，含带号，米（EPSG:4523）',
    en: 'CGCS2000 3-degree Gauss-Kruger zone 35 with zone prefix, metres (EPSG:4523)',
  },
  gcj02: { zh: 'GCJ-02 火星坐标（高德地图叠加用）', en: 'GCJ-02 (for overlay on Amap-based maps)' },
})
export type ExportCrs = z.infer<typeof exportCrs.schema>

export interface CrsInfo {
  /** EPSG code, or null for GCJ-02. */
  epsg: number | null
  /** Appears in file names when the system is not WGS84, e.g. `compounds_EPSG4544.geojson`. */
  fileTag: string | null
  /** Axis units: degrees (lon/lat) or metres (easting/northing). */
  units: 'degree' | 'metre'
  /** Decimals written: 7 for degrees (about 1 cm), 3 for metres (1 mm). */
  decimals: number
  /** OGC CRS URI (OGC API, metadata sidecar). */
  uri: string | null
}

export const CRS_INFO: Readonly<Record<ExportCrs, CrsInfo>> = {
  '4326': {
    epsg: 4326,
    fileTag: null,
    units: 'degree',
    decimals: 7,
    uri: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  },
  '4490': {
    epsg: 4490,
    fileTag: 'EPSG4490',
    units: 'degree',
    decimals: 7,
    uri: 'http://www.opengis.net/def/crs/EPSG/0/4490',
  },
  '4544': {
    epsg: 4544,
    fileTag: 'EPSG4544',
    units: 'metre',
    decimals: 3,
    uri: 'http://www.opengis.net/def/crs/EPSG/0/4544',
  },
  '4523': {
    epsg: 4523,
    fileTag: 'EPSG4523',
    units: 'metre',
    decimals: 3,
    uri: 'http://www.opengis.net/def/crs/EPSG/0/4523',
  },
  gcj02: { epsg: null, fileTag: 'GCJ02', units: 'degree', decimals: 7, uri: null },
}

/** Formats that need a projected system in metres: DXF is drawn in Gauss-Kruger metres only. */
export const DXF_CRS: readonly ExportCrs[] = ['4544', '4523']

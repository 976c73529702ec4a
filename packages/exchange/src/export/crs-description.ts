// How an export's coordinate system is described to people and programs (README, metadata sidecar): its proper
// name, axis order and the caveats a designer needs, in Chinese and English.
import type { ExportCrs, Label } from '@renewal-atlas/domain'

export interface CrsDescription {
  name: Label
  axisOrder: Label
  /** What to watch for with this system (null: nothing). */
  note: Label | null
}

const LON_LAT: Label = {
  zh: '经度, 纬度（x = 经度，y = 纬度）',
  en: 'longitude, latitude (x = lon, y = lat)',
}
const EAST_NORTH: Label = {
  zh: '东坐标, 北坐标（x = 东，y = 北；注意测量习惯中 X 为北坐标、Y 为东坐标）',
  en: 'easting, northing (x = east, y = north; Chinese surveying calls northing X and easting Y)',
}

export const CRS_DESCRIPTIONS: Readonly<Record<ExportCrs, CrsDescription>> = {
  '4326': { name: { zh: 'WGS 84 经纬度', en: 'WGS 84' }, axisOrder: LON_LAT, note: null },
  '4490': {
    name: {
      zh: '2000 国家大地坐标系（CGCS2000）经纬度',
      en: 'China Geodetic Coordinate System 2000 (CGCS2000)',
    },
    axisOrder: LON_LAT,
    note: {
      zh: 'EPSG 登记的轴序为纬度在前，本文件与常用 GIS 软件一致，经度在前。',
      en: 'The EPSG register puts latitude first; this file puts longitude first, as GIS software does.',
    },
  },
  '4544': {
    name: {
      zh: 'CGCS2000 3度带高斯-克吕格投影 中央经线 105°E（不含带号）',
      en: 'CGCS2000 / 3-degree Gauss-Kruger CM 105E',
    },
    axisOrder: EAST_NORTH,
    note: {
      zh: '单位为米，东坐标含 500000 米假东，不含带号。',
      en: 'Metres; eastings include the 500,000 m false easting, without the zone number.',
    },
  },
  '4523': {
    name: {
      zh: 'CGCS2000 3度带高斯-克吕格投影 第 35 带（含带号）',
      en: 'CGCS2000 / 3-degree Gauss-Kruger zone 35',
    },
    axisOrder: EAST_NORTH,
    note: {
      zh: '单位为米，东坐标以带号 35 开头（35500000 米假东）。',
      en: 'Metres; eastings start with the zone number 35 (false easting 35,500,000 m).',
    },
  },
  gcj02: {
    name: { zh: 'GCJ-02（火星坐标）', en: 'GCJ-02' },
    axisOrder: LON_LAT,
    note: {
      zh: 'GCJ-02 不是 EPSG 坐标系，只用于叠加到高德等国内在线地图；没有 .prj，不宜用于测量和设计。',
      en: 'GCJ-02 is not an EPSG system; it is for overlay on Amap-based maps only, has no .prj and is not for survey or design work.',
    },
  },
}

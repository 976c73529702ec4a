// The .prj of a Shapefile: the coordinate system in ESRI's WKT dialect, as ArcGIS writes it and GDAL, QGIS and
// ArcGIS recognise it (GDAL matches these to EPSG:4326, 4490, 4544 and 4523). GCJ-02 is an obfuscated offset with
// no WKT: a GCJ-02 Shapefile has no .prj, and its metadata and file name say what it is.
import type { ExportCrs } from '@renewal-atlas/domain'

const DEGREE = 'UNIT["Degree",0.0174532925199433]'
const WGS84 = `GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],${DEGREE}]`
const CGCS2000 = `GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],${DEGREE}]`

/** CGCS2000 3-degree Gauss-Kruger (高斯-克吕格) with central meridian 105°E and the given false easting. */
const gaussKruger = (name: string, falseEasting: number) =>
  `PROJCS["${name}",${CGCS2000},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting.toFixed(1)}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`

const PRJ: Readonly<Record<ExportCrs, string | null>> = {
  '4326': WGS84,
  '4490': CGCS2000,
  '4544': gaussKruger('CGCS2000_3_Degree_GK_CM_105E', 500_000),
  '4523': gaussKruger('CGCS2000_3_Degree_GK_Zone_35', 35_500_000),
  gcj02: null,
}

/** ESRI WKT of the system, or null when it has none (GCJ-02). */
export function esriPrj(crs: ExportCrs): string | null {
  return PRJ[crs]
}

import { describe, expect, it } from 'vitest'
import { esriPrj } from './prj.ts'

// GDAL's recognition of each .prj is checked in tests/exchange/writers-gdal.test.ts.
describe('ESRI .prj text', () => {
  it('describes the Gauss-Kruger systems with central meridian 105 and their false eastings', () => {
    expect(esriPrj('4544')).toMatch(
      /^PROJCS\["CGCS2000_3_Degree_GK_CM_105E",GEOGCS\["GCS_China_Geodetic_Coordinate_System_2000"/,
    )
    expect(esriPrj('4544')).toContain('PARAMETER["False_Easting",500000.0]')
    expect(esriPrj('4523')).toContain('PROJCS["CGCS2000_3_Degree_GK_Zone_35"')
    expect(esriPrj('4523')).toContain('PARAMETER["False_Easting",35500000.0]')
    for (const crs of ['4544', '4523'] as const)
      expect(esriPrj(crs)).toContain('PARAMETER["Central_Meridian",105.0]')
  })

  it('describes the geographic systems, and has none for GCJ-02', () => {
    expect(esriPrj('4326')).toMatch(/^GEOGCS\["GCS_WGS_1984"/)
    expect(esriPrj('4490')).toMatch(
      /^GEOGCS\["GCS_China_Geodetic_Coordinate_System_2000",DATUM\["D_China_2000"/,
    )
    expect(esriPrj('gcj02')).toBeNull()
  })
})

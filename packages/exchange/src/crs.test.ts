import gcoord from 'gcoord'
import { describe, expect, it } from 'vitest'
import { fromWgs84, positionFromWgs84, positionToWgs84, toWgs84 } from './crs.ts'

/** Metres between two WGS84 positions (equirectangular: exact enough over a few metres). */
function metresBetween(a: number[], b: number[]): number {
  const lat = (((a[1] as number) + (b[1] as number)) / 2) * (Math.PI / 180)
  const dx = ((a[0] as number) - (b[0] as number)) * 111_320 * Math.cos(lat)
  const dy = ((a[1] as number) - (b[1] as number)) * 110_574
  return Math.hypot(dx, dy)
}

// Wufuyuan (五福苑), Jinjiang, Chengdu, and the corners of the district's neighbourhood.
const CHENGDU = [
  [104.0612345, 30.6712345],
  [104.02, 30.6],
  [104.12, 30.72],
]

describe('CGCS2000 Gauss-Kruger and geographic', () => {
  it('puts Chengdu about 410 km east of the false origin in EPSG:4544, and adds the zone prefix 35 in EPSG:4523', () => {
    const [x, y] = positionFromWgs84('4544')([104.0612345, 30.6712345]) as [number, number]
    expect(x).toBeGreaterThan(405_000)
    expect(x).toBeLessThan(415_000)
    expect(y).toBeGreaterThan(3_390_000)
    expect(y).toBeLessThan(3_400_000)
    const [zoned] = positionFromWgs84('4523')([104.0612345, 30.6712345]) as [number]
    expect(zoned - x).toBeCloseTo(35_000_000, 6)
  })

  it.each(['4544', '4523'] as const)('goes to EPSG:%s and back within a millimetre', (crs) => {
    const there = positionFromWgs84(crs)
    const back = positionToWgs84(crs)
    for (const p of CHENGDU) {
      const projected = there(p)
      const again = there(back(projected))
      expect(
        Math.hypot(
          (again[0] as number) - (projected[0] as number),
          (again[1] as number) - (projected[1] as number),
        ),
      ).toBeLessThan(0.001)
      expect(metresBetween(back(projected), p)).toBeLessThan(0.001)
    }
  })

  it('goes to EPSG:4490 and back within 1e-9 degrees', () => {
    for (const p of CHENGDU) {
      const back = positionToWgs84('4490')(positionFromWgs84('4490')(p))
      expect(Math.abs((back[0] as number) - (p[0] as number))).toBeLessThan(1e-9)
      expect(Math.abs((back[1] as number) - (p[1] as number))).toBeLessThan(1e-9)
    }
  })
})

describe('GCJ-02 and BD-09', () => {
  it('offsets WGS84 by a few hundred metres in GCJ-02, as gcoord does', () => {
    const p = [104.0612345, 30.6712345]
    const gcj = positionFromWgs84('gcj02')(p)
    expect(gcj).toEqual(gcoord.transform([104.0612345, 30.6712345], gcoord.WGS84, gcoord.GCJ02))
    expect(metresBetween(gcj, p)).toBeGreaterThan(100)
    expect(metresBetween(gcj, p)).toBeLessThan(800)
  })

  it('comes back from GCJ-02 within a metre of the original', () => {
    for (const p of CHENGDU)
      expect(metresBetween(positionToWgs84('gcj02')(positionFromWgs84('gcj02')(p)), p)).toBeLessThan(1)
  })

  it('reads BD-09 within a metre of gcoord’s inverse', () => {
    for (const p of CHENGDU) {
      const bd = gcoord.transform([p[0] as number, p[1] as number], gcoord.WGS84, gcoord.BD09)
      expect(metresBetween(positionToWgs84('bd09')(bd), p)).toBeLessThan(1)
    }
  })
})

describe('geometries', () => {
  it('converts every position of a polygon with a hole and keeps its structure', () => {
    const ring = (x: number, y: number, d: number) => [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ]
    const polygon = {
      type: 'Polygon' as const,
      coordinates: [ring(104.06, 30.66, 0.01), ring(104.063, 30.663, 0.002)],
    }
    const projected = fromWgs84(polygon, '4544')
    expect(projected.type).toBe('Polygon')
    expect(projected.coordinates.map((r: number[][]) => r.length)).toEqual([5, 5])
    expect(projected.coordinates[0][0][0]).toBeGreaterThan(400_000)
    const back = toWgs84(projected, '4544')
    expect(back.coordinates[1][2][0]).toBeCloseTo(104.065, 9)
    expect(back.coordinates[1][2][1]).toBeCloseTo(30.665, 9)
  })

  it('drops a third dimension', () => {
    expect(toWgs84({ type: 'Point', coordinates: [104.06, 30.66, 500] }, '4326').coordinates).toEqual([
      104.06, 30.66,
    ])
  })
})

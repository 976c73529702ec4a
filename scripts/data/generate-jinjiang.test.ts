// Checks the committed Jinjiang demo data set (data/jinjiang): determinism, schemas, calibration totals
// from the case study and the geometry rules the rest of the product relies on.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildRoadGraph, findDeadEnds } from '@renewal-atlas/analysis'
import {
  type BuildingProperties,
  type CommunityProperties,
  type CompoundProperties,
  datasetFiles,
  type FacilityProperties,
  type FindingProperties,
  type ProjectRecord,
  type RenovationTargetRecord,
  type RoadProperties,
  type StreetProperties,
  type SuggestionProperties,
} from '@renewal-atlas/domain'
import * as turf from '@turf/turf'
import type { Feature, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDivisions } from './sources.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const dataDir = path.join(root, 'data/jinjiang')
const read = (file: string) => JSON.parse(readFileSync(path.join(dataDir, file), 'utf8'))
type F<P, G extends Geometry = Polygon> = Feature<G, P>

const district = read(datasetFiles.district.file).features as F<unknown, Polygon | MultiPolygon>[]
const streets = read(datasetFiles.streets.file).features as F<StreetProperties, Polygon | MultiPolygon>[]
const communities = read(datasetFiles.communities.file).features as F<
  CommunityProperties,
  Polygon | MultiPolygon
>[]
const compounds = read(datasetFiles.compounds.file).features as F<CompoundProperties>[]
const buildings = read(datasetFiles.buildings.file).features as F<BuildingProperties>[]
const roads = read(datasetFiles.roads.file).features as F<RoadProperties, LineString>[]
const facilities = read(datasetFiles.facilities.file).features as F<FacilityProperties, Point>[]
const projects = read(datasetFiles.projects.file) as ProjectRecord[]
const findings = read(datasetFiles.findings.file).features as F<FindingProperties, Point>[]
const suggestions = read(datasetFiles.suggestions.file).features as F<SuggestionProperties, Point>[]
const targets = read(datasetFiles.targets.file) as RenovationTargetRecord[]
const wufuyuan = compounds.find((c) => c.properties.name === '五福苑') as F<CompoundProperties>
const wufuyuanProject = projects.find((p) =>
  p.compoundCodes.includes(wufuyuan?.properties.code),
) as ProjectRecord

/** Metres per degree near 30.6°N, for quick planar checks. */
const KX = 95_890
const KY = 110_863
const bboxOf = (coords: Position[]) => {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const [x, y] of coords as [number, number][]) {
    x0 = Math.min(x0, x)
    y0 = Math.min(y0, y)
    x1 = Math.max(x1, x)
    y1 = Math.max(y1, y)
  }
  return [x0, y0, x1, y1] as const
}
/** Planar distance from p to segment ab. */
const segmentDistance = (p: [number, number], a: [number, number], b: [number, number]) => {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2))
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy))
}
const bboxesMeet = (a: readonly number[], b: readonly number[]) =>
  !(
    (a[2] as number) < (b[0] as number) ||
    (b[2] as number) < (a[0] as number) ||
    (a[3] as number) < (b[1] as number) ||
    (b[3] as number) < (a[1] as number)
  )

describe('regeneration', () => {
  let tmp = ''
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'jinjiang-'))
  })
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('gives byte-identical files', () => {
    const tsx = path.join(root, 'node_modules/.bin/tsx')
    execFileSync(tsx, [path.join(root, 'scripts/data/generate-jinjiang.ts'), '--out', tmp], {
      cwd: root,
      stdio: 'pipe',
    })
    for (const { file } of Object.values(datasetFiles)) {
      const a = readFileSync(path.join(dataDir, file))
      const b = readFileSync(path.join(tmp, file))
      expect(b.equals(a), `${file} differs from the committed file`).toBe(true)
    }
  })
})

describe('files', () => {
  it.each(Object.entries(datasetFiles))('%s parses with its schema', (_key, { file, schema }) => {
    const result = schema.safeParse(read(file))
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3))).toBe(true)
  })

  it('is RFC 7946: counter-clockwise exteriors, clockwise holes, at most 7 decimals, trailing newline', () => {
    const rings: [Position[], boolean][] = []
    const addArea = (g: Polygon | MultiPolygon) => {
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
      for (const p of polys)
        p.forEach((r, i) => {
          rings.push([r, i === 0])
        })
    }
    for (const f of [...district, ...streets, ...communities, ...compounds, ...buildings]) addArea(f.geometry)
    for (const [ring, exterior] of rings) {
      expect(turf.booleanClockwise(ring as never)).toBe(!exterior)
      expect(ring[0]).toEqual(ring[ring.length - 1])
    }
    for (const { file } of Object.values(datasetFiles)) {
      const text = readFileSync(path.join(dataDir, file), 'utf8')
      expect(text.endsWith('\n')).toBe(true)
      expect(/\d\.\d{8,}/.test(text), `${file} has more than 7 decimals`).toBe(false)
    }
  })

  it('stays below 15 MB', () => {
    const total = Object.values(datasetFiles).reduce(
      (s, { file }) => s + statSync(path.join(dataDir, file)).size,
      0,
    )
    expect(total).toBeLessThan(15 * 1024 * 1024)
  })
})

describe('calibration (case-study totals)', () => {
  const register = compounds.filter((c) => c.properties.onOldRegister)
  const completed = register.filter((c) => c.properties.renovationStatus === 'completed')

  it('has 1,189 compounds, 751 on the register, 477 renovated with 54,000 households', () => {
    expect(compounds).toHaveLength(1189)
    expect(register).toHaveLength(751)
    expect(completed).toHaveLength(477)
    expect(completed.reduce((s, c) => s + c.properties.households, 0)).toBe(54_000)
    expect(compounds.filter((c) => c.properties.renovationStatus === 'completed')).toHaveLength(477)
  })

  it('keeps status, years and the review list consistent', () => {
    for (const { properties: c } of compounds) {
      if (c.onOldRegister) expect(c.builtYear).toBeLessThanOrEqual(2004)
      else expect(c.renovationStatus).toBe('not_planned')
      if (c.renovationStatus === 'completed') {
        expect(c.renovationYear).toBeGreaterThanOrEqual(2015)
        expect(c.renovationYear).toBeLessThanOrEqual(2023)
      } else expect(c.renovationYear).toBeNull()
      expect(c.residents / Math.max(1, c.households)).toBeGreaterThanOrEqual(2.49)
      expect(c.residents / Math.max(1, c.households)).toBeLessThanOrEqual(3.11)
    }
    const review = compounds.filter((c) => !c.properties.onOldRegister && c.properties.builtYear <= 2004)
    expect(review.length).toBeGreaterThanOrEqual(20)
    expect(review.length).toBeLessThanOrEqual(40)
    const statuses = new Set(register.map((c) => c.properties.renovationStatus))
    expect([...statuses].sort()).toEqual(['completed', 'not_planned', 'planned', 'under_way'])
  })

  it('puts older compounds toward the historic centre', () => {
    const centre = turf.point([104.083, 30.656])
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    const d = (c: F<CompoundProperties>) => turf.distance(centre, turf.centroid(c), { units: 'meters' })
    expect(mean(register.map(d))).toBeLessThan(
      mean(compounds.filter((c) => c.properties.builtYear > 2004).map(d)),
    )
  })

  it('matches buildings to compounds (count, households, built year)', () => {
    const byCompound = new Map<string, BuildingProperties[]>()
    for (const b of buildings)
      byCompound.set(b.properties.compoundCode, [
        ...(byCompound.get(b.properties.compoundCode) ?? []),
        b.properties,
      ])
    for (const { properties: c } of compounds) {
      const own = byCompound.get(c.code) ?? []
      expect(own.length).toBe(c.buildingCount)
      expect(own.reduce((s, b) => s + b.households, 0)).toBe(c.households)
      for (const b of own) expect(b.builtYear).toBe(c.builtYear)
    }
  })

  it('has Wufuyuan (五福苑) exactly as in the case', () => {
    expect(wufuyuan.properties).toMatchObject({
      name: '五福苑',
      communityCode: '510104030004',
      address: '马家沟1号',
      builtYear: 1996,
      buildingCount: 9,
      households: 497,
      residents: 1500,
      floorAreaM2: 33000,
      onOldRegister: true,
      renovationStatus: 'completed',
      renovationYear: 2021,
      managementType: 'trust_property',
    })
    expect(wufuyuanProject.items).toHaveLength(13)
    const fund = (s: string) => wufuyuanProject.funding.find((f) => f.source === s)?.amountYuan ?? 0
    expect(fund('fiscal')).toBeGreaterThan(15_000_000)
    expect(fund('enterprise')).toBeGreaterThan(700_000)
    expect(fund('social_capital')).toBeGreaterThan(0)
    expect(fund('residents')).toBeGreaterThan(0)
    const names = facilities.map((f) => f.properties.name)
    for (const n of ['知福堂', '味福堂', '品福堂', '乐福堂', '聚福堂']) expect(names).toContain(n)
    const halls = facilities.filter((f) =>
      ['知福堂', '味福堂', '品福堂', '乐福堂', '聚福堂'].includes(f.properties.name),
    )
    expect(halls.reduce((s, f) => s + (f.properties.floorAreaM2 ?? 0), 0)).toBeGreaterThan(1000)
  })

  it("has Wufuyuan's 288 night-talk suggestions, 192 of them agreed", () => {
    expect(suggestions).toHaveLength(288)
    const agreed = suggestions.filter((s) => s.properties.status !== 'collected')
    expect(agreed).toHaveLength(192)
    for (const s of suggestions) {
      expect(s.properties.compoundCode).toBe(wufuyuan.properties.code)
      expect(s.properties.projectCode).toBe(s.properties.status === 'project' ? wufuyuanProject.code : null)
      expect(turf.booleanPointInPolygon(s, wufuyuan)).toBe(true)
    }
    const night = suggestions.filter((s) => s.properties.channel === 'night_talk').length
    expect(night / suggestions.length).toBeGreaterThan(0.6)
  })

  it('has one renovation target, synthetic: the whole register renovated by the end of 2027', () => {
    expect(targets).toEqual([
      {
        districtCode: '510104',
        year: 2027,
        oldCompoundShare: 1,
        name: '2027年底前完成清单内全部老旧小区改造（演示目标）',
        nameEn: 'All register compounds renovated by the end of 2027 (demo target)',
        synthetic: true,
      },
    ])
  })

  it('lists the 11 streets and 76 communities with their real codes', () => {
    const real = loadDivisions('510104')
    expect(streets.map((s) => s.properties.code).sort()).toEqual(real.streets.map((s) => s.code))
    expect(communities.map((c) => c.properties.code).sort()).toEqual(real.communities.map((c) => c.code))
    for (const c of communities) {
      const r = real.communities.find((x) => x.code === c.properties.code)
      expect(c.properties.officialName).toBe(r?.officialName)
      expect(c.properties.streetCode).toBe(r?.streetCode)
    }
  })

  it('keeps projects consistent: budgets, funding, dates, compounds', () => {
    const byCode = new Map(compounds.map((c) => [c.properties.code, c.properties]))
    const withProject = new Set(projects.flatMap((p) => p.compoundCodes))
    for (const c of compounds)
      if (c.properties.renovationStatus === 'completed') expect(withProject.has(c.properties.code)).toBe(true)
    expect(new Set(projects.map((p) => p.code)).size).toBe(projects.length)
    for (const p of projects) {
      expect(p.items.reduce((s, i) => s + i.costYuan, 0)).toBe(p.budgetYuan)
      expect(p.funding.reduce((s, f) => s + f.amountYuan, 0)).toBe(p.budgetYuan)
      const c = byCode.get(p.compoundCodes[0] as string) as CompoundProperties
      if (p.status === 'completed') {
        expect(c.renovationStatus).toBe('completed')
        expect(Number(p.completionDate?.slice(0, 4))).toBe(c.renovationYear)
        expect((p.startDate as string) < (p.completionDate as string)).toBe(true)
      } else expect(p.completionDate).toBeNull()
    }
    const projectCodes = new Set(projects.map((p) => p.code))
    const byProject = new Map(projects.map((p) => [p.code, p]))
    for (const f of findings) {
      expect(f.properties.foundDate <= '2025-06-30').toBe(true)
      if (!f.properties.projectCode) continue
      expect(projectCodes.has(f.properties.projectCode)).toBe(true)
      const start = byProject.get(f.properties.projectCode)?.startDate
      if (start) expect(f.properties.foundDate < start).toBe(true)
    }
    const wfyFindings = findings.filter((f) => f.properties.compoundCode === wufuyuan.properties.code)
    for (const ind of ['waterlogging', 'wall_leak', 'parking_shortage'])
      expect(
        wfyFindings.some(
          (f) =>
            f.properties.indicator === ind &&
            f.properties.status === 'resolved' &&
            f.properties.projectCode === wufuyuanProject.code,
        ),
      ).toBe(true)
  })
})

describe('geometry', () => {
  const districtArea = turf.area(district[0] as never)

  type Area = Feature<Polygon | MultiPolygon>
  const areaOf = (f: Area | null) => (f ? turf.area(f) : 0)
  /** Area (m²) shared by two outlines; 0 when their boxes do not meet. */
  const overlap = (a: Area, b: Area) =>
    bboxesMeet(turf.bbox(a), turf.bbox(b))
      ? areaOf(turf.intersect(turf.featureCollection([a, b])) as Area | null)
      : 0
  const streetOf = new Map(streets.map((s) => [s.properties.code, s]))

  it('tiles the district with the streets: together they are the district, and no two overlap', () => {
    // Within rounding: where a road meets the outline, the street's corner is rounded to 7 decimals (≤ 1 cm).
    const union = turf.union(turf.featureCollection(streets)) as Area
    const gaps = turf.difference(turf.featureCollection([district[0] as Area, union])) as Area | null
    const spill = turf.difference(turf.featureCollection([union, district[0] as Area])) as Area | null
    expect(areaOf(gaps) / districtArea).toBeLessThan(1e-6)
    expect(areaOf(spill) / districtArea).toBeLessThan(1e-6)
    for (let i = 0; i < streets.length; i++)
      for (let j = i + 1; j < streets.length; j++)
        expect(overlap(streets[i] as Area, streets[j] as Area), `${i} × ${j}`).toBeLessThan(1)
  })

  it("puts every community inside its street, and a street's communities tile it", () => {
    for (const c of communities) {
      const street = streetOf.get(c.properties.streetCode) as Area
      const outside = turf.difference(turf.featureCollection([c as Area, street])) as Area | null
      expect(areaOf(outside), c.properties.code).toBeLessThan(1)
      // Exactly, vertex by vertex, as PostGIS's ST_CoveredBy in the app judges it.
      expect(turf.booleanWithin(c, street), c.properties.code).toBe(true)
    }
    for (const s of streets) {
      const own = communities.filter((c) => c.properties.streetCode === s.properties.code)
      const sum = own.reduce((t, c) => t + turf.area(c), 0)
      expect(Math.abs(sum - turf.area(s)) / turf.area(s)).toBeLessThan(1e-4)
      for (let i = 0; i < own.length; i++)
        for (let j = i + 1; j < own.length; j++)
          expect(overlap(own[i] as Area, own[j] as Area), `${i} × ${j}`).toBeLessThan(1)
    }
  })

  it('draws every street and community as one valid polygon: no kinks, no holes, no slivers', () => {
    for (const f of [...streets, ...communities]) {
      const code = f.properties.code
      expect(f.geometry.type, code).toBe('Polygon')
      expect((f.geometry as Polygon).coordinates, code).toHaveLength(1)
      expect(turf.kinks(f as never).features, code).toHaveLength(0)
      expect(turf.booleanValid(f), code).toBe(true)
      // A sliver is thin: its area is small against its perimeter (a square scores 0.79, a 10:1 strip 0.26).
      const perimeter = turf.length(turf.polygonToLine(f as Feature<Polygon>) as never, {
        units: 'meters',
      })
      expect((4 * Math.PI * turf.area(f)) / perimeter ** 2, code).toBeGreaterThan(0.1)
      expect(turf.area(f), code).toBeGreaterThan(50_000)
    }
  })

  it('runs street and community boundaries along roads, and along the district outline where no road runs', () => {
    // Metres in a local frame; the road centrelines and the outline as segments, in a 100 m grid for lookup.
    const m = (p: Position): [number, number] => [(p[0] as number) * KX, (p[1] as number) * KY]
    const nearAny = (segments: [number, number][][]) => {
      const cell = 100
      const grid = new Map<string, [number, number][][]>()
      for (const s of segments) {
        const [x0, y0, x1, y1] = bboxOf(s)
        for (let gx = Math.floor(x0 / cell) - 1; gx <= Math.floor(x1 / cell) + 1; gx++)
          for (let gy = Math.floor(y0 / cell) - 1; gy <= Math.floor(y1 / cell) + 1; gy++)
            grid.set(`${gx}:${gy}`, [...(grid.get(`${gx}:${gy}`) ?? []), s])
      }
      return (p: [number, number], toleranceM: number) =>
        (grid.get(`${Math.floor(p[0] / cell)}:${Math.floor(p[1] / cell)}`) ?? []).some(
          ([a, b]) => segmentDistance(p, a as [number, number], b as [number, number]) <= toleranceM,
        )
    }
    const nearRoad = nearAny(roads.map((r) => r.geometry.coordinates.map(m)))
    const ring = ((district[0] as Area).geometry as Polygon).coordinates[0] as Position[]
    const nearOutline = nearAny(ring.slice(1).map((p, k) => [m(ring[k] as Position), m(p)]))
    /** Of the boundary not on the district outline, the share (by length) within 5 m of a road centreline. */
    const shareAlongRoads = (f: Area) => {
      let inner = 0
      let alongRoad = 0
      const outer = (f.geometry as Polygon).coordinates[0] as Position[]
      for (let k = 0; k + 1 < outer.length; k++) {
        const a = m(outer[k] as Position)
        const b = m(outer[k + 1] as Position)
        const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 5))
        const step = Math.hypot(b[0] - a[0], b[1] - a[1]) / steps
        for (let i = 0; i < steps; i++) {
          const t = (i + 0.5) / steps
          const p: [number, number] = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
          if (nearOutline(p, 5)) continue
          inner += step
          if (nearRoad(p, 5)) alongRoad += step
        }
      }
      return inner === 0 ? 1 : alongRoad / inner
    }
    // Straight cuts through the blocks (the generator's earlier Voronoi outlines) scored about 0.07 here.
    for (const f of [...streets, ...communities])
      expect(shareAlongRoads(f as Area), f.properties.code).toBeGreaterThan(0.95)
  })

  it('keeps every compound inside its community and its street, and compounds apart', () => {
    const comm = new Map(communities.map((c) => [c.properties.code, c]))
    for (const c of compounds) {
      const community = comm.get(c.properties.communityCode) as (typeof communities)[number]
      expect(turf.booleanWithin(c, community as never), c.properties.code).toBe(true)
      expect(
        turf.booleanWithin(c, streetOf.get(community.properties.streetCode) as never),
        c.properties.code,
      ).toBe(true)
    }
    const boxes = compounds.map((c) => bboxOf(c.geometry.coordinates[0] as Position[]))
    for (let i = 0; i < compounds.length; i++)
      for (let j = i + 1; j < compounds.length; j++)
        if (bboxesMeet(boxes[i] as never, boxes[j] as never))
          expect(turf.booleanIntersects(compounds[i] as never, compounds[j] as never), `${i} ${j}`).toBe(
            false,
          )
  })

  it('keeps buildings inside their compound and apart', () => {
    const byCode = new Map(compounds.map((c) => [c.properties.code, c]))
    const byCompound = new Map<string, F<BuildingProperties>[]>()
    for (const b of buildings) {
      expect(turf.booleanWithin(b, byCode.get(b.properties.compoundCode) as never), b.properties.code).toBe(
        true,
      )
      byCompound.set(b.properties.compoundCode, [...(byCompound.get(b.properties.compoundCode) ?? []), b])
    }
    for (const own of byCompound.values())
      for (let i = 0; i < own.length; i++)
        for (let j = i + 1; j < own.length; j++)
          expect(turf.booleanIntersects(own[i] as never, own[j] as never)).toBe(false)
  })

  // Road segments in metres, for the graph checks.
  const segs = roads.map(
    (r) =>
      r.geometry.coordinates.map(([x, y]) => [(x as number) * KX, (y as number) * KY]) as [number, number][],
  )

  it('has a noded road network: segments meet only at shared end points', () => {
    for (const r of roads) expect(r.geometry.coordinates.length).toBeGreaterThanOrEqual(2)
    // Every road is a straight 2-point segment between junctions; check all pairs with a grid index.
    const cell = 300
    const grid = new Map<string, number[]>()
    segs.forEach((s, i) => {
      const [x0, y0, x1, y1] = bboxOf(s)
      for (let gx = Math.floor(x0 / cell); gx <= Math.floor(x1 / cell); gx++)
        for (let gy = Math.floor(y0 / cell); gy <= Math.floor(y1 / cell); gy++)
          grid.set(`${gx}:${gy}`, [...(grid.get(`${gx}:${gy}`) ?? []), i])
    })
    const checked = new Set<string>()
    let pairs = 0
    for (const ids of grid.values())
      for (const i of ids)
        for (const j of ids) {
          if (j <= i || checked.has(`${i}:${j}`)) continue
          checked.add(`${i}:${j}`)
          pairs++
          const a = segs[i] as [number, number][]
          const b = segs[j] as [number, number][]
          for (let k = 0; k + 1 < a.length; k++)
            for (let l = 0; l + 1 < b.length; l++) {
              const p = a[k] as [number, number]
              const p2 = a[k + 1] as [number, number]
              const q = b[l] as [number, number]
              const q2 = b[l + 1] as [number, number]
              const d1 = (p2[0] - p[0]) * (q[1] - p[1]) - (p2[1] - p[1]) * (q[0] - p[0])
              const d2 = (p2[0] - p[0]) * (q2[1] - p[1]) - (p2[1] - p[1]) * (q2[0] - p[0])
              const d3 = (q2[0] - q[0]) * (p[1] - q[1]) - (q2[1] - q[1]) * (p[0] - q[0])
              const d4 = (q2[0] - q[0]) * (p2[1] - q[1]) - (q2[1] - q[1]) * (p2[0] - q[0])
              const shared = [p, p2].some((x) => [q, q2].some((y) => x[0] === y[0] && x[1] === y[1]))
              const proper = d1 * d2 < 0 && d3 * d4 < 0
              expect(
                proper && !shared,
                `roads ${roads[i]?.properties.code} and ${roads[j]?.properties.code} cross`,
              ).toBe(false)
              // No T-junction without a shared vertex: no end point lies inside the other segment.
              for (const [x, s0, s1] of [
                [p, q, q2],
                [p2, q, q2],
                [q, p, p2],
                [q2, p, p2],
              ] as [number, number][][]) {
                const sx = (s1 as number[])[0] as number
                const sy = (s1 as number[])[1] as number
                const ax = (s0 as number[])[0] as number
                const ay = (s0 as number[])[1] as number
                const px = (x as number[])[0] as number
                const py = (x as number[])[1] as number
                const len2 = (sx - ax) ** 2 + (sy - ay) ** 2
                const t = ((px - ax) * (sx - ax) + (py - ay) * (sy - ay)) / len2
                if (t <= 1e-6 || t >= 1 - 1e-6) continue
                const dd = Math.hypot(px - (ax + t * (sx - ax)), py - (ay + t * (sy - ay)))
                expect(
                  dd < 0.05,
                  `${roads[i]?.properties.code} / ${roads[j]?.properties.code}: end point on the other segment`,
                ).toBe(false)
              }
            }
        }
    expect(pairs).toBeGreaterThan(1000)
  })

  it('has dead ends, some near Wufuyuan', () => {
    // Roads cut by the district edge are not dead ends: only those more than 30 m inside count.
    const dead = findDeadEnds(buildRoadGraph(turf.featureCollection(roads)), {
      boundary: (district[0] as F<unknown, Polygon | MultiPolygon>).geometry,
      boundaryToleranceM: 30,
    })
    expect(dead.length).toBeGreaterThan(20)
    const centre = turf.centroid(wufuyuan)
    expect(
      dead.filter((p) => turf.distance(p, centre, { units: 'meters' }) < 750).length,
    ).toBeGreaterThanOrEqual(3)
  })

  it('keeps roads other than lanes out of compounds', () => {
    const boxes = compounds.map((c) => bboxOf(c.geometry.coordinates[0] as Position[]))
    for (const r of roads) {
      if (r.properties.roadClass === 'lane') continue
      const rb = bboxOf(r.geometry.coordinates)
      compounds.forEach((c, i) => {
        if (bboxesMeet(rb, boxes[i] as never))
          expect(turf.booleanIntersects(r, c), `${r.properties.code} × ${c.properties.code}`).toBe(false)
      })
    }
  })

  it('has Majiagou Road (马家沟路) beside Wufuyuan: narrow today, three buildings within 10 m', () => {
    const majiagou = roads.filter((r) => r.properties.name === '马家沟路')
    expect(majiagou.length).toBeGreaterThan(0)
    for (const r of majiagou) {
      expect(r.properties.redLineWidthM).toBeLessThan(20)
      expect(r.properties.carriagewayWidthM).toBeGreaterThanOrEqual(6)
      expect(r.properties.carriagewayWidthM).toBeLessThanOrEqual(8)
    }
    const own = buildings.filter((b) => b.properties.compoundCode === wufuyuan.properties.code)
    const near = own.filter((b) =>
      majiagou.some((r) =>
        (b.geometry.coordinates[0] as Position[]).some(
          (p) => turf.pointToLineDistance(turf.point(p), r, { units: 'meters' }) <= 10,
        ),
      ),
    )
    expect(near.length).toBeGreaterThanOrEqual(3)
  })

  it('spreads facilities so that some compounds are beyond the 1,000 m life circle of some service', () => {
    const markets = facilities.filter((f) => f.properties.facilityType === 'vegetable_market')
    const far = compounds.filter((c) => {
      const p = turf.centroid(c)
      return markets.every((m) => turf.distance(p, m, { units: 'meters' }) > 1000)
    })
    expect(far.length).toBeGreaterThan(0)
    expect(far.length).toBeLessThan(compounds.length / 2)
  })
})

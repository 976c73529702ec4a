// City-scale synthetic data set for benchmarks (`npm run data:generate -- --scale city --out <dir>`).
//
// It tiles the Jinjiang demo district: 13 copies of the whole generated data set are laid side by side on a
// grid (about 55 km × 70 km), giving about 15,500 compounds, and every building footprint is split
// into its stair units (3, every tenth 4), giving about 200,000 buildings; roads, facilities, projects,
// findings and suggestions are copied with the compounds, so they scale in proportion (the renovation
// targets, shares of the whole register, are kept once). Copy 1 sits at
// Jinjiang's real place with its real street and community codes; copy k (2…13) gets synthetic codes
// (street 510104 + (k−1)·50 + the real street suffix, community = that street code + the real community
// suffix), names with the suffix "·k" and codes of other records with the suffix "-xk". The whole set is
// one district (code 510104, so the loader and `prepareDatabase` take it) whose name, English name and
// source say it is synthetic; every other record is already `synthetic: true`.
//
// Deterministic (no randomness beyond the Jinjiang generator's seeded streams) and never committed: the
// benchmark generates it into a temporary folder.
import type {
  BuildingProperties,
  CommunityProperties,
  CompoundProperties,
  DistrictProperties,
  FacilityProperties,
  FindingProperties,
  ProjectRecord,
  RoadProperties,
  StreetProperties,
  SuggestionProperties,
} from '@renewal-atlas/domain'
import type { AreaGeometry } from './admin.ts'
import type { Dataset, LineString, Point, Polygon } from './dataset.ts'
import type { LonLat } from './geo.ts'

export const CITY_COPIES = 13
/** Gap between neighbouring copies, in degrees (about 500 m). */
const GAP_DEG = 0.005
/** Share of a building's length left open between two stair units. */
const UNIT_GAP = 0.04

const r7 = (n: number) => {
  const r = Math.round(n * 1e7) / 1e7
  return Object.is(r, -0) ? 0 : r
}

function bboxOfArea(g: AreaGeometry): [number, number, number, number] {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  for (const poly of polys)
    for (const ring of poly)
      for (const [x, y] of ring as LonLat[]) {
        x0 = Math.min(x0, x)
        y0 = Math.min(y0, y)
        x1 = Math.max(x1, x)
        y1 = Math.max(y1, y)
      }
  return [x0, y0, x1, y1]
}

/** Grid slots (column, row) nearest to the original first, ties broken north to south, west to east. */
function slots(n: number): [number, number][] {
  const side = Math.ceil(Math.sqrt(n)) + 1
  const all: [number, number][] = []
  for (let r = -Math.floor(side / 2); r <= Math.ceil(side / 2); r++)
    for (let c = -Math.floor(side / 2); c <= Math.ceil(side / 2); c++) all.push([c, r])
  all.sort((a, b) => a[0] ** 2 + a[1] ** 2 - (b[0] ** 2 + b[1] ** 2) || a[1] - b[1] || a[0] - b[0])
  return all.slice(0, n)
}

/** Split a quad building footprint (a closed 5-point ring) into `k` units along its longer side. */
function splitQuad(ring: LonLat[], k: number, lat: number): LonLat[][] {
  if (ring.length !== 5 || k <= 1) return [ring]
  const [p0, p1, p2, p3] = ring as [LonLat, LonLat, LonLat, LonLat]
  const kx = Math.cos((lat * Math.PI) / 180)
  const len = (a: LonLat, b: LonLat) => Math.hypot((b[0] - a[0]) * kx, b[1] - a[1])
  const alongU = len(p0, p1) + len(p3, p2) >= len(p1, p2) + len(p0, p3)
  const at = (u: number, v: number): LonLat => {
    const ax = p0[0] + (p1[0] - p0[0]) * u
    const ay = p0[1] + (p1[1] - p0[1]) * u
    const bx = p3[0] + (p2[0] - p3[0]) * u
    const by = p3[1] + (p2[1] - p3[1]) * u
    return [r7(ax + (bx - ax) * v), r7(ay + (by - ay) * v)]
  }
  const w = (1 - (k - 1) * UNIT_GAP) / k
  const out: LonLat[][] = []
  for (let i = 0; i < k; i++) {
    const s = i * (w + UNIT_GAP)
    const e = s + w
    const q = alongU ? [at(s, 0), at(e, 0), at(e, 1), at(s, 1)] : [at(0, s), at(1, s), at(1, e), at(0, e)]
    out.push([...q, q[0] as LonLat])
  }
  return out
}

/** Split `total` into `k` integer parts that differ by at most one, larger parts first. */
function evenParts(total: number, k: number): number[] {
  const base = Math.floor(total / k)
  return Array.from({ length: k }, (_, i) => base + (i < total - base * k ? 1 : 0))
}

export function buildCityDataset(base: Dataset, copies = CITY_COPIES): Dataset {
  const baseDistrict = base.district[0]
  if (!baseDistrict) throw new Error('the base data set has no district')
  const [x0, y0, x1, y1] = bboxOfArea(baseDistrict.geometry)
  const stepX = r7(x1 - x0 + GAP_DEG)
  const stepY = r7(y1 - y0 + GAP_DEG)
  const lat = (y0 + y1) / 2

  // Units per building, decided once on the base set so every copy has the same layout.
  const unitsOf = base.buildings.map((_, i) => (i % 10 === 9 ? 4 : 3))

  const out: Dataset = {
    district: [],
    streets: [],
    communities: [],
    compounds: [],
    buildings: [],
    roads: [],
    facilities: [],
    projects: [],
    findings: [],
    suggestions: [],
    // Targets are shares of the register, so the district's targets hold for all copies together.
    targets: base.targets.map((t) => ({ ...t })),
    meta: base.meta,
  }
  const districtPolys: LonLat[][][] = []

  slots(copies).forEach(([col, row], k) => {
    const dx = col * stepX
    const dy = -row * stepY
    const pt = (p: LonLat): LonLat => [r7(p[0] + dx), r7(p[1] + dy)]
    const ring = (r: LonLat[]) => r.map(pt)
    const area = (g: AreaGeometry): AreaGeometry =>
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: (g.coordinates as LonLat[][]).map(ring) }
        : { type: 'MultiPolygon', coordinates: (g.coordinates as LonLat[][][]).map((p) => p.map(ring)) }
    const poly = (g: Polygon): Polygon => ({ type: 'Polygon', coordinates: g.coordinates.map(ring) })
    const point = (g: Point): Point => ({ type: 'Point', coordinates: pt(g.coordinates) })
    const line = (g: LineString): LineString => ({ type: 'LineString', coordinates: g.coordinates.map(pt) })
    const first = k === 0
    const name = (n: string) => (first ? n : `${n}·${k + 1}`)
    const code = (c: string) => (first ? c : `${c}-x${k + 1}`)
    const street = (c: string) =>
      first ? c : `${c.slice(0, 6)}${String(k * 50 + Number(c.slice(6))).padStart(3, '0')}`
    const community = (c: string) => (first ? c : `${street(c.slice(0, 9))}${c.slice(9)}`)
    // Compound codes are C<community code>-<seq>: follow the community.
    const compound = (c: string) => (first ? c : `C${community(c.slice(1, 13))}${c.slice(13)}`)

    const g = area(baseDistrict.geometry)
    if (g.type === 'Polygon') districtPolys.push(g.coordinates as LonLat[][])
    else districtPolys.push(...(g.coordinates as LonLat[][][]))

    for (const f of base.streets)
      out.streets.push({
        type: 'Feature',
        properties: {
          ...f.properties,
          code: street(f.properties.code),
          name: name(f.properties.name),
        } satisfies StreetProperties,
        geometry: area(f.geometry),
      })
    for (const f of base.communities)
      out.communities.push({
        type: 'Feature',
        properties: {
          ...f.properties,
          code: community(f.properties.code),
          name: name(f.properties.name),
          officialName: name(f.properties.officialName),
          streetCode: street(f.properties.streetCode),
        } satisfies CommunityProperties,
        geometry: area(f.geometry),
      })

    // Buildings first (split into units), so compounds can carry their new building counts.
    const unitCount = new Map<string, number>()
    const firstUnit = new Map<string, string>()
    base.buildings.forEach((f, i) => {
      const p = f.properties
      const cc = compound(p.compoundCode)
      const k2 = unitsOf[i] as number
      const parts = splitQuad(poly(f.geometry).coordinates[0] as LonLat[], k2, lat)
      const hh = evenParts(p.households, parts.length)
      parts.forEach((r, j) => {
        const n = (unitCount.get(cc) ?? 0) + 1
        unitCount.set(cc, n)
        const bc = `${cc}-${String(n).padStart(2, '0')}`
        if (j === 0) firstUnit.set(p.code, bc)
        out.buildings.push({
          type: 'Feature',
          properties: {
            ...p,
            code: bc,
            compoundCode: cc,
            name: `${n}栋`,
            households: hh[j] as number,
          } satisfies BuildingProperties,
          geometry: { type: 'Polygon', coordinates: [r] },
        })
      })
    })
    for (const f of base.compounds) {
      const cc = compound(f.properties.code)
      out.compounds.push({
        type: 'Feature',
        properties: {
          ...f.properties,
          code: cc,
          name: name(f.properties.name),
          address: name(f.properties.address),
          communityCode: community(f.properties.communityCode),
          buildingCount: unitCount.get(cc) ?? 0,
        } satisfies CompoundProperties,
        geometry: poly(f.geometry),
      })
    }
    for (const f of base.roads)
      out.roads.push({
        type: 'Feature',
        properties: { ...f.properties, code: code(f.properties.code) } satisfies RoadProperties,
        geometry: line(f.geometry),
      })
    for (const f of base.facilities)
      out.facilities.push({
        type: 'Feature',
        properties: {
          ...f.properties,
          code: code(f.properties.code),
          name: name(f.properties.name),
        } satisfies FacilityProperties,
        geometry: point(f.geometry),
      })
    for (const p of base.projects)
      out.projects.push({
        ...p,
        code: code(p.code),
        name: name(p.name),
        compoundCodes: p.compoundCodes.map(compound),
      } satisfies ProjectRecord)
    const firstUnitOf = (c: string) => {
      const u = firstUnit.get(c)
      if (!u) throw new Error(`a finding refers to the unknown building ${c}`)
      return u
    }
    for (const f of base.findings) {
      const p = f.properties
      out.findings.push({
        type: 'Feature',
        properties: {
          ...p,
          code: code(p.code),
          compoundCode: compound(p.compoundCode),
          buildingCode: p.buildingCode === null ? null : firstUnitOf(p.buildingCode),
          projectCode: p.projectCode === null ? null : code(p.projectCode),
        } satisfies FindingProperties,
        geometry: point(f.geometry),
      })
    }
    for (const f of base.suggestions) {
      const p = f.properties
      out.suggestions.push({
        type: 'Feature',
        properties: {
          ...p,
          code: code(p.code),
          compoundCode: compound(p.compoundCode),
          projectCode: p.projectCode === null ? null : code(p.projectCode),
        } satisfies SuggestionProperties,
        geometry: point(f.geometry),
      })
    }
  })

  const d = baseDistrict.properties
  out.district.push({
    type: 'Feature',
    properties: {
      ...d,
      name: `${d.name}（城市规模合成数据，${copies}倍）`,
      nameEn: `${d.nameEn} (synthetic city scale, ${copies} copies)`,
      officialAreaKm2: Math.round(d.officialAreaKm2 * copies * 100) / 100,
      residentPopulation: d.residentPopulation * copies,
      servicePopulation: d.servicePopulation * copies,
      source: `SYNTHETIC benchmark data set, not a real place: ${copies} copies of the Jinjiang demo data set side by side, building footprints split into stair units (scripts/data/city.ts). ${d.source}`,
    } satisfies DistrictProperties,
    geometry: { type: 'MultiPolygon', coordinates: districtPolys },
  })
  out.streets.sort((a, b) => cmpStr(a.properties.code, b.properties.code))
  return out
}

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function cityReadme(d: Dataset): string {
  const n = (x: unknown[]) => x.length.toLocaleString('en')
  return `# Synthetic city-scale data set (benchmark only)

Generated by \`npm run data:generate -- --scale city --out <dir>\` (scripts/data/city.ts). It is NOT real data:
${CITY_COPIES} copies of the synthetic Jinjiang demo data set laid side by side, with building footprints split
into stair units. Copy 1 keeps Jinjiang's real street and community codes; the other copies have synthetic
codes and names ending in "·2" … "·${CITY_COPIES}". Do not commit it.

| records | count |
| --- | --- |
| streets | ${n(d.streets)} |
| communities | ${n(d.communities)} |
| compounds | ${n(d.compounds)} |
| buildings | ${n(d.buildings)} |
| roads | ${n(d.roads)} |
| facilities | ${n(d.facilities)} |
| projects | ${n(d.projects)} |
| findings | ${n(d.findings)} |
| suggestions | ${n(d.suggestions)} |
| renovation targets | ${n(d.targets)} |
`
}

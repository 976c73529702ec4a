// The read API over the loaded Jinjiang demo data, on every backend: figures, paging, filters and one compound.
import {
  compoundFeatureResponse,
  compoundPage,
  districtCollection,
  JINJIANG_FACTS,
} from '@renewal-atlas/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { backends } from '../support/backends.ts'

describe.each(backends)('read API on the %s backend', (backend) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(backend)
  })
  afterAll(async () => {
    await app?.close()
  })

  async function json(path: string) {
    const res = await app.get(path)
    expect(res.status, `${path} → ${res.status}`).toBe(200)
    return res.json()
  }
  const matched = async (query: string) => (await json(`/api/v1/compounds?limit=1&${query}`)).numberMatched

  it('reports the backend it runs on, PostGIS, and no pending migration', async () => {
    const health = await json('/api/v1/health')
    expect(health.status).toBe('ok')
    expect(health.database.backend).toBe(backend)
    expect(health.database.postgis).toMatch(/^3\.\d/)
    expect(health.database.capabilities.mvt).toBe(backend === 'server')
    expect(health.migrations.pending).toBe(0)
    expect(health.migrations.applied).toBeGreaterThan(0)
  })

  it('reads the district with exactly the published compound figures', async () => {
    const body = districtCollection.parse(await json('/api/v1/district'))
    expect(body.features).toHaveLength(1)
    const district = body.features[0]?.properties
    expect(district?.code).toBe('510104')
    expect(district?.name).toBe('锦江区')
    expect(district?.summary).toMatchObject({
      compounds: JINJIANG_FACTS.compounds,
      oldCompounds: JINJIANG_FACTS.oldCompounds,
      renovatedOldCompounds: JINJIANG_FACTS.renovatedOldCompounds,
      householdsBenefiting: JINJIANG_FACTS.householdsBenefiting,
    })
    expect(district?.summary.coverage).toBeCloseTo(477 / 751, 10)
    // The decoded outline is about 60.5 km², against the official 60.99 km².
    expect(district?.areaKm2).toBeGreaterThan(59)
    expect(district?.areaKm2).toBeLessThan(62)
  })

  it('lists the 11 real streets and 76 real communities of Jinjiang', async () => {
    const streets = await json('/api/v1/streets')
    expect(streets.numberMatched).toBe(11)
    expect(streets.features.map((f: { properties: { name: string } }) => f.properties.name)).toContain(
      '沙河街道',
    )
    const communities = await json('/api/v1/communities?limit=100')
    expect(communities.numberMatched).toBe(76)
    const shahe = await json('/api/v1/communities?street=510104030')
    expect(shahe.features.map((f: { properties: { name: string } }) => f.properties.name)).toContain(
      '沙河社区',
    )
    expect(shahe.numberMatched).toBe(7)
  })

  it('counts 1,189 compounds, 751 on the register, 477 renovated, all register compounds built by 2004', async () => {
    expect(await matched('')).toBe(1189)
    expect(await matched('onRegister=true')).toBe(751)
    expect(await matched('onRegister=true&status=completed')).toBe(477)
    expect(await matched('onRegister=true&builtTo=2004')).toBe(751)
    expect(await matched('onRegister=false&builtTo=2004')).toBeGreaterThan(0)
  })

  it('splits the compounds over the streets with nothing lost or counted twice', async () => {
    const streets = await json('/api/v1/streets')
    let sum = 0
    for (const street of streets.features) sum += await matched(`street=${street.properties.code}`)
    expect(sum).toBe(1189)
  })

  it('pages through every compound by following next links, each exactly once', async () => {
    const ids = new Set<number>()
    let next: string | undefined =
      `${app.url}/api/v1/compounds?limit=500&status=completed,planned,under_way,not_planned`
    let pages = 0
    while (next) {
      const page = compoundPage.parse(await (await fetch(next)).json())
      for (const f of page.features) ids.add(f.id)
      expect(page.numberMatched).toBe(1189)
      next = page.links.find((l) => l.rel === 'next')?.href
      pages += 1
    }
    expect(pages).toBe(3)
    expect(ids.size).toBe(1189)
  })

  it('returns only compounds that meet a bbox, with RFC 7946 polygons', async () => {
    const bbox = [104.1, 30.64, 104.13, 30.67]
    const page = compoundPage.parse(await json(`/api/v1/compounds?limit=2000&bbox=${bbox.join(',')}`))
    expect(page.numberReturned).toBeGreaterThan(0)
    expect(page.numberReturned).toBeLessThan(1189)
    for (const f of page.features) {
      const ring = (f.geometry.coordinates as number[][][])[0] ?? []
      const xs = ring.map((p) => p[0] as number)
      const ys = ring.map((p) => p[1] as number)
      expect(Math.max(...xs)).toBeGreaterThanOrEqual(bbox[0] as number)
      expect(Math.min(...xs)).toBeLessThanOrEqual(bbox[2] as number)
      expect(Math.max(...ys)).toBeGreaterThanOrEqual(bbox[1] as number)
      expect(Math.min(...ys)).toBeLessThanOrEqual(bbox[3] as number)
      // exterior ring counter-clockwise (positive shoelace area), at most 7 decimals
      let twiceArea = 0
      for (let i = 0; i < ring.length - 1; i++) {
        const [x1, y1] = ring[i] as [number, number]
        const [x2, y2] = ring[i + 1] as [number, number]
        twiceArea += x1 * y2 - x2 * y1
      }
      expect(twiceArea).toBeGreaterThan(0)
      for (const x of xs) expect(String(x).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(7)
    }
  })

  it('reads Wufuyuan (五福苑) as the case describes it, with its version as ETag', async () => {
    const shahe = compoundPage.parse(await json('/api/v1/compounds?community=510104030004&limit=2000'))
    const listed = shahe.features.find((f) => f.properties.name === '五福苑')
    expect(listed).toBeDefined()
    const res = await app.get(`/api/v1/compounds/${listed?.id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe('"1"')
    const wufuyuan = compoundFeatureResponse.parse(await res.json())
    expect(wufuyuan.properties).toMatchObject({
      name: '五福苑',
      address: '马家沟1号',
      streetName: '沙河街道',
      communityName: '沙河社区',
      builtYear: 1996,
      buildingCount: 9,
      households: 497,
      residents: 1500,
      floorAreaM2: 33000,
      onOldRegister: true,
      renovationStatus: 'completed',
    })
  })
})

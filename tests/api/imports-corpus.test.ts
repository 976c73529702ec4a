// Bad input through the import API on every backend, with nothing lost: every file of the malformed corpus
// (tests/exchange/corpus) is refused with its 4xx problem+json code and a reason, and the tables an import writes
// hold the same rows before and after; a readable file of bad features gets a report naming each problem by its
// reason code and parameters (PostGIS's own words for invalid geometry kept as the detail, with the place they name)
// and its commit is refused, writing nothing.
import type { Database } from '@renewal-atlas/db'
import {
  type ImportIssueCode,
  type ImportUploadResponse,
  type ImportValidationReport,
  ReasonCodeRepeated,
  ReasonCodeTaken,
  ReasonCoordinateCellInfinite,
  ReasonCoordinateInfinite,
  ReasonDegreesOutOfRange,
  ReasonLatitudeFirst,
  ReasonMetresInDegreeSystem,
  ReasonNoGeometry,
  ReasonNulCharacter,
  ReasonOutsideDistrict,
  ReasonOutsideRange,
  ReasonParentCodeUnknown,
  ReasonPartlyOutsideDistrict,
  ReasonPostgisInvalid,
  ReasonRequiredEmpty,
} from '@renewal-atlas/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MALFORMED_CASES } from '../exchange/corpus/malformed.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { createUser, type SignedInClient, signIn } from '../support/auth.ts'
import { backends } from '../support/backends.ts'
import {
  communitiesOf,
  expectJson,
  featureCollection,
  HIGH_LIMITS,
  pointIn,
  problemOf,
  rowCounts,
  SHAHE,
  square,
  upload,
} from './imports-support.ts'

describe.each(backends)('bad imports on the %s backend', (backend) => {
  let app: TestApp
  let db: Database
  let admin: SignedInClient
  const tag = `${backend.slice(0, 1).toUpperCase()}${Date.now().toString(36).toUpperCase()}`

  beforeAll(async () => {
    app = await startTestApp(backend, { rateLimits: HIGH_LIMITS })
    db = app.server.db
    admin = await signIn(app, await createUser(db, { role: 'admin' }))
  })
  afterAll(async () => {
    await app?.close()
  })

  it.each(MALFORMED_CASES.map((c) => [c.name, c] as const))(
    'refuses %s with its reason, writing nothing',
    async (_, c) => {
      const before = await rowCounts(db)
      const res = await upload(admin, c.file.name, c.file.bytes)
      expect(res.status).toBe(c.expect.status)
      const problem = await problemOf(res)
      expect(problem).toMatchObject({ status: c.expect.status, code: c.expect.code })
      expect(problem.detail.length).toBeGreaterThan(10)
      expect(await rowCounts(db)).toEqual(before)
    },
  )

  it('reports each bad feature with its reason and refuses the commit, writing nothing', async () => {
    const [community = '', other = ''] = await communitiesOf(db, SHAHE)
    const here = await pointIn(db, 'communities', community)
    const there = await pointIn(db, 'communities', other)
    const wufuyuan = (await db.knex('compounds').where({ name: '五福苑' }).first('code')) as { code: string }
    const edge = await db
      .knex('districts')
      .first(
        db.knex.raw('ST_X(ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 1)) as lon'),
        db.knex.raw('ST_Y(ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 1)) as lat'),
      )
    const [lon, lat] = here
    const d = 0.0002
    const named = (code: string, extra: Record<string, unknown> = {}) => ({
      code,
      name: `坏数据 ${code}`,
      communityCode: community,
      ...extra,
    })
    const cases: { properties: Record<string, unknown>; geometry: unknown; expect: ImportIssueCode[] }[] = [
      {
        // A bow tie: its edges cross in the middle.
        properties: named(`${tag}-BOWTIE`),
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [lon - d, lat - d],
              [lon + d, lat + d],
              [lon + d, lat - d],
              [lon - d, lat + d],
              [lon - d, lat - d],
            ],
          ],
        },
        expect: ['invalid_geometry'],
      },
      // In Chengdu, west of the district.
      { properties: named(`${tag}-AWAY`), geometry: square([104.02, 30.7], d), expect: ['outside_district'] },
      {
        properties: named(`${tag}-EDGE`),
        geometry: square([edge.lon, edge.lat], 0.0005),
        expect: ['partly_outside_district'],
      },
      {
        properties: named(`${tag}-SWAP`),
        geometry: {
          type: 'Polygon',
          coordinates: square(here, d).coordinates.map((ring) => ring.map(([x, y]) => [y, x])),
        },
        expect: ['swapped_coordinates'],
      },
      { properties: named(wufuyuan.code), geometry: square(there, d), expect: ['duplicate_code_existing'] },
      { properties: named(`${tag}-TWICE`), geometry: square(there, d / 2), expect: [] },
      {
        properties: named(`${tag}-TWICE`),
        geometry: square(there, d / 3),
        expect: ['duplicate_code_in_file'],
      },
      {
        properties: { code: `${tag}-NONAME`, communityCode: community },
        geometry: square(here, d / 2),
        expect: ['missing_attribute'],
      },
      {
        properties: named(`${tag}-OLD`, { builtYear: 1700 }),
        geometry: square(here, d / 3),
        expect: ['out_of_range'],
      },
      {
        properties: named(`${tag}-ORPHAN`, { communityCode: '510104999999' }),
        geometry: square(here, d / 4),
        expect: ['no_parent'],
      },
      { properties: named(`${tag}-NOGEOM`), geometry: null, expect: ['missing_geometry'] },
      // PostgreSQL text holds no NUL (\u0000 is valid JSON, though).
      {
        properties: { code: `${tag}-NUL`, name: '坏\u0000数据', communityCode: community },
        geometry: square(here, d / 5),
        expect: ['invalid_value'],
      },
    ]
    const before = await rowCounts(db)
    const res = await admin.fetch('/api/v1/imports?fileName=bad.geojson', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: featureCollection(cases),
    })
    const { import: created } = await expectJson<ImportUploadResponse>(res, 201)
    const validate = await admin.fetch(`/api/v1/imports/${created.id}/validate`, {
      method: 'POST',
      json: { target: 'compounds', crs: '4326' },
    })
    const report = await expectJson<ImportValidationReport>(validate, 200)
    const byN = new Map(report.features.map((feature) => [feature.n, feature]))
    cases.forEach((c, i) => {
      const feature = byN.get(i + 1)
      const codes = feature?.issues.map((issue) => issue.code) ?? []
      expect(codes, `feature ${i + 1} (${String(c.properties.code)})`).toEqual(
        expect.arrayContaining(c.expect),
      )
      if (!c.expect.length) expect(feature?.status, `feature ${i + 1}`).toBe('valid')
    })
    // Each reason as a code and its parameters; PostGIS's own words stay the detail, the crossing its location.
    const reasons = (n: number) => byN.get(n)?.issues.map(({ reason, params }) => ({ reason, params })) ?? []
    const bowtie = byN.get(1)?.issues.find((issue) => issue.code === 'invalid_geometry')
    expect(bowtie).toMatchObject({
      reason: ReasonPostgisInvalid,
      params: { problem: 'self_intersection' },
      detail: 'Self-intersection',
    })
    // The edges of the bow tie cross at its middle, the point it was drawn around.
    expect(bowtie?.location?.[0]).toBeCloseTo(lon, 6)
    expect(bowtie?.location?.[1]).toBeCloseTo(lat, 6)
    expect(reasons(2)).toContainEqual({ reason: ReasonOutsideDistrict, params: {} })
    expect(reasons(3)).toContainEqual({ reason: ReasonPartlyOutsideDistrict, params: {} })
    expect(reasons(4)).toContainEqual({
      reason: ReasonLatitudeFirst,
      params: { position: [expect.closeTo(lat - d, 9), expect.closeTo(lon - d, 9)] },
    })
    expect(reasons(5)).toContainEqual({
      reason: ReasonCodeTaken,
      params: { field: 'code', value: wufuyuan.code, target: 'compounds' },
    })
    expect(reasons(7)).toContainEqual({
      reason: ReasonCodeRepeated,
      params: { field: 'code', value: `${tag}-TWICE`, firstFeature: 6 },
    })
    expect(reasons(8)).toEqual([{ reason: ReasonRequiredEmpty, params: { field: 'name', column: 'name' } }])
    expect(reasons(9)).toEqual([
      {
        reason: ReasonOutsideRange,
        params: { field: 'builtYear', value: 1700, min: 1900, max: 2100, unit: 'year' },
      },
    ])
    expect(reasons(10)).toEqual([
      {
        reason: ReasonParentCodeUnknown,
        params: { field: 'communityCode', value: '510104999999', target: 'compounds' },
      },
    ])
    expect(reasons(11)).toEqual([{ reason: ReasonNoGeometry, params: {} }])
    expect(reasons(12)).toEqual([{ reason: ReasonNulCharacter, params: { field: 'name' } }])
    // No sentence travels in the report: the wizard and the CLI make it in their language.
    expect(JSON.stringify(report.features)).not.toMatch(/ is | are | lies /)
    expect(byN.get(3)?.status).toBe('warning')
    expect(byN.get(6)?.status).toBe('valid')
    expect(report.counts).toMatchObject({
      features: cases.length,
      valid: 1,
      warning: 1,
      invalid: cases.length - 2,
    })

    const refused = await admin.fetch(`/api/v1/imports/${created.id}/commit`, {
      method: 'POST',
      json: { target: 'compounds', crs: '4326' },
    })
    expect(refused.status).toBe(422)
    const problem = await problemOf(refused)
    expect(problem).toMatchObject({ code: 'import_invalid', counts: report.counts })
    expect(problem.issueCounts).toMatchObject({
      invalid_geometry: 1,
      outside_district: 1,
      missing_geometry: 1,
    })
    expect(await rowCounts(db)).toEqual({ ...before, imports: before.imports + 1 })
  })

  /** Uploads a file of facility points and gives each feature's reader or check issues, by feature number. */
  async function facilityIssues(fileName: string, text: string, crs: string) {
    const { import: created } = await expectJson<ImportUploadResponse>(
      await upload(admin, fileName, text),
      201,
    )
    const validate = await admin.fetch(`/api/v1/imports/${created.id}/validate`, {
      method: 'POST',
      json: { target: 'facilities', crs },
    })
    const report = await expectJson<ImportValidationReport>(validate, 200)
    return new Map(report.features.map((feature) => [feature.n, feature.issues]))
  }

  it('names a coordinate that overflows to infinity (1e999) and why, where it used to print null', async () => {
    const [lon, lat] = await pointIn(db, 'communities', (await communitiesOf(db, SHAHE))[0] ?? '')
    const point = (code: string, coordinates: string) =>
      `{"type":"Feature","properties":{"code":"${tag}-${code}","name":"诊所","facilityType":"clinic"},` +
      `"geometry":{"type":"Point","coordinates":${coordinates}}}`
    const geojson = `{"type":"FeatureCollection","features":[${point('OK', `[${lon},${lat}]`)},${point('INF', `[1e999,${lat}]`)}]}`
    const fromGeojson = await facilityIssues('overflow.geojson', geojson, '4326')
    expect(fromGeojson.get(2)).toContainEqual(
      expect.objectContaining({
        code: 'invalid_geometry',
        reason: ReasonCoordinateInfinite,
        params: { geometryType: 'Point', axis: 'x', negative: false },
      }),
    )
    const csv = `code,name,facilityType,lon,lat\n${tag}-C1,诊所,clinic,${lon},${lat}\n${tag}-C2,诊所,clinic,${lon},-1e999\n`
    const fromCsv = await facilityIssues('overflow.csv', csv, '4326')
    expect(fromCsv.get(2)).toContainEqual(
      expect.objectContaining({
        code: 'invalid_geometry',
        field: 'lat',
        reason: ReasonCoordinateCellInfinite,
        params: { field: 'lat', value: '-1e999' },
      }),
    )
    expect(JSON.stringify([...fromGeojson.values(), ...fromCsv.values()])).not.toMatch(/\bnull\b/)
  })

  it('calls degrees out of range out of range, naming the value, and says "metres" only of numbers that look like metres', async () => {
    const [lon, lat] = await pointIn(db, 'communities', (await communitiesOf(db, SHAHE))[0] ?? '')
    const gk = await db.knex
      .raw<{ rows: { x: number; y: number }[] }>(
        'select ST_X(p) as x, ST_Y(p) as y from (select ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), 4544) as p) t',
        [lon, lat],
      )
      .then(({ rows }) => rows[0] as { x: number; y: number })
    const rows = [
      [`${tag}-D1`, lon, lat],
      [`${tag}-D2`, 200.5, lat],
      [`${tag}-D3`, lon, -95.25],
      [`${tag}-D4`, gk.x.toFixed(3), gk.y.toFixed(3)],
    ]
    const csv = `code,name,facilityType,lon,lat\n${rows.map((r) => `${r[0]},诊所,clinic,${r[1]},${r[2]}`).join('\n')}\n`
    const issues = await facilityIssues('ranges.csv', csv, '4326')
    const wrongCrs = (n: number) => {
      const issue = issues.get(n)?.find((i) => i.code === 'wrong_crs')
      return issue && { reason: issue.reason, params: issue.params }
    }
    expect(wrongCrs(1)).toBeUndefined()
    expect(wrongCrs(2)).toEqual({
      reason: ReasonDegreesOutOfRange,
      params: { position: [200.5, lat], axis: 'longitude', value: 200.5, limit: 180, crs: '4326' },
    })
    expect(wrongCrs(3)).toEqual({
      reason: ReasonDegreesOutOfRange,
      params: { position: [lon, -95.25], axis: 'latitude', value: -95.25, limit: 90, crs: '4326' },
    })
    expect(wrongCrs(4)).toEqual({
      reason: ReasonMetresInDegreeSystem,
      params: { position: [Number(gk.x.toFixed(3)), Number(gk.y.toFixed(3))], crs: '4326' },
    })
  })
})

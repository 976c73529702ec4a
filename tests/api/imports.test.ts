// Importing survey files through the API on every backend, as the wizard does: upload the raw file, read the
// analysis, validate, commit in one transaction, roll back. GeoJSON compounds, a zipped Shapefile of buildings in
// Gauss-Kruger metres, a CSV of GCJ-02 facility points and a GBK-encoded CSV; retried uploads and commits; the
// mapping remembered for the next file of the same columns; a planner's streets; roles that may not import; a
// rollback refused after an edit or a new child; and a failure half way through a commit leaving nothing behind.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buffer } from 'node:stream/consumers'
import type { Database } from '@renewal-atlas/db'
import {
  type ImportRecord,
  type ImportUploadResponse,
  type ImportValidationReport,
  importPage,
  importRecord,
  importUploadResponse,
  importValidationReport,
  ReasonCrsDeclared,
  ReasonCrsDegrees,
  ReasonCrsRecordedText,
  ReasonOverlapsBuilding,
} from '@renewal-atlas/domain'
import { type ExportFeature, fromWgs84, writeShapefile, zipStream } from '@renewal-atlas/exchange'
import gcoord from 'gcoord'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { createUser, type SignedInClient, signIn } from '../support/auth.ts'
import { backends } from '../support/backends.ts'
import {
  communitiesOf,
  csv,
  expectJson,
  featureCollection,
  HIGH_LIMITS,
  JINGUANYI,
  type Position,
  pointIn,
  problemOf,
  rowCounts,
  SHAHE,
  square,
  upload,
} from './imports-support.ts'

describe.each(backends)('imports on the %s backend', (backend) => {
  let app: TestApp
  let db: Database
  let admin: SignedInClient
  let planner: SignedInClient
  let viewer: SignedInClient
  let leadership: SignedInClient
  let shahe: string[]
  let jinguanyi: string[]
  /** Makes codes unique per backend and run, so the server's leftovers never collide. */
  const tag = `${backend.slice(0, 1).toUpperCase()}${Date.now().toString(36).toUpperCase()}`

  beforeAll(async () => {
    app = await startTestApp(backend, { rateLimits: HIGH_LIMITS })
    db = app.server.db
    admin = await signIn(app, await createUser(db, { role: 'admin' }))
    planner = await signIn(app, await createUser(db, { role: 'planner', streets: [SHAHE] }))
    viewer = await signIn(app, await createUser(db, { role: 'viewer' }))
    leadership = await signIn(app, await createUser(db, { role: 'leadership' }))
    shahe = await communitiesOf(db, SHAHE)
    jinguanyi = await communitiesOf(db, JINGUANYI)
  })
  afterAll(async () => {
    await app?.close()
  })

  const post = (client: SignedInClient, path: string, json?: unknown, headers: Record<string, string> = {}) =>
    client.fetch(path, { method: 'POST', headers, ...(json === undefined ? {} : { json }) })
  const uploaded = async (client: SignedInClient, fileName: string, bytes: Uint8Array | string) =>
    importUploadResponse.parse(
      await expectJson<ImportUploadResponse>(await upload(client, fileName, bytes), 201),
    )
  const validate = async (client: SignedInClient, id: number, options: object) =>
    importValidationReport.parse(
      await expectJson<ImportValidationReport>(
        await post(client, `/api/v1/imports/${id}/validate`, options),
        200,
      ),
    )
  const commit = async (client: SignedInClient, id: number, options: object) =>
    importRecord.parse(
      await expectJson<ImportRecord>(await post(client, `/api/v1/imports/${id}/commit`, options), 200),
    )
  const rollback = async (client: SignedInClient, id: number) =>
    importRecord.parse(
      await expectJson<ImportRecord>(await post(client, `/api/v1/imports/${id}/rollback`), 200),
    )

  /** A GeoJSON file of one compound around a community's point on surface. */
  async function compoundFile(code: string, community: string, half = 0.0002) {
    const centre = await pointIn(db, 'communities', community)
    return featureCollection([
      {
        properties: { code, name: `导入测试 ${code}`, communityCode: community },
        geometry: square(centre, half),
      },
    ])
  }

  it('imports compounds from GeoJSON: upload, analysis, validation, commit, a retried commit and rollback', async () => {
    const [first, second] = shahe as [string, string]
    const codes = [`${tag}-GJ-1`, `${tag}-GJ-2`]
    const file = featureCollection([
      {
        properties: {
          code: codes[0],
          name: '导入测试小区甲',
          address: '测试路 1 号',
          communityCode: first,
          builtYear: 1988,
          households: 120,
          residents: 300,
          managementType: '物业服务企业',
          onOldRegister: '是',
          renovationStatus: 'planned',
        },
        geometry: square(await pointIn(db, 'communities', first), 0.0002),
      },
      {
        // No community code: the community holding its point on surface; a one-part MultiPolygon.
        properties: {
          code: codes[1],
          name: '导入测试小区乙',
          renovationStatus: 'completed',
          renovationYear: 2021,
        },
        geometry: {
          type: 'MultiPolygon',
          coordinates: [square(await pointIn(db, 'communities', second), 0.0002).coordinates],
        },
      },
    ])
    const before = await rowCounts(db)

    const { import: created, analysis } = await uploaded(admin, 'survey.geojson', file)
    expect(created).toMatchObject({
      status: 'uploaded',
      target: null,
      fileName: 'survey.geojson',
      format: 'geojson',
    })
    expect(created.counts.features).toBe(2)
    expect(analysis).toMatchObject({ format: 'geojson', featureCount: 2, detectedCrs: '4326' })
    // Why: the coordinates' ranges, as data; the wizard and the CLI say it in their language.
    expect(analysis.crsReason).toMatchObject({ reason: ReasonCrsDegrees, params: { crs: '4326' } })
    const [west, east] = analysis.crsReason.params.x as [number, number]
    expect(west).toBeGreaterThan(104)
    expect(east).toBeLessThan(104.2)
    expect(analysis.columns).toEqual(expect.arrayContaining(['code', 'name', 'communityCode']))
    expect(analysis.suggestedMappings.compounds).toMatchObject({ code: 'code', name: 'name' })
    expect(analysis.rememberedMapping.compounds).toBe(false)
    expect(await rowCounts(db)).toEqual({ ...before, imports: before.imports + 1 })

    const report = await validate(admin, created.id, { target: 'compounds' })
    expect(report.counts).toEqual({ features: 2, valid: 2, warning: 0, invalid: 0 })
    expect(report.preview.features).toHaveLength(2)
    expect(await rowCounts(db)).toEqual({ ...before, imports: before.imports + 1 })

    const committed = await commit(admin, created.id, { target: 'compounds' })
    expect(committed).toMatchObject({ id: created.id, status: 'committed', target: 'compounds', crs: '4326' })
    expect(committed.counts).toEqual({ features: 2, valid: 2, invalid: 0, created: 2, skipped: 0 })
    expect(committed.committedAt).not.toBeNull()
    const rows = await db
      .knex('compound_records as c')
      .join('communities as cm', 'cm.id', 'c.community_id')
      .whereIn('c.code', codes)
      .orderBy('c.code')
      .select(
        'c.code',
        'cm.code as community',
        'c.synthetic',
        'c.version',
        'c.management_type',
        'c.on_old_register',
        'c.renovation_year',
        db.knex.raw('ST_GeometryType(c.geom) as type'),
      )
    expect(rows).toEqual([
      {
        code: codes[0],
        community: first,
        synthetic: false,
        version: 1,
        management_type: 'property_company',
        on_old_register: true,
        renovation_year: null,
        type: 'ST_Polygon',
      },
      {
        code: codes[1],
        community: second,
        synthetic: false,
        version: 1,
        management_type: null,
        on_old_register: false,
        renovation_year: 2021,
        type: 'ST_Polygon',
      },
    ])
    const afterCommit = {
      ...before,
      imports: before.imports + 1,
      import_rows: before.import_rows + 2,
      compound_records: before.compound_records + 2,
      audit_entries: before.audit_entries + 1,
    }
    expect(await rowCounts(db)).toEqual(afterCommit)
    const audit = await db
      .knex('audit_entries')
      .where({ entity_type: 'import', entity_id: String(created.id) })
    expect(audit.map((entry) => entry.action)).toEqual(['import'])

    // A retried commit answers the same and writes nothing twice.
    expect(await commit(admin, created.id, { target: 'compounds' })).toEqual(committed)
    expect(await rowCounts(db)).toEqual(afterCommit)
    expect(await expectJson(await admin.fetch(`/api/v1/imports/${created.id}`), 200)).toEqual(committed)
    const page = importPage.parse(await expectJson(await admin.fetch('/api/v1/imports?limit=1'), 200))
    expect(page.imports[0]?.id).toBe(created.id)

    const rolledBack = await rollback(admin, created.id)
    expect(rolledBack).toMatchObject({ status: 'rolled_back', rolledBackBy: committed.createdBy })
    expect(await db.knex('compound_records').whereIn('code', codes).count({ n: '*' })).toEqual([{ n: 0 }])
    expect(await rowCounts(db)).toEqual({
      ...afterCommit,
      compound_records: before.compound_records,
      audit_entries: before.audit_entries + 2,
    })
    expect(await rollback(admin, created.id)).toEqual(rolledBack)
    const again = await problemOf(
      await post(admin, `/api/v1/imports/${created.id}/commit`, { target: 'compounds' }),
    )
    expect(again.status).toBe(409)
  })

  it('imports buildings from a zipped Shapefile in EPSG:4544, each under its compound by code or by place', async () => {
    const wufuyuan = (await db.knex('compounds').where({ name: '五福苑' }).first('id', 'code')) as {
      id: number
      code: string
    }
    const centre = await pointIn(db, 'compounds', wufuyuan.code)
    const outlines = [square(centre, 0.00003), square([centre[0] + 0.00001, centre[1] + 0.00001], 0.000015)]
    const codes = [`${tag}-SHP-1`, `${tag}-SHP-2`]
    const features: ExportFeature[] = outlines.map((outline, i) => ({
      id: i + 1,
      properties: {
        id: i + 1,
        code: codes[i] ?? null,
        name: `${i + 1}栋（测绘）`,
        compoundCode: i === 0 ? wufuyuan.code : null,
        compoundName: null,
        streetCode: SHAHE,
        storeys: 6 + i,
        households: 24,
        builtYear: 1992,
        hasLift: i === 1,
        structure: i === 0 ? 'brick_concrete' : 'frame',
        synthetic: false,
      },
      geometry: fromWgs84(outline, '4544'),
    }))
    const dir = await mkdtemp(path.join(tmpdir(), 'atlas-import-shp-'))
    let zip: Buffer
    try {
      const { files } = await writeShapefile(
        'buildings',
        (async function* () {
          yield features
        })(),
        { dir, baseName: 'buildings_EPSG4544', crs: '4544' },
      )
      zip = await buffer(zipStream(files.map((file) => ({ name: path.basename(file), path: file }))))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    const before = await rowCounts(db)

    const { import: created, analysis } = await uploaded(admin, 'buildings_EPSG4544.zip', zip)
    expect(analysis).toMatchObject({
      format: 'shapefile',
      featureCount: 2,
      detectedCrs: '4544',
      detectedEncoding: 'utf-8',
      crsReason: { reason: ReasonCrsDeclared, params: { source: 'prj', crs: '4544' } },
    })
    expect(analysis.suggestedMappings.buildings).toMatchObject({
      code: 'code',
      compoundCode: 'cmpd_code',
      storeys: 'storeys',
    })

    const committed = await commit(admin, created.id, { target: 'buildings' })
    expect(committed).toMatchObject({ status: 'committed', crs: '4544' })
    expect(committed.counts.created).toBe(2)
    const rows = await db
      .knex('buildings')
      .whereIn('code', codes)
      .orderBy('code')
      .select(
        'code',
        'compound_id',
        'name',
        'storeys',
        'has_lift',
        'structure',
        db.knex.raw('ST_AsGeoJSON(geom) as geojson'),
      )
    expect(rows.map(({ geojson: _, ...row }) => row)).toEqual([
      {
        code: codes[0],
        compound_id: wufuyuan.id,
        name: '1栋（测绘）',
        storeys: 6,
        has_lift: false,
        structure: 'brick_concrete',
      },
      {
        code: codes[1],
        compound_id: wufuyuan.id,
        name: '2栋（测绘）',
        storeys: 7,
        has_lift: true,
        structure: 'frame',
      },
    ])
    // Back from Gauss-Kruger metres (written to the millimetre) to the same degrees.
    rows.forEach((row, i) => {
      const stored = JSON.parse(row.geojson).coordinates[0] as Position[]
      const expected = outlines[i]?.coordinates[0] as Position[]
      expect(stored).toHaveLength(expected.length)
      stored.forEach(([lon, lat], k) => {
        expect(Math.abs(lon - (expected[k]?.[0] ?? 0))).toBeLessThan(1e-7)
        expect(Math.abs(lat - (expected[k]?.[1] ?? 0))).toBeLessThan(1e-7)
      })
    })
    expect(await rowCounts(db)).toMatchObject({ buildings: before.buildings + 2 })

    await rollback(admin, created.id)
    expect(await rowCounts(db)).toMatchObject({ buildings: before.buildings })
  })

  it('warns of a building imported over an existing building of its compound, naming it and the overlap, above a sliver and only within the compound', async () => {
    const wufuyuan = (await db.knex('compounds').where({ name: '五福苑' }).first('id', 'code')) as {
      id: number
      code: string
    }
    const other = (await db.knex('compounds').whereNot({ id: wufuyuan.id }).orderBy('id').first('code')) as {
      code: string
    }
    // The largest building of Wufuyuan, and the middle of its footprint in Gauss-Kruger metres (EPSG:4544).
    const existing = (await db
      .knex('buildings')
      .where({ compound_id: wufuyuan.id })
      .orderByRaw('ST_Area(geom::geography) desc')
      .first(
        'code',
        db.knex.raw('ST_X(ST_Transform(ST_PointOnSurface(geom), 4544)) as x'),
        db.knex.raw('ST_Y(ST_Transform(ST_PointOnSurface(geom), 4544)) as y'),
      )) as { code: string; x: number; y: number }
    /** A square of `side` metres around the middle of the existing building, in EPSG:4544. */
    const metreSquare = (side: number) => square([Number(existing.x), Number(existing.y)], side / 2)
    const building = (code: string, compoundCode: string, side: number) => ({
      properties: { code: `${tag}-OV-${code}`, compoundCode, storeys: 6 },
      geometry: metreSquare(side),
    })
    const file = featureCollection([
      building('OVER', wufuyuan.code, 4),
      // 1 m² is a sliver, under the tolerance of 2 m².
      building('SLIVER', wufuyuan.code, 1),
      // The same place, filed under another compound: not a building of the same compound.
      building('ELSEWHERE', other.code, 4),
    ])
    const { import: created } = await uploaded(admin, 'overlap.geojson', file)
    const report = await validate(admin, created.id, { target: 'buildings', crs: '4544' })
    const issues = new Map(report.features.map((f) => [f.n, f.issues]))
    expect(issues.get(1)).toEqual([
      {
        code: 'overlaps_existing_building',
        severity: 'warning',
        reason: ReasonOverlapsBuilding,
        params: { existingCode: existing.code, overlapM2: 16, share: 100 },
      },
    ])
    expect(report.features.find((f) => f.n === 1)?.status).toBe('warning')
    expect(issues.get(2) ?? []).toEqual([])
    expect(issues.get(3) ?? []).toEqual([])
    expect(report.counts).toMatchObject({ valid: 2, warning: 1, invalid: 0 })
    expect(report.issueCounts).toEqual({ overlaps_existing_building: 1 })
  })

  it('converts a CSV of GCJ-02 points (Amap) to WGS84 when told the system', async () => {
    const places = await Promise.all(shahe.slice(0, 3).map((code) => pointIn(db, 'communities', code)))
    const codes = places.map((_, i) => `${tag}-GCJ-${i}`)
    const types = ['elderly_care', '幼儿园', 'Clinic']
    const rows = places.map((wgs84, i) => {
      const [lon, lat] = gcoord.transform(wgs84, gcoord.WGS84, gcoord.GCJ02) as Position
      return [codes[i] ?? '', `设施 ${i}`, types[i] ?? '', 30 + i, lon.toFixed(7), lat.toFixed(7)]
    })
    const file = csv(['code', 'name', 'facilityType', 'capacity', 'lon', 'lat'], rows)

    const { import: created, analysis } = await uploaded(admin, 'facilities_GCJ02.csv', file)
    expect(analysis).toMatchObject({ format: 'csv', featureCount: 3 })
    expect(analysis.geometryColumns).toEqual({ lon: 'lon', lat: 'lat', wkt: null })

    const report = await validate(admin, created.id, { target: 'facilities', crs: 'gcj02' })
    expect(report.counts.invalid).toBe(0)
    const committed = await commit(admin, created.id, { target: 'facilities', crs: 'gcj02' })
    expect(committed).toMatchObject({ status: 'committed', crs: 'gcj02' })
    const stored = await db
      .knex('facilities')
      .whereIn('code', codes)
      .orderBy('code')
      .select(
        'code',
        'facility_type',
        'capacity',
        'synthetic',
        db.knex.raw('ST_X(geom) as lon'),
        db.knex.raw('ST_Y(geom) as lat'),
      )
    expect(stored.map((row) => row.facility_type)).toEqual(['elderly_care', 'kindergarten', 'clinic'])
    expect(stored.map((row) => row.synthetic)).toEqual([false, false, false])
    stored.forEach((row, i) => {
      // The GCJ-02 offset is some 500 m here; undone, what is left is gcoord's inversion error (centimetres).
      expect(Math.abs(Number(row.lon) - (places[i]?.[0] ?? 0))).toBeLessThan(2e-6)
      expect(Math.abs(Number(row.lat) - (places[i]?.[1] ?? 0))).toBeLessThan(2e-6)
    })
  })

  it('reads a GBK-encoded CSV with Chinese column names', async () => {
    const place = await pointIn(db, 'communities', shahe[1] as string)
    const code = `${tag}-GBK-1`
    const text = csv(
      ['编码', '名称', '类型', '经度', '纬度'],
      [[code, '锦江菜市场（测试）', '菜市场', place[0].toFixed(7), place[1].toFixed(7)]],
    )
    const { import: created, analysis } = await uploaded(admin, '设施.csv', iconv.encode(text, 'gbk'))
    expect(analysis.detectedEncoding).toBe('gbk')
    expect(analysis.columns).toEqual(expect.arrayContaining(['编码', '名称', '类型']))
    expect(analysis.suggestedMappings.facilities).toMatchObject({
      code: '编码',
      name: '名称',
      facilityType: '类型',
    })

    await commit(admin, created.id, { target: 'facilities' })
    expect(await db.knex('facilities').where({ code }).first('name', 'facility_type')).toEqual({
      name: '锦江菜市场（测试）',
      facility_type: 'vegetable_market',
    })
  })

  it('answers a retried upload with the first import, and refuses the key for another file', async () => {
    const key = `retry-${tag}-${backend}`
    const file = await compoundFile(`${tag}-KEY-1`, shahe[2] as string)
    const before = await rowCounts(db)
    const first = await expectJson<ImportUploadResponse>(
      await upload(admin, 'retry.geojson', file, { 'Idempotency-Key': key }),
      201,
    )
    const retry = await expectJson<ImportUploadResponse>(
      await upload(admin, 'retry.geojson', file, { 'Idempotency-Key': key }),
      200,
    )
    expect(retry).toEqual(first)
    expect(await rowCounts(db)).toEqual({ ...before, imports: before.imports + 1 })

    const other = await upload(
      admin,
      'retry.geojson',
      await compoundFile(`${tag}-KEY-2`, shahe[2] as string),
      {
        'Idempotency-Key': key,
      },
    )
    expect(other.status).toBe(409)
    expect((await problemOf(other)).detail).toContain(key)
    // Keys are per user: another user's same key is a new import.
    const planners = await upload(planner, 'retry.geojson', file, { 'Idempotency-Key': key })
    expect(planners.status).toBe(201)
    await planners.arrayBuffer()
    // Two requests at once with a new key: one import, answered to both.
    const racing = await Promise.all(
      [1, 2].map(() => upload(admin, 'race.geojson', file, { 'Idempotency-Key': `${key}-race` })),
    )
    expect(racing.map((res) => res.status).sort()).toEqual([200, 201])
    const [a, b] = await Promise.all(racing.map((res) => res.json() as Promise<ImportUploadResponse>))
    expect(a?.import.id).toBe(b?.import.id)
    const malformed = await upload(admin, 'retry.geojson', file, { 'Idempotency-Key': 'short' })
    expect(malformed.status).toBe(400)
    await malformed.arrayBuffer()
    expect(await rowCounts(db)).toEqual({ ...before, imports: before.imports + 3 })
  })

  it('answers a retried upload analysed before reasons were data with its English sentence kept as the detail', async () => {
    const key = `legacy-${tag}-${backend}`
    const file = await compoundFile(`${tag}-LEGACY-1`, shahe[2] as string)
    const first = await expectJson<ImportUploadResponse>(
      await upload(admin, 'legacy.geojson', file, { 'Idempotency-Key': key }),
      201,
    )
    // As an earlier version stored it: the reason as an English sentence.
    const sentence =
      'longitudes 104.101–104.102 and latitudes 30.646–30.648 are degrees in China: WGS84 assumed'
    const row = (await db.knex('imports').where({ id: first.import.id }).first('analysis')) as {
      analysis: Record<string, unknown>
    }
    await db
      .knex('imports')
      .where({ id: first.import.id })
      .update({ analysis: JSON.stringify({ ...row.analysis, crsReason: sentence }) })
    const retry = importUploadResponse.parse(
      await expectJson(await upload(admin, 'legacy.geojson', file, { 'Idempotency-Key': key }), 200),
    )
    expect(retry.analysis.crsReason).toEqual({ reason: ReasonCrsRecordedText, params: {}, detail: sentence })
  })

  it('remembers the mapping of a committed file for the next file with the same columns', async () => {
    const header = ['SBBM', 'SBMC', 'SBLX', 'GM', 'lon', 'lat']
    const place = await pointIn(db, 'communities', shahe[3] as string)
    const row = (code: string) => [
      code,
      '停车场（测试）',
      'parking',
      80,
      place[0].toFixed(7),
      place[1].toFixed(7),
    ]
    const mapping = { code: 'SBBM', name: 'SBMC', facilityType: 'SBLX', capacity: 'GM' }

    const first = await uploaded(admin, 'survey-1.csv', csv(header, [row(`${tag}-MAP-1`)]))
    expect(first.analysis.rememberedMapping.facilities).toBe(false)
    expect(first.analysis.suggestedMappings.facilities).not.toMatchObject(mapping)
    await commit(admin, first.import.id, { target: 'facilities', mapping })

    // The same columns in another order: the same signature.
    const reordered = [header[1], header[0], ...header.slice(2)] as string[]
    const next = await uploaded(
      planner,
      'survey-2.csv',
      csv(reordered, [
        [row(`${tag}-MAP-2`)[1], row(`${tag}-MAP-2`)[0], ...row(`${tag}-MAP-2`).slice(2)] as (
          | string
          | number
        )[],
      ]),
    )
    expect(next.analysis.rememberedMapping.facilities).toBe(true)
    expect(next.analysis.suggestedMappings.facilities).toEqual(mapping)
    const report = await validate(planner, next.import.id, { target: 'facilities' })
    expect(report.mapping).toEqual(mapping)
    expect(report.counts.valid).toBe(1)
  })

  it('keeps a planner to their streets, and to their own imports', async () => {
    const inside = await pointIn(db, 'communities', shahe[4] as string)
    const outside = await pointIn(db, 'communities', jinguanyi[0] as string)
    const codes = [`${tag}-PL-IN`, `${tag}-PL-OUT`]
    const file = csv(
      ['code', 'name', 'facilityType', 'lon', 'lat'],
      [
        [codes[0] ?? '', '街道内', 'park', inside[0].toFixed(7), inside[1].toFixed(7)],
        [codes[1] ?? '', '街道外', 'park', outside[0].toFixed(7), outside[1].toFixed(7)],
      ],
    )
    const { import: created } = await uploaded(planner, 'planner.csv', file)
    const report = await validate(planner, created.id, { target: 'facilities' })
    expect(report.counts).toMatchObject({ valid: 1, invalid: 1 })
    const refused = report.features.find((feature) => feature.code === codes[1])
    expect(refused?.issues.map((issue) => issue.code)).toEqual(['outside_user_streets'])

    const before = await rowCounts(db)
    const invalid = await post(planner, `/api/v1/imports/${created.id}/commit`, { target: 'facilities' })
    expect(invalid.status).toBe(422)
    expect(await problemOf(invalid)).toMatchObject({
      code: 'import_invalid',
      issueCounts: { outside_user_streets: 1 },
    })
    expect(await rowCounts(db)).toEqual(before)

    const committed = await commit(planner, created.id, { target: 'facilities', skipInvalid: true })
    expect(committed.counts).toMatchObject({ created: 1, skipped: 1 })
    expect(await db.knex('facilities').whereIn('code', codes).pluck('code')).toEqual([codes[0]])

    // An administrator sees every import; a planner only their own.
    const adminsImport = (await uploaded(admin, 'admin.csv', file)).import.id
    expect((await planner.fetch(`/api/v1/imports/${adminsImport}`)).status).toBe(404)
    expect(
      (await post(planner, `/api/v1/imports/${adminsImport}/validate`, { target: 'facilities' })).status,
    ).toBe(404)
    const mine = importPage.parse(await expectJson(await planner.fetch('/api/v1/imports?limit=200'), 200))
    expect(mine.imports.every((record) => record.createdBy?.id === committed.createdBy?.id)).toBe(true)
    expect((await admin.fetch(`/api/v1/imports/${created.id}`)).status).toBe(200)
  })

  it('forgets uploads never committed within 7 days when the next upload arrives', async () => {
    const stale = (
      await uploaded(admin, 'stale.geojson', await compoundFile(`${tag}-OLD-1`, shahe[0] as string))
    ).import
    const fresh = (
      await uploaded(admin, 'fresh.geojson', await compoundFile(`${tag}-OLD-2`, shahe[0] as string))
    ).import
    await db
      .knex('imports')
      .where({ id: stale.id })
      .update({ created_at: db.knex.raw("now() - interval '8 days'") })
    await uploaded(admin, 'next.geojson', await compoundFile(`${tag}-OLD-3`, shahe[0] as string))
    expect((await admin.fetch(`/api/v1/imports/${stale.id}`)).status).toBe(404)
    expect((await admin.fetch(`/api/v1/imports/${fresh.id}`)).status).toBe(200)
  })

  it('documents every import route in the OpenAPI description', async () => {
    const doc = await expectJson<{ paths: Record<string, object> }>(
      await app.get('/api/v1/openapi.json'),
      200,
    )
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/imports'))
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
    expect(documented.sort()).toEqual([
      'GET /api/v1/imports',
      'GET /api/v1/imports/{id}',
      'POST /api/v1/imports',
      'POST /api/v1/imports/{id}/commit',
      'POST /api/v1/imports/{id}/rollback',
      'POST /api/v1/imports/{id}/validate',
    ])
  })

  it('refuses viewers and leadership, storing nothing', async () => {
    const file = await compoundFile(`${tag}-ROLE-1`, shahe[0] as string)
    const before = await rowCounts(db)
    for (const client of [viewer, leadership]) {
      const res = await upload(client, 'nope.geojson', file)
      expect(res.status).toBe(403)
      await res.arrayBuffer()
    }
    expect(await rowCounts(db)).toEqual(before)
  })

  it('refuses a file over the upload limit with 413, storing nothing', async () => {
    const before = await rowCounts(db)
    const res = await upload(admin, 'huge.geojson', new Uint8Array(50 * 1024 * 1024 + 1))
    expect(res.status).toBe(413)
    expect(await problemOf(res)).toMatchObject({
      code: 'file_too_large',
      detail: expect.stringContaining('50 MB'),
    })
    expect(await rowCounts(db)).toEqual(before)
  })

  it('refuses to roll back records edited since, or that gained children, naming them', async () => {
    const code = `${tag}-RB-EDIT`
    const { import: edited } = await uploaded(
      admin,
      'edit.geojson',
      await compoundFile(code, shahe[5] as string),
    )
    await commit(admin, edited.id, { target: 'compounds' })
    const id = Number((await db.knex('compounds').where({ code }).first('id'))?.id)
    const patch = await admin.fetch(`/api/v1/compounds/${id}`, {
      method: 'PATCH',
      headers: { 'If-Match': '"1"' },
      json: { name: '改过的名字' },
    })
    expect(patch.status).toBe(200)
    await patch.arrayBuffer()
    const before = await rowCounts(db)
    const refused = await post(admin, `/api/v1/imports/${edited.id}/rollback`)
    expect(refused.status).toBe(409)
    expect(await problemOf(refused)).toMatchObject({
      code: 'import_changed',
      records: [{ table: 'compounds', id, code, reason: 'edited' }],
    })
    expect(await rowCounts(db)).toEqual(before)

    // A compound that gained a building from another import keeps its import until that one goes.
    const parentCode = `${tag}-RB-PARENT`
    const { import: parent } = await uploaded(
      admin,
      'parent.geojson',
      await compoundFile(parentCode, shahe[6] as string, 0.0003),
    )
    await commit(admin, parent.id, { target: 'compounds' })
    const centre = await pointIn(db, 'compounds', parentCode)
    const child = featureCollection([
      {
        properties: { code: `${tag}-RB-CHILD`, compoundCode: parentCode, storeys: 3 },
        geometry: square(centre, 0.00005),
      },
    ])
    const { import: children } = await uploaded(admin, 'child.geojson', child)
    await commit(admin, children.id, { target: 'buildings' })
    const blocked = await post(admin, `/api/v1/imports/${parent.id}/rollback`)
    expect(blocked.status).toBe(409)
    expect(await problemOf(blocked)).toMatchObject({ records: [{ code: parentCode, reason: 'referenced' }] })
    await rollback(admin, children.id)
    await rollback(admin, parent.id)
    expect(await db.knex('compound_records').where({ code: parentCode }).first()).toBeUndefined()
  })

  it('leaves nothing behind when the commit fails half way (the database refuses its last write)', async () => {
    const places = await Promise.all(shahe.slice(0, 2).map((code) => pointIn(db, 'communities', code)))
    const codes = [`${tag}-HALF-1`, `${tag}-HALF-2`]
    const file = csv(
      ['code', 'name', 'facilityType', 'lon', 'lat'],
      places.map((p, i) => [codes[i] ?? '', `半途 ${i}`, 'parking', p[0].toFixed(7), p[1].toFixed(7)]),
    )
    const { import: created } = await uploaded(admin, 'half.csv', file)
    // The audit entry is the commit's last write, after the records and the import's rows.
    await db.knex.raw(
      "alter table audit_entries add constraint test_refuse_import_audit check (not (entity_type = 'import' and action = 'import')) not valid",
    )
    const before = await rowCounts(db)
    try {
      const res = await post(admin, `/api/v1/imports/${created.id}/commit`, { target: 'facilities' })
      expect(res.status).toBe(409)
      expect((await problemOf(res)).detail).toContain('test_refuse_import_audit')
    } finally {
      await db.knex.raw('alter table audit_entries drop constraint test_refuse_import_audit')
    }
    expect(await rowCounts(db)).toEqual(before)
    expect(await db.knex('facilities').whereIn('code', codes).first()).toBeUndefined()
    expect(
      (await expectJson<ImportRecord>(await admin.fetch(`/api/v1/imports/${created.id}`), 200)).status,
    ).toBe('uploaded')

    expect((await commit(admin, created.id, { target: 'facilities' })).counts.created).toBe(2)
  })
})

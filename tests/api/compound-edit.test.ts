// Editing compounds (小区) through the API on every backend: If-Match and ETags, field and outline checks, who may
// write (visitors, viewers, planners outside their streets, CSRF), the edit history, restoring a version, soft
// delete and undelete, and the soft-delete migration itself. The real app, with real sign-in: the administrator and
// the viewer sign in as the web app does (cookie + CSRF token), the planner writes with a personal access token.
import { VectorTile } from '@mapbox/vector-tile'
import type { Database } from '@renewal-atlas/db'
import { migrateToLatest } from '@renewal-atlas/db'
import {
  compoundFeatureResponse,
  compoundHistoryResponse,
  compoundSearchResponse,
  compoundVersionConflict,
  deletedCompoundPage,
  GEOMETRY_REASONS,
  layerListResponse,
  summaryResponse,
} from '@renewal-atlas/domain'
import { PbfReader } from 'pbf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { down, up } from '../../migrations/20261126_0010_compound_soft_delete.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import {
  bearer,
  type Credentials,
  createBearerToken,
  createUser,
  type SignedInClient,
  signIn,
} from '../support/auth.ts'
import { backends, createTestDatabase } from '../support/backends.ts'

const SHAHE = '510104030' // 沙河街道
/** The general limit is per IP; these tests send a few hundred requests from one. */
const HIGH_LIMITS = { perMinute: 1e6, tilesPerMinute: 1e6 }

/** One kind of client sending a request: a signed-in browser, a script with a token, or a visitor. */
type Caller = (path: string, init?: RequestInit) => Promise<Response>

describe.each(backends)('compound edits on the %s backend', (backend) => {
  let app: TestApp
  let db: Database
  let admin: Credentials
  let adminClient: SignedInClient
  let planner: Credentials
  /** The administrator's browser: session cookie, X-CSRF-Token on writes. */
  let asAdmin: Caller
  /** A planner of 沙河街道 with a personal access token. */
  let asPlanner: Caller
  /** A viewer's browser. */
  let asViewer: Caller
  /** Nobody signed in (public read is on). */
  const asVisitor: Caller = (path, init) => app.get(path, init)
  /** Compounds ordered by id; each test takes its own so that no test sees another's edits. */
  let ids: number[] = []
  beforeAll(async () => {
    app = await startTestApp(backend, { rateLimits: HIGH_LIMITS })
    db = app.server.db
    admin = await createUser(db, { role: 'admin' })
    adminClient = await signIn(app, admin)
    asAdmin = adminClient.fetch
    planner = await createUser(db, { role: 'planner', streets: [SHAHE] })
    const token = await createBearerToken(db, planner.id)
    asPlanner = (path, init = {}) => {
      const headers = new Headers(init.headers)
      for (const [name, value] of Object.entries(bearer(token))) headers.set(name, value)
      return app.get(path, { ...init, headers })
    }
    asViewer = (await signIn(app, await createUser(db, { role: 'viewer' }))).fetch
    ids = (await db.knex('compounds').orderBy('id').pluck('id')).map(Number)
  })
  afterAll(async () => {
    await app?.close()
  })

  const takeCompound = () => {
    const id = ids.shift()
    if (id === undefined) throw new Error('out of compounds')
    return id
  }

  async function read(id: number) {
    const res = await asAdmin(`/api/v1/compounds/${id}`)
    expect(res.status).toBe(200)
    return {
      etag: res.headers.get('etag') as string,
      feature: compoundFeatureResponse.parse(await res.json()),
    }
  }

  function send(method: string, path: string, ifMatch?: string | null, body?: unknown, as: Caller = asAdmin) {
    const headers: Record<string, string> = {}
    if (ifMatch) headers['If-Match'] = ifMatch
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    return as(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }
  const patch = (id: number, ifMatch: string | null, body: unknown, as?: Caller) =>
    send('PATCH', `/api/v1/compounds/${id}`, ifMatch, body, as)

  /** The stored row (every column, the outline as text) and the compound's audit entries. */
  async function stored(id: number) {
    const k = db.knex
    const row = await k('compound_records')
      .where({ id })
      .first(k.raw('to_jsonb(compound_records) - ? as row', ['geom']), k.raw('ST_AsText(geom) as wkt'))
    const audit = await k('audit_entries')
      .where({ entity_type: 'compound', entity_id: String(id) })
      .count('* as n')
    return { row, audits: Number(audit[0]?.n) }
  }

  async function history(id: number, as: Caller = asAdmin) {
    const res = await as(`/api/v1/compounds/${id}/history`)
    return { res, body: res.status === 200 ? compoundHistoryResponse.parse(await res.json()) : undefined }
  }

  /** A small square around the compound's label point: valid and inside the district. */
  async function squareNear(id: number, halfSide = 0.0002) {
    const { center } = await db
      .knex('compounds')
      .where({ id })
      .first(db.knex.raw('ST_AsGeoJSON(ST_PointOnSurface(geom))::json as center'))
    const [lon, lat] = center.coordinates as [number, number]
    const x0 = Number((lon - halfSide).toFixed(6))
    const x1 = Number((lon + halfSide).toFixed(6))
    const y0 = Number((lat - halfSide).toFixed(6))
    const y1 = Number((lat + halfSide).toFixed(6))
    return {
      lon,
      lat,
      square: {
        type: 'Polygon',
        coordinates: [
          [
            [x0, y0],
            [x1, y0],
            [x1, y1],
            [x0, y1],
            [x0, y0],
          ],
        ],
      },
      bowtie: {
        type: 'Polygon',
        coordinates: [
          [
            [x0, y0],
            [x1, y1],
            [x1, y0],
            [x0, y1],
            [x0, y0],
          ],
        ],
      },
    }
  }

  it('refuses a PATCH without If-Match with 428 precondition_required, and writes nothing', async () => {
    const id = takeCompound()
    const before = await stored(id)
    const res = await patch(id, null, { name: '无版本' })
    expect(res.status).toBe(428)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect((await res.json()).code).toBe('precondition_required')
    expect(await stored(id)).toEqual(before)
  })

  it('answers a stale If-Match with 412 carrying the current version and record, and writes nothing', async () => {
    const id = takeCompound()
    const { etag } = await read(id)
    expect(etag).toBe('"1"')
    expect((await patch(id, etag, { households: 321 })).status).toBe(200)
    const before = await stored(id)
    const res = await patch(id, etag, { households: 123 })
    expect(res.status).toBe(412)
    const body = compoundVersionConflict.parse(await res.json())
    expect(body.code).toBe('version_conflict')
    expect(body.currentVersion).toBe(2)
    expect(body.current.properties).toMatchObject({ id, version: 2, households: 321 })
    expect(await stored(id)).toEqual(before)
  })

  it('refuses an If-Match that is not one strong ETag with 400 naming the header', async () => {
    const id = takeCompound()
    for (const bad of ['W/"1"', '1', '"1", "2"', '"x"', '"0"']) {
      const res = await patch(id, bad, { name: '坏版本' })
      expect(res.status, bad).toBe(400)
      expect((await res.json()).errors[0].name).toBe('If-Match')
    }
    expect((await patch(id, '*', { name: '任意版本' })).status).toBe(428)
  })

  it('writes the fields, steps the version, returns the new ETag, and every reader sees the change', async () => {
    const id = takeCompound()
    const { etag, feature } = await read(id)
    const { square } = await squareNear(id)
    const change = {
      name: '  改名小区  ',
      address: null,
      households: 480,
      residents: 1200,
      managementType: 'trust_property',
      renovationStatus: 'completed',
      renovationYear: 2024,
      builtYear: 1995,
      geometry: square,
    }
    const res = await patch(id, etag, change)
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe(`"${feature.properties.version + 1}"`)
    const written = compoundFeatureResponse.parse(await res.json())
    expect(written.properties).toMatchObject({
      ...feature.properties,
      name: '改名小区',
      address: null,
      households: 480,
      residents: 1200,
      managementType: 'trust_property',
      renovationStatus: 'completed',
      renovationYear: 2024,
      builtYear: 1995,
      version: feature.properties.version + 1,
    })
    expect(written.geometry).toEqual(square)
    const again = await read(id)
    expect(again.etag).toBe(res.headers.get('etag'))
    expect(again.feature).toEqual(written)
    const listed = await (
      await asAdmin(`/api/v1/search/compounds?q=${encodeURIComponent('改名小区')}`)
    ).json()
    expect(compoundSearchResponse.parse(listed).results.map((r) => r.id)).toContain(id)
  })

  it('refuses a self-intersecting outline with PostGIS’s reason, one outside the district, and writes nothing', async () => {
    const id = takeCompound()
    const { etag } = await read(id)
    const { bowtie } = await squareNear(id)
    const before = await stored(id)

    const crossed = await patch(id, etag, { geometry: bowtie })
    expect(crossed.status).toBe(400)
    const [error] = (await crossed.json()).errors
    expect(error.name).toBe('geometry')
    expect(error.reason).toMatch(new RegExp(`^${GEOMETRY_REASONS.invalid}: Self-intersection`))

    const far = {
      type: 'Polygon',
      coordinates: [
        [
          [10, 10],
          [10.001, 10],
          [10.001, 10.001],
          [10, 10.001],
          [10, 10],
        ],
      ],
    }
    const outside = await patch(id, etag, { geometry: far })
    expect(outside.status).toBe(400)
    expect((await outside.json()).errors).toEqual([
      { name: 'geometry', in: 'body', reason: GEOMETRY_REASONS.outsideDistrict },
    ])

    const point = await patch(id, etag, { geometry: { type: 'Point', coordinates: [104.08, 30.65] } })
    expect(point.status).toBe(400)
    expect((await point.json()).errors[0]).toMatchObject({
      name: 'geometry.type',
      reason: GEOMETRY_REASONS.notPolygon,
    })
    expect(await stored(id)).toEqual(before)
  })

  it('checks renovationYear iff completed on the record as it would be, naming the field', async () => {
    const id = (
      await db.knex('compounds').whereIn('id', ids).where({ renovation_status: 'not_planned' }).first('id')
    ).id
    ids = ids.filter((other) => other !== id)
    const { etag } = await read(id)
    const before = await stored(id)
    const completedWithoutYear = await patch(id, etag, { renovationStatus: 'completed' })
    expect(completedWithoutYear.status).toBe(400)
    expect((await completedWithoutYear.json()).errors).toEqual([
      {
        name: 'renovationYear',
        in: 'body',
        reason: 'renovationYear is required when renovationStatus is completed',
      },
    ])
    const yearWithoutCompletion = await patch(id, etag, { renovationYear: 2020 })
    expect(yearWithoutCompletion.status).toBe(400)
    expect((await yearWithoutCompletion.json()).errors[0].name).toBe('renovationYear')
    const unknown = await patch(id, etag, { name: 'x', floors: 6 })
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).errors).toEqual([{ name: 'floors', in: 'body', reason: 'unknown field' }])
    const empty = await patch(id, etag, {})
    expect(empty.status).toBe(400)
    expect(await stored(id)).toEqual(before)
    expect((await patch(id, etag, { renovationStatus: 'completed', renovationYear: 2021 })).status).toBe(200)
  })

  it('moves a compound to another community by code, and refuses a code that names none', async () => {
    const id = takeCompound()
    const { etag, feature } = await read(id)
    const other = await db
      .knex('communities')
      .whereNot({ code: feature.properties.communityCode })
      .orderBy('code')
      .first('code', 'name')
    expect((await patch(id, etag, { communityCode: '999999999999' })).status).toBe(400)
    const res = await patch(id, etag, { communityCode: other.code })
    expect(res.status).toBe(200)
    expect((await res.json()).properties).toMatchObject({
      communityCode: other.code,
      communityName: other.name,
    })
  })

  /** An untaken compound in 沙河街道 (or, with `inShahe` false, in another street), now taken. */
  async function takeCompoundIn(inShahe: boolean) {
    const found = await db
      .knex('compounds as c')
      .join('communities as cm', 'cm.id', 'c.community_id')
      .join('streets as s', 's.id', 'cm.street_id')
      .whereIn('c.id', ids)
      .where('s.code', inShahe ? '=' : '<>', SHAHE)
      .orderBy('c.id')
      .first('c.id')
    const id = Number(found.id)
    ids = ids.filter((other) => other !== id)
    return id
  }

  it('lets a planner edit inside their streets and refuses a move out of them with 403 outside_area', async () => {
    const id = await takeCompoundIn(true)
    const elsewhere = await db
      .knex('communities as cm')
      .join('streets as s', 's.id', 'cm.street_id')
      .whereNot('s.code', SHAHE)
      .first('cm.code')
    const { etag } = await read(id)
    const before = await stored(id)
    const out = await patch(id, etag, { communityCode: elsewhere.code }, asPlanner)
    expect(out.status).toBe(403)
    expect((await out.json()).code).toBe('outside_area')
    expect(await stored(id)).toEqual(before)
    const edit = await patch(id, etag, { households: 66 }, asPlanner)
    expect(edit.status).toBe(200)
    const { body } = await history(id)
    expect(body?.entries[0]?.user).toMatchObject({
      username: planner.username,
      displayName: `测试 ${planner.username}`,
    })
  })

  it('refuses a planner’s outline drawn into another street with 403 outside_area, writing nothing', async () => {
    const id = await takeCompoundIn(true)
    // A small square around a point of another street, well inside it.
    const { center } = await db
      .knex('streets')
      .whereNot('code', SHAHE)
      .first(db.knex.raw('ST_AsGeoJSON(ST_PointOnSurface(geom))::json as center'))
    const [lon, lat] = center.coordinates as [number, number]
    const d = 0.0001
    const away = {
      type: 'Polygon',
      coordinates: [
        [
          [lon - d, lat - d],
          [lon + d, lat - d],
          [lon + d, lat + d],
          [lon - d, lat + d],
          [lon - d, lat - d],
        ].map(([x, y]) => [Number(x?.toFixed(7)), Number(y?.toFixed(7))]),
      ],
    }
    const { etag } = await read(id)
    const before = await stored(id)
    const moved = await patch(id, etag, { geometry: away }, asPlanner)
    expect(moved.status).toBe(403)
    const problem = await moved.json()
    expect(problem.code).toBe('outside_area')
    expect(problem.detail).toContain(GEOMETRY_REASONS.outsideStreets)
    expect(await stored(id)).toEqual(before)
    // The administrator's edits reach every street: the same outline is written (allowing any overlap there).
    const byAdmin = await send('PATCH', `/api/v1/compounds/${id}?allowOverlap=true`, etag, { geometry: away })
    expect(byAdmin.status).toBe(200)
  })

  it('steps the tile revisions of the layers an edit changes, and of no other layer', async () => {
    const revisions = async () => {
      const res = await asVisitor('/api/v1/layers')
      expect(res.status).toBe(200)
      const { layers } = layerListResponse.parse(await res.json())
      return Object.fromEntries(layers.map((l) => [l.id, l.tiles?.url]))
    }
    const id = takeCompound()
    const { etag } = await read(id)
    const before = await revisions()
    expect(before.compounds).toMatch(/^\/api\/v1\/tiles\/compounds\/\{z\}\/\{x\}\/\{y\}\.mvt\?rev=/)
    expect((await patch(id, etag, { households: 321 })).status).toBe(200)
    const after = await revisions()
    expect(after.compounds).not.toBe(before.compounds)
    expect(after['compound-labels']).not.toBe(before['compound-labels'])
    // A building's tile carries its compound's households, status and years (the map filters buildings by them).
    expect(after.buildings).not.toBe(before.buildings)
    for (const layer of ['roads', 'facilities', 'streets', 'communities', 'district']) {
      expect(after[layer], layer).toBe(before[layer])
    }
    // A refused write changes nothing a cache holds.
    expect((await patch(id, etag, { households: 322 })).status).toBe(412)
    expect(await revisions()).toEqual(after)
  })

  it('refuses an outline over another compound with 409 naming it, and writes it when the overlap is allowed', async () => {
    const id = takeCompound()
    const neighbour = await db
      .knex('compounds as c')
      .join('compounds as n', (j) =>
        j.on(db.knex.raw('ST_DWithin(c.geom::geography, n.geom::geography, 200)')),
      )
      .where('c.id', id)
      .whereNot('n.id', id)
      .first('n.id', 'n.code', 'n.name', db.knex.raw('ST_AsGeoJSON(n.geom)::json as geometry'))
    expect(neighbour).toBeDefined()
    const { etag } = await read(id)
    const before = await stored(id)
    // The neighbour's own outline: an overlap of all of its area.
    const over = await patch(id, etag, { geometry: neighbour.geometry })
    expect(over.status).toBe(409)
    const problem = await over.json()
    expect(problem.code).toBe('overlaps_compounds')
    expect(problem.errors).toEqual([{ name: 'geometry', in: 'body', reason: GEOMETRY_REASONS.overlaps }])
    expect(problem.overlaps).toEqual([
      expect.objectContaining({ id: neighbour.id, code: neighbour.code, name: neighbour.name }),
    ])
    expect(problem.overlaps[0].areaM2).toBeGreaterThan(100)
    expect(await stored(id)).toEqual(before)
    const allowed = await send('PATCH', `/api/v1/compounds/${id}?allowOverlap=true`, etag, {
      geometry: neighbour.geometry,
    })
    expect(allowed.status).toBe(200)
    const bad = await send('PATCH', `/api/v1/compounds/${id}?allowOverlap=maybe`, etag, { name: 'x' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors[0]).toMatchObject({ name: 'allowOverlap', in: 'query' })
  })

  it('refuses writes of a visitor (401), a viewer (403) and a planner outside their streets (403 outside_area), writing nothing', async () => {
    const id = await takeCompoundIn(false)
    const { etag: first } = await read(id)
    // An entry to try restoring, written by the administrator.
    const edited = await patch(id, first, { name: '管理员修改' })
    expect(edited.status).toBe(200)
    const etag = edited.headers.get('etag') as string
    const entryId = (await history(id)).body?.entries[0]?.id
    expect(entryId).toBeGreaterThan(0)
    const before = await stored(id)

    const writes: [string, string, unknown?][] = [
      ['PATCH', `/api/v1/compounds/${id}`, { households: 5 }],
      ['DELETE', `/api/v1/compounds/${id}`],
      ['POST', `/api/v1/compounds/${id}/history/${entryId}/restore?state=before`],
    ]
    const refusals: [string, Caller, number, string][] = [
      ['visitor', asVisitor, 401, 'unauthenticated'],
      ['viewer', asViewer, 403, 'forbidden'],
      ['planner of 沙河街道', asPlanner, 403, 'outside_area'],
    ]
    for (const [who, as, status, code] of refusals) {
      for (const [method, path, body] of writes) {
        const res = await send(method, path, etag, body, as)
        expect(res.status, `${who} ${method} ${path}`).toBe(status)
        expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
        expect((await res.json()).code, `${who} ${method} ${path}`).toBe(code)
      }
      // Only an administrator lists and undeletes deleted compounds; for the planner too, whatever the street.
      const undelete = await send('POST', `/api/v1/compounds/${id}/undelete`, etag, undefined, as)
      expect(undelete.status, `${who} undelete`).toBe(status)
      expect((await as('/api/v1/deleted-compounds')).status, `${who} deleted list`).toBe(status)
    }

    // A signed-in browser's write without the CSRF token is refused too.
    const noCsrf = await adminClient.fetch(`/api/v1/compounds/${id}`, {
      method: 'PATCH',
      csrf: false,
      headers: { 'If-Match': etag, 'Content-Type': 'application/json' },
      body: JSON.stringify({ households: 5 }),
    })
    expect(noCsrf.status).toBe(403)
    expect((await noCsrf.json()).code).toBe('csrf_failed')

    expect(await stored(id)).toEqual(before)
    expect((await history(id)).body).toMatchObject({ currentVersion: 2, numberMatched: 1 })
    // The same If-Match still works for the administrator: nothing moved the version.
    expect((await patch(id, etag, { households: 5 })).status).toBe(200)
  })

  it('lists the history newest first with who, when, the action, the changed fields, before and after', async () => {
    const id = takeCompound()
    const { etag, feature } = await read(id)
    const first = await patch(id, etag, { name: '第一次修改' })
    const second = await patch(id, first.headers.get('etag'), { name: '第二次修改', households: 99 })
    expect(second.status).toBe(200)
    const { res, body } = await history(id)
    expect(res.headers.get('etag')).toBe(second.headers.get('etag'))
    expect(body).toMatchObject({ compoundId: id, currentVersion: 3, deleted: false, numberMatched: 2 })
    const [newest, oldest] = body?.entries ?? []
    expect(newest).toMatchObject({
      action: 'update',
      user: { username: admin.username, displayName: `测试 ${admin.username}` },
      changedFields: ['name', 'households'],
    })
    expect(newest?.before?.properties).toMatchObject({ name: '第一次修改', version: 2 })
    expect(newest?.after?.properties).toMatchObject({ name: '第二次修改', households: 99, version: 3 })
    expect(oldest).toMatchObject({ action: 'update', changedFields: ['name'] })
    expect(oldest?.before).toEqual(feature)
    expect(Date.parse(oldest?.at ?? '')).toBeLessThanOrEqual(Date.parse(newest?.at ?? ''))
    expect(Date.now() - Date.parse(newest?.at ?? '')).toBeLessThan(5 * 60_000)
    const paged = await (await asAdmin(`/api/v1/compounds/${id}/history?limit=1&offset=1`)).json()
    expect(paged.entries.map((e: { id: number }) => e.id)).toEqual([oldest?.id])
    expect((await asAdmin('/api/v1/compounds/99999999/history')).status).toBe(404)
  })

  it('restores the state after an entry as a new version recorded as restore, at the version If-Match names', async () => {
    const id = takeCompound()
    const { etag, feature } = await read(id)
    const { square } = await squareNear(id)
    const toA = await patch(id, etag, { name: '版本甲', geometry: square })
    const toB = await patch(id, toA.headers.get('etag'), { name: '版本乙', households: 7 })
    expect(toB.status).toBe(200)
    const { body } = await history(id)
    const entryA = body?.entries.find((e) => e.after?.properties.name === '版本甲')
    const entryB = body?.entries.find((e) => e.after?.properties.name === '版本乙')
    const restorePath = (entryId: number | undefined) => `/api/v1/compounds/${id}/history/${entryId}/restore`

    expect((await send('POST', restorePath(entryA?.id))).status).toBe(428)
    expect((await send('POST', restorePath(entryA?.id), toA.headers.get('etag'))).status).toBe(412)
    const restored = await send('POST', restorePath(entryA?.id), toB.headers.get('etag'))
    expect(restored.status).toBe(200)
    expect(restored.headers.get('etag')).toBe('"4"')
    const now = compoundFeatureResponse.parse(await restored.json())
    expect(now).toEqual({ ...entryA?.after, properties: { ...entryA?.after?.properties, version: 4 } })

    const after = (await history(id)).body
    expect(after?.entries[0]).toMatchObject({ action: 'restore', changedFields: ['name', 'households'] })
    expect(after?.entries[0]?.before).toEqual(entryB?.after)

    expect(now.geometry).not.toEqual(feature.geometry)

    // state=before undoes the oldest change: back to the record as it was loaded, outline included.
    const oldest = after?.entries.at(-1)
    expect(oldest?.before).toEqual(feature)
    const undone = await send('POST', `${restorePath(oldest?.id)}?state=before`, '"4"')
    expect(undone.status).toBe(200)
    expect(await undone.json()).toEqual({ ...feature, properties: { ...feature.properties, version: 5 } })
    expect((await send('POST', `${restorePath(oldest?.id)}?state=later`, '"5"')).status).toBe(400)

    const otherId = takeCompound()
    expect(
      (await send('POST', `/api/v1/compounds/${otherId}/history/${entryA?.id}/restore`, '"1"')).status,
    ).toBe(404)
  })

  it('deletes softly: gone from the list, the record, search, tiles and statistics, back on undelete', async () => {
    const id = takeCompound()
    const { etag, feature } = await read(id)
    const name = feature.properties.name
    const { lon, lat } = await squareNear(id)
    const tile = tileAt(lon, lat, 14)
    const state = async () => {
      const list = await (await asAdmin('/api/v1/compounds?limit=1')).json()
      const search = compoundSearchResponse.parse(
        await (await asAdmin(`/api/v1/search/compounds?q=${encodeURIComponent(name)}&limit=50`)).json(),
      )
      const summary = summaryResponse.parse(await (await asAdmin('/api/v1/stats/summary')).json())
      const tileRes = await asAdmin(`/api/v1/tiles/compounds/${tile.z}/${tile.x}/${tile.y}.mvt`)
      const tileIds = tileRes.status === 200 ? featureIds(await tileRes.arrayBuffer(), 'compounds') : []
      return {
        listed: list.numberMatched as number,
        record: (await asAdmin(`/api/v1/compounds/${id}`)).status,
        buildings: (await asAdmin(`/api/v1/compounds/${id}/buildings`)).status,
        found: search.results.some((r) => r.id === id),
        compounds: summary.rows.find((r) => r.key === 'compounds')?.value,
        inTile: tileIds.includes(id),
      }
    }
    const live = await state()
    expect(live).toMatchObject({ record: 200, buildings: 200, found: true, inTile: true })

    expect((await send('DELETE', `/api/v1/compounds/${id}`)).status).toBe(428)
    const removed = await send('DELETE', `/api/v1/compounds/${id}`, etag)
    expect(removed.status).toBe(204)
    expect(removed.headers.get('etag')).toBe('"2"')
    expect(await state()).toEqual({
      listed: live.listed - 1,
      record: 404,
      buildings: 404,
      found: false,
      compounds: (live.compounds ?? 0) - 1,
      inTile: false,
    })
    expect((await patch(id, '"2"', { name: '已删除' })).status).toBe(404)
    expect((await send('DELETE', `/api/v1/compounds/${id}`, '"2"')).status).toBe(404)

    const deleted = deletedCompoundPage.parse(await (await asAdmin('/api/v1/deleted-compounds')).json())
    const entry = deleted.features.find((f) => f.id === id)
    expect(entry?.properties).toMatchObject({ name, version: 2, deletedBy: { username: admin.username } })
    const { body: adminView } = await history(id)
    expect(adminView).toMatchObject({ deleted: true, currentVersion: 2 })
    expect(adminView?.entries[0]).toMatchObject({ action: 'delete', after: null, changedFields: [] })
    expect(adminView?.entries[0]?.before).toEqual(feature)
    expect((await history(id, asViewer)).res.status).toBe(404)

    expect((await send('POST', `/api/v1/compounds/${id}/undelete`)).status).toBe(428)
    expect((await send('POST', `/api/v1/compounds/${id}/undelete`, '"1"')).status).toBe(412)
    const back = await send('POST', `/api/v1/compounds/${id}/undelete`, '"2"')
    expect(back.status).toBe(200)
    expect(back.headers.get('etag')).toBe('"3"')
    expect((await back.json()).properties).toEqual({ ...feature.properties, version: 3 })
    expect(await state()).toEqual(live)
    expect((await send('POST', `/api/v1/compounds/${id}/undelete`, '"3"')).status).toBe(404)

    // The delete entry restores the state before it.
    await patch(id, '"3"', { name: '删除后改名' })
    const { body: later } = await history(id)
    expect(later?.entries.map((e) => e.action)).toEqual(['update', 'undelete', 'delete'])
    const deleteEntry = later?.entries[2]
    const restored = await send('POST', `/api/v1/compounds/${id}/history/${deleteEntry?.id}/restore`, '"4"')
    expect(restored.status).toBe(200)
    expect((await restored.json()).properties).toEqual({ ...feature.properties, version: 5 })
  })

  it('inserts through the compounds view with the column defaults and the next identity id', async () => {
    const k = db.knex
    const community = await k('communities').first('id')
    const maxId = Number((await k('compound_records').max('id as max').first())?.max)
    const [row] = await k('compounds')
      .insert({
        code: 'TEST-VIEW-INSERT',
        name: '视图插入',
        community_id: community.id,
        geom: k.raw(
          "ST_GeomFromText('POLYGON((104.08 30.65,104.081 30.65,104.081 30.651,104.08 30.651,104.08 30.65))', 4326)",
        ),
      })
      .returning(['id', 'version', 'renovation_status', 'households', 'on_old_register', 'created_at'])
    expect(row.id).toBeGreaterThan(maxId)
    expect(row).toMatchObject({
      version: 1,
      renovation_status: 'not_planned',
      households: 0,
      on_old_register: false,
    })
    expect(row.created_at).toBeInstanceOf(Date)
    const record = await k('compound_records').where({ id: row.id }).first('deleted_at', 'deleted_by')
    expect(record).toEqual({ deleted_at: null, deleted_by: null })
    await k('compounds').where({ id: row.id }).delete()
  })
})

describe.each(backends)('the soft-delete migration on the %s backend', (backend) => {
  it('goes down to a compounds table holding every row, deleted ones too, and up to the view again', async () => {
    const test = await createTestDatabase(backend)
    try {
      const k = test.db.knex
      await migrateToLatest(k)
      const square = "ST_GeomFromText('MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))', 4326)"
      const [district] = await k('districts')
        .insert({ code: '1', name: '区', name_en: 'D', geom: k.raw(square) })
        .returning('id')
      const [street] = await k('streets')
        .insert({ code: '1', name: '街', district_id: district.id, geom: k.raw(square) })
        .returning('id')
      const [community] = await k('communities')
        .insert({ code: '1', name: '社区', street_id: street.id, geom: k.raw(square) })
        .returning('id')
      const polygon = k.raw("ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 1,0 0))', 4326)")
      const [a] = await k('compounds')
        .insert({ code: 'a', name: '甲', community_id: community.id, geom: polygon })
        .returning('id')
      await k('compounds').insert({ code: 'b', name: '乙', community_id: community.id, geom: polygon })
      await k('compound_records').where({ id: a.id }).update({ deleted_at: k.fn.now() })
      await k('audit_entries').insert({
        action: 'undelete',
        entity_type: 'compound',
        entity_id: String(a.id),
      })
      expect(await k('compounds').pluck('code')).toEqual(['b'])

      await down(k)
      const kind = async (name: string) =>
        (
          await k.raw(
            'select table_type from information_schema.tables where table_schema = current_schema() and table_name = ?',
            [name],
          )
        ).rows[0]?.table_type
      expect(await kind('compounds')).toBe('BASE TABLE')
      expect(await kind('compound_records')).toBeUndefined()
      expect(await k('compounds').orderBy('code').pluck('code')).toEqual(['a', 'b'])
      expect(Object.keys(await k('compounds').columnInfo())).not.toContain('deleted_at')
      expect(await k('audit_entries').pluck('action')).toEqual(['restore'])
      await expect(
        k('audit_entries').insert({ action: 'undelete', entity_type: 'compound', entity_id: '1' }),
      ).rejects.toThrow(/audit_entries_action_check/)
      const [c] = await k('compounds')
        .insert({ code: 'c', name: '丙', community_id: community.id, geom: polygon })
        .returning('id')
      expect(c.id).toBeGreaterThan(a.id)

      await up(k)
      expect(await kind('compounds')).toBe('VIEW')
      expect(await kind('compound_records')).toBe('BASE TABLE')
      expect(await k('compounds').orderBy('code').pluck('code')).toEqual(['a', 'b', 'c'])
    } finally {
      await test.dispose()
    }
  })
})

/** The tile (web mercator, XYZ) holding a WGS84 point. */
function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z
  const rad = (lat * Math.PI) / 180
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  }
}

function featureIds(bytes: ArrayBuffer, layer: string): number[] {
  const decoded = new VectorTile(new PbfReader(new Uint8Array(bytes))).layers[layer]
  if (!decoded) return []
  return Array.from({ length: decoded.length }, (_, i) => Number(decoded.feature(i).id))
}

// Property-based fuzzing of compound edits on every backend (fast-check): random record fields and outlines —
// self-intersecting, wrongly wound, unclosed, NaN, huge, deeply nested, __proto__ — never give a 5xx, and a refused
// write leaves the row and the audit log exactly as they were. The real app: the fuzzer writes as a signed-in
// administrator's browser (cookie + CSRF token), the outline checks as a planner of the street with a token.
import type { Database } from '@renewal-atlas/db'
import { compoundFeatureResponse } from '@renewal-atlas/domain'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { bearer, createBearerToken, createUser, type SignedInClient, signIn } from '../support/auth.ts'
import { backends } from '../support/backends.ts'

const RUNS = Number(process.env.FUZZ_RUNS ?? 120)
/** The general limit is per IP; FUZZ_RUNS may be raised far past it. */
const HIGH_LIMITS = { perMinute: 1e6, tilesPerMinute: 1e6 }

// ---- arbitraries ----

/** Strings that databases, drivers and parsers trip on. */
const nasty = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\u001b[31m',
    "'; drop table compounds; --",
  ),
  fc.constantFrom('1e400', 'NaN', '__proto__', '%s%n', '\\', '\u202e', '𠮷'.repeat(300)),
)

/** Anything JSON can carry, a little of it nested. */
const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string(),
  nasty,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
)

const year = fc.oneof(
  fc.integer({ min: 1900, max: 2100 }),
  fc.integer({ min: -40_000, max: 40_000 }),
  fc.constant(null),
)

/** Values for each field: mostly well-typed (so that writes succeed), sometimes out of range or of another type. */
const fields = {
  name: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ maxLength: 300 }), nasty, junk),
  address: fc.oneof(fc.string({ maxLength: 60 }), fc.constant(null), nasty, junk),
  builtYear: fc.oneof(year, junk),
  buildingCount: fc.oneof(fc.integer({ min: -5, max: 20_000 }), junk),
  households: fc.oneof(fc.integer({ min: -5, max: 2_000_000 }), fc.double(), junk),
  residents: fc.oneof(fc.integer({ min: 0, max: 6_000_000 }), junk),
  floorAreaM2: fc.oneof(fc.double({ min: -1, max: 2e8, noNaN: true }), fc.constant(null), junk),
  managementType: fc.oneof(
    fc.constantFrom('property_company', 'trust_property', 'self_managed', 'community_managed', 'none', null),
    junk,
  ),
  onOldRegister: fc.oneof(fc.boolean(), junk),
  renovationStatus: fc.oneof(fc.constantFrom('not_planned', 'planned', 'under_way', 'completed'), junk),
  renovationYear: fc.oneof(year, junk),
  communityCode: fc.oneof(fc.constantFrom('510104017001', '510104030001', '999999999999'), junk),
}

/** Values a planner would type: a patch of these alone is written. */
const goodStatus = fc.oneof(
  fc.record({
    renovationStatus: fc.constant('completed'),
    renovationYear: fc.integer({ min: 2010, max: 2025 }),
  }),
  fc.record({
    renovationStatus: fc.constantFrom('not_planned', 'planned', 'under_way'),
    renovationYear: fc.constant(null),
  }),
)
const goodFields = fc.record(
  {
    name: fc.stringMatching(/^[a-z0-9\u4e00-\u9fa5][a-z0-9 \u4e00-\u9fa5]{0,20}$/),
    address: fc.oneof(fc.constant(null), fc.stringMatching(/^[a-z0-9\u4e00-\u9fa5]{1,30}$/)),
    builtYear: fc.integer({ min: 1950, max: 2005 }),
    households: fc.integer({ min: 0, max: 1_000_000 }),
    residents: fc.integer({ min: 0, max: 5_000_000 }),
    floorAreaM2: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1e8, noNaN: true })),
    onOldRegister: fc.boolean(),
  },
  { requiredKeys: [] },
)

type Position = number[]

/** Rings around a point: random corners (often crossing), sorted by angle (simple), reversed, unclosed, degenerate. */
/** A star-shaped ring around the point: corners at distinct angles, so it never crosses itself. */
function simpleRing([lon, lat]: [number, number]) {
  return fc
    .uniqueArray(fc.tuple(fc.integer({ min: 0, max: 359 }), fc.integer({ min: 50, max: 400 })), {
      minLength: 3,
      maxLength: 24,
      selector: ([angle]) => angle,
    })
    .map((corners) => {
      const ring = [...corners]
        .sort(([a], [b]) => a - b)
        .map(([angle, radius]): Position => {
          const a = (angle * Math.PI) / 180
          return [
            Number((lon + (radius / 1e6) * Math.cos(a)).toFixed(7)),
            Number((lat + (radius / 1e6) * Math.sin(a)).toFixed(7)),
          ]
        })
      return [...ring, ring[0] as Position]
    })
}

function rings(center: [number, number]) {
  const offset = fc.integer({ min: -500, max: 500 }).map((n) => n / 1e6)
  const corner = fc
    .tuple(offset, offset)
    .map(([dx, dy]): Position => [Number((center[0] + dx).toFixed(7)), Number((center[1] + dy).toFixed(7))])
  const close = (points: Position[]) => [...points, points[0] as Position]
  const byAngle = (points: Position[]) =>
    [...points].sort(
      (a, b) =>
        Math.atan2((a[1] as number) - center[1], (a[0] as number) - center[0]) -
        Math.atan2((b[1] as number) - center[1], (b[0] as number) - center[0]),
    )
  const corners = fc.array(corner, { minLength: 3, maxLength: 12 })
  return fc.oneof(
    simpleRing(center),
    simpleRing(center).map((ring) => [...ring].reverse()),
    corners.map((points) => close(byAngle(points))),
    corners.map((points) => close(byAngle(points)).reverse()),
    corners.map(close),
    corners,
    fc.array(corner, { maxLength: 3 }),
  )
}

const hugeOrOdd = fc.constantFrom(1e300, -1e300, 181, -91, 1e-320, Number.MAX_VALUE, 0)

function geometries(center: [number, number]) {
  const ring = rings(center)
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .array(ring, { minLength: 1, maxLength: 3 })
        .map((r) => ({ type: 'Polygon', coordinates: r })),
    },
    ring.map((r) => ({ type: 'Polygon', coordinates: [r.map(([x, y]) => [y, x])] })),
    fc.tuple(ring, hugeOrOdd, fc.nat(20)).map(([r, bad, at]) => {
      const copy = r.map((p) => [...p])
      if (copy.length) (copy[at % copy.length] as Position)[at % 2] = bad
      return { type: 'Polygon', coordinates: [copy] }
    }),
    ring.map((r) => ({ type: 'MultiPolygon', coordinates: [[r]] })),
    ring.map((r) => ({ type: 'LineString', coordinates: r })),
    ring.map((r) => ({ type: 'Polygon', coordinates: r })),
    ring.map((r) => ({ type: 'Polygon', coordinates: [r], crs: { type: 'name' } })),
    fc.nat({ max: 4000 }).map((depth) => ({ type: 'Polygon', coordinates: nest(depth) })),
    fc.constant({ type: 'Polygon', coordinates: [ringOf(10_001, center)] }),
    fc.constant({ type: 'Polygon', coordinates: [ringOf(9_999, center)] }),
    junk,
  )
}

function nest(depth: number): unknown {
  let value: unknown = [104.08, 30.65]
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

/** A circle of n positions (the last repeating the first) around the point. */
function ringOf(n: number, [lon, lat]: [number, number]): Position[] {
  const ring = Array.from({ length: n - 1 }, (_, i) => {
    const a = (2 * Math.PI * i) / (n - 1)
    return [Number((lon + 0.0003 * Math.cos(a)).toFixed(7)), Number((lat + 0.0003 * Math.sin(a)).toFixed(7))]
  })
  return [...ring, ring[0] as Position]
}

/** A body as the client sends it: JSON text, sometimes with a __proto__ key, a NaN or a number JSON cannot hold. */
function bodies(center: [number, number]) {
  const record = fc.record({ ...fields, geometry: geometries(center) }, { requiredKeys: [] })
  const good = fc
    .tuple(
      goodFields,
      fc.option(goodStatus),
      fc.option(simpleRing(center).map((r) => ({ type: 'Polygon', coordinates: [r] }))),
    )
    .map(([body, status, geometry]) => ({
      ...body,
      ...status,
      ...(geometry ? { geometry } : {}),
      name: body.name ?? '小区',
    }))
  // One field spoiled in an otherwise good body: the bad value alone decides the answer.
  const spoiled = fc
    .tuple(good, fc.constantFrom(...(Object.keys(fields) as (keyof typeof fields)[]), 'geometry'))
    .chain(([body, field]) =>
      (field === 'geometry' ? geometries(center) : fields[field]).map((value) => ({
        ...body,
        [field]: value,
      })),
    )
  return fc.oneof(
    { weight: 4, arbitrary: good.map((body) => JSON.stringify(body)) },
    { weight: 4, arbitrary: spoiled.map((body) => JSON.stringify(body)) },
    { weight: 4, arbitrary: record.map((body) => JSON.stringify(body)) },
    record.map((body) => JSON.stringify(body).replace(/^\{/, '{"__proto__":{"name":"原型"},')),
    record.map((body) => JSON.stringify(body).replace(/^\{/, '{"constructor":{"prototype":{"x":1}},')),
    record.map((body) =>
      JSON.stringify({ ...body, households: 0 }).replace('"households":0', '"households":NaN'),
    ),
    record.map((body) =>
      JSON.stringify({ ...body, floorAreaM2: 0 }).replace('"floorAreaM2":0', '"floorAreaM2":1e400'),
    ),
    fc.json(),
    fc.string(),
  )
}

// ---- the properties ----

describe.each(backends)('fuzzed compound edits on the %s backend', (backend) => {
  let app: TestApp
  let db: Database
  let browser: SignedInClient
  beforeAll(async () => {
    app = await startTestApp(backend, { rateLimits: HIGH_LIMITS })
    db = app.server.db
    browser = await signIn(app, await createUser(db, { role: 'admin' }))
  })
  afterAll(async () => {
    await app?.close()
  })

  async function state(id: number) {
    const k = db.knex
    const row = await k('compound_records')
      .where({ id })
      .first(k.raw('to_jsonb(compound_records) - ? as row', ['geom']), k.raw('ST_AsEWKB(geom)::text as geom'))
    const audit = await k('audit_entries').count('* as n').first()
    const records = await k('compound_records').count('* as n').first()
    return { row, audits: Number(audit?.n), records: Number(records?.n) }
  }

  it('never answers 5xx and never writes part of a refused edit', async () => {
    const { id } = await db.knex('compounds').orderBy('id').offset(100).first('id')
    const { center } = await db
      .knex('compounds')
      .where({ id })
      .first(db.knex.raw('ST_AsGeoJSON(ST_PointOnSurface(geom))::json as center'))
    let version = 1
    const outcomes = new Map<number, number>()

    await fc.assert(
      fc.asyncProperty(bodies(center.coordinates), fc.boolean(), async (body, stale) => {
        const before = await state(id)
        const res = await browser.fetch(`/api/v1/compounds/${id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'If-Match': `"${stale ? version + 7 : version}"` },
          body,
        })
        outcomes.set(res.status, (outcomes.get(res.status) ?? 0) + 1)
        const answer = await res.text()
        expect(res.status, answer).toBeLessThan(500)
        const after = await state(id)
        if (res.status === 200) {
          const feature = compoundFeatureResponse.parse(JSON.parse(answer))
          expect(feature.properties.version).toBe(version + 1)
          expect(res.headers.get('etag')).toBe(`"${version + 1}"`)
          expect(after.audits).toBe(before.audits + 1)
          expect(after.records).toBe(before.records)
          version += 1
        } else {
          // 409: an outline over a neighbouring compound is refused unless allowOverlap=true.
          expect([400, 409, 412, 413]).toContain(res.status)
          expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
          expect(answer).not.toMatch(/select |insert |update |compound_records|at .*\.ts:/i)
          expect(after).toEqual(before)
        }
      }),
      { numRuns: RUNS },
    )
    // The fuzzer must have reached both the write and the refusals, or it tested too little.
    expect(outcomes.get(200) ?? 0).toBeGreaterThan(0)
    expect(outcomes.get(400) ?? 0).toBeGreaterThan(0)
    expect(outcomes.get(412) ?? 0).toBeGreaterThan(0)
    const errors = app.logs.filter((line) => line.level >= 50)
    expect(errors).toEqual([])
  })

  it('refuses each kind of bad outline with 400 naming the geometry, and keeps the record', async () => {
    const { id } = await db.knex('compounds').orderBy('id').offset(101).first('id')
    const { center } = await db
      .knex('compounds')
      .where({ id })
      .first(db.knex.raw('ST_AsGeoJSON(ST_PointOnSurface(geom))::json as center'))
    // A planner of the compound's street, writing with a personal access token.
    const { street } = await db
      .knex('compounds as c')
      .join('communities as cm', 'cm.id', 'c.community_id')
      .join('streets as s', 's.id', 'cm.street_id')
      .where('c.id', id)
      .first('s.code as street')
    const planner = await createUser(db, { role: 'planner', streets: [street] })
    const token = await createBearerToken(db, planner.id)
    const send = (body: unknown) =>
      app.get(`/api/v1/compounds/${id}`, {
        method: 'PATCH',
        headers: { ...bearer(token), 'Content-Type': 'application/json', 'If-Match': '"1"' },
        body: JSON.stringify(body),
      })
    const [x, y] = center.coordinates as [number, number]
    const d = 0.0002
    const square = [
      [x - d, y - d],
      [x + d, y - d],
      [x + d, y + d],
      [x - d, y + d],
      [x - d, y - d],
    ]
    const cases: [string, unknown][] = [
      [
        'self-intersecting',
        [
          [
            [x - d, y - d],
            [x + d, y + d],
            [x + d, y - d],
            [x - d, y + d],
            [x - d, y - d],
          ],
        ],
      ],
      ['unclosed', [square.slice(0, 4)]],
      ['too short', [[square[0], square[1], square[0]]]],
      ['huge', [square.map(([a, b]) => [(a as number) * 1e300, b])]],
      ['latitude out of range', [square.map(([a, b]) => [a, (b as number) + 100])]],
      ['too many vertices', [ringOf(10_001, [x, y])]],
      ['nested too deep', nest(2000)],
      ['hole outside the shell', [square, square.map(([a, b]) => [(a as number) + 0.01, b])]],
    ]
    const before = await state(id)
    for (const [what, coordinates] of cases) {
      const res = await send({ geometry: { type: 'Polygon', coordinates } })
      expect(res.status, what).toBe(400)
      const problem = await res.json()
      expect(problem.errors[0].name, what).toMatch(/^geometry/)
    }
    expect(await state(id)).toEqual(before)
    // The compound's own outline, wound clockwise: clear of its neighbours, so only the winding differs.
    const { outline } = await db
      .knex('compounds')
      .where({ id })
      .first(db.knex.raw('ST_AsGeoJSON(ST_GeometryN(geom, 1))::json as outline'))
    const ring = (outline.coordinates as number[][][])[0] as number[][]
    const wound = await send({ geometry: { type: 'Polygon', coordinates: [[...ring].reverse()] } })
    expect(wound.status, 'a clockwise ring is accepted and stored counter-clockwise').toBe(200)
    const stored = await db.knex('compounds').where({ id }).first(db.knex.raw('ST_IsPolygonCCW(geom) as ccw'))
    expect(stored.ccw).toBe(true)
  })
})

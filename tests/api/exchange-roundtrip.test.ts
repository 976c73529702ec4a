// Export then import gives the same records, on every backend, for every format that can carry them: the
// facilities and buildings of one street go out through GET /api/v1/exports/{layer} as GeoJSON, GeoJSON Text
// Sequences, CSV with WKT and a zipped Shapefile, are deleted, come back in through the import API, and every field
// an import carries is equal again, with the geometry within 1e-7 degrees. A Shapefile's text columns hold at most
// their dbf width in UTF-8 bytes, so for it the expected text is cut the same way.
import type { Database } from '@renewal-atlas/db'
import {
  EXCHANGE_LAYERS,
  FEATURE_COUNT_HEADER,
  IMPORT_TARGETS,
  type ImportRecord,
  type ImportUploadResponse,
} from '@renewal-atlas/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { createUser, type SignedInClient, signIn } from '../support/auth.ts'
import { backends } from '../support/backends.ts'
import { expectJson, HIGH_LIMITS, SHAHE, upload } from './imports-support.ts'

type Layer = 'facilities' | 'buildings'
type Row = Record<string, unknown> & { code: string; geometry: { type: string; coordinates: unknown } }

const LAYERS: Layer[] = ['facilities', 'buildings']
const FORMATS = ['geojson', 'geojsonseq', 'csv', 'shapefile'] as const
const TOLERANCE = 1e-7

/** The fields an import carries, as the database holds them (buildings name their compound by its code). */
const SNAPSHOT_SQL: Record<Layer, string> = {
  facilities: `select f.code, f.name, f.facility_type as "facilityType", f.capacity, f.floor_area_m2 as "floorAreaM2",
      ST_AsGeoJSON(f.geom)::json as geometry
    from facilities f where f.code = any(?::text[]) order by f.code`,
  buildings: `select b.code, b.name, c.code as "compoundCode", b.storeys, b.households, b.built_year as "builtYear",
      b.has_lift as "hasLift", b.structure, ST_AsGeoJSON(b.geom)::json as geometry
    from buildings b join compound_records c on c.id = b.compound_id where b.code = any(?::text[]) order by b.code`,
}

const TABLE: Record<Layer, string> = { facilities: 'facilities', buildings: 'buildings' }

describe.each(backends)('export → import round trip on the %s backend', (backend) => {
  let app: TestApp
  let db: Database
  let admin: SignedInClient
  /** Codes of the street's records per layer, and the records as they were before any round trip. */
  const codes = new Map<Layer, string[]>()
  const original = new Map<Layer, Row[]>()

  const snapshot = async (layer: Layer): Promise<Row[]> =>
    (await db.knex.raw<{ rows: Row[] }>(SNAPSHOT_SQL[layer], [codes.get(layer) ?? []])).rows.map((row) => ({
      ...row,
      geometry: typeof row.geometry === 'string' ? JSON.parse(row.geometry) : row.geometry,
    }))

  beforeAll(async () => {
    app = await startTestApp(backend, { rateLimits: HIGH_LIMITS })
    db = app.server.db
    admin = await signIn(app, await createUser(db, { role: 'admin' }))
    for (const layer of LAYERS) {
      const res = await admin.fetch(`/api/v1/exports/${layer}?format=geojson&street=${SHAHE}`)
      const collection = await expectJson<{ features: { properties: { code: string } }[] }>(res, 200)
      codes.set(
        layer,
        collection.features.map((feature) => feature.properties.code),
      )
      original.set(layer, await snapshot(layer))
    }
  })
  afterAll(async () => {
    await app?.close()
  })

  it('finds records of both layers in the street', () => {
    for (const layer of LAYERS) {
      expect(codes.get(layer)?.length, layer).toBeGreaterThan(0)
      expect(original.get(layer)).toHaveLength(codes.get(layer)?.length ?? -1)
    }
  })

  it.each(FORMATS)('gives the same records back through %s', async (format) => {
    for (const layer of LAYERS) {
      const res = await admin.fetch(`/api/v1/exports/${layer}?format=${format}&street=${SHAHE}`)
      expect(res.status, `${layer} ${format} export`).toBe(200)
      const count = Number(res.headers.get(FEATURE_COUNT_HEADER))
      const fileName =
        /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `${layer}.${format}`
      const file = new Uint8Array(await res.arrayBuffer())

      // Read first (nothing is written by an upload), then the records go, then the import brings them back.
      const uploaded = await expectJson<ImportUploadResponse>(await upload(admin, fileName, file), 201)
      expect(uploaded.analysis.featureCount, `${layer} ${format} features read`).toBe(count)
      const layerCodes = codes.get(layer) ?? []
      await db.knex(TABLE[layer]).whereIn('code', layerCodes).delete()
      expect(await snapshot(layer)).toEqual([])

      const commit = await admin.fetch(`/api/v1/imports/${uploaded.import.id}/commit`, {
        method: 'POST',
        json: { target: layer },
      })
      const committed = await expectJson<ImportRecord>(commit, 200)
      expect(committed.counts.created).toBe(layerCodes.length)

      expectSameRecords(layer, await snapshot(layer), expected(layer, format), `${layer} via ${format}`)
    }
  })

  /** The original records as a format can carry them: a Shapefile cuts text at its dbf width. */
  function expected(layer: Layer, format: (typeof FORMATS)[number]): Row[] {
    const rows = original.get(layer) ?? []
    if (format !== 'shapefile') return rows
    const widths = new Map(
      EXCHANGE_LAYERS[layer].fields.filter((f) => f.type === 'string').map((f) => [f.name, f.width ?? 80]),
    )
    return rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([name, value]) => [
          name,
          typeof value === 'string' && widths.has(name) ? cutUtf8(value, widths.get(name) ?? 80) : value,
        ]),
      ),
    ) as Row[]
  }
})

/** Every field the import target carries is equal, and the geometry within the tolerance. */
function expectSameRecords(layer: Layer, actual: Row[], wanted: Row[], what: string): void {
  expect(
    actual.map((row) => row.code),
    what,
  ).toEqual(wanted.map((row) => row.code))
  const fields = IMPORT_TARGETS[layer].fields.map((f) => f.name)
  actual.forEach((row, i) => {
    const want = wanted[i] as Row
    for (const field of fields) expect(row[field], `${what}: ${row.code}.${field}`).toEqual(want[field])
    expect(row.geometry.type, `${what}: ${row.code} geometry type`).toBe(want.geometry.type)
    expectClose(row.geometry.coordinates, want.geometry.coordinates, `${what}: ${row.code} geometry`)
  })
}

function expectClose(actual: unknown, wanted: unknown, what: string): void {
  if (typeof wanted === 'number') {
    expect(typeof actual, what).toBe('number')
    expect(Math.abs((actual as number) - wanted), what).toBeLessThanOrEqual(TOLERANCE)
    return
  }
  expect(Array.isArray(actual) && Array.isArray(wanted) && actual.length === wanted.length, what).toBe(true)
  ;(wanted as unknown[]).forEach((item, i) => {
    expectClose((actual as unknown[])[i], item, what)
  })
}

/** Text cut to at most `bytes` UTF-8 bytes at a character boundary, as the dbf writer does. */
function cutUtf8(text: string, bytes: number): string {
  let out = ''
  let used = 0
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8')
    if (used + size > bytes) break
    out += char
    used += size
  }
  return out
}

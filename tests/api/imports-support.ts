// What the import tests share: posting a file as the web app does (raw body, fileName in the query), counting the
// rows an import may touch, places in the demo district to put test features, and small file builders.
import type { Database } from '@renewal-atlas/db'
import type { SignedInClient } from '../support/auth.ts'

/** 沙河街道: Wufuyuan (五福苑) lies in it. */
export const SHAHE = '510104030'
/** 锦官驿街道: another street of the district. */
export const JINGUANYI = '510104017'
/** The general limit is per IP; these tests send a few hundred requests from one. */
export const HIGH_LIMITS = { perMinute: 1e6, tilesPerMinute: 1e6 }

export type Position = [number, number]

/** Rows of every table an import writes; equal before and after means nothing was written. */
export interface RowCounts {
  imports: number
  import_rows: number
  compound_records: number
  buildings: number
  facilities: number
  audit_entries: number
}

export async function rowCounts(db: Database): Promise<RowCounts> {
  const tables = [
    'imports',
    'import_rows',
    'compound_records',
    'buildings',
    'facilities',
    'audit_entries',
  ] as const
  const counts = await Promise.all(
    tables.map(async (table) => Number((await db.knex(table).count({ n: '*' }).first())?.n ?? 0)),
  )
  return Object.fromEntries(tables.map((table, i) => [table, counts[i]])) as unknown as RowCounts
}

/** POST /api/v1/imports with the file as the body. */
export function upload(
  client: SignedInClient,
  fileName: string,
  bytes: Uint8Array | string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)
  return client.fetch(`/api/v1/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...headers },
    body,
  })
}

export interface Problem {
  type: string
  status: number
  code: string
  detail: string
  [member: string]: unknown
}

/** The problem+json body of a refusal; fails the test when the answer is not one. */
export async function problemOf(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? ''
  if (!type.startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${res.status} ${type}: ${await res.text()}`)
  }
  return (await res.json()) as Problem
}

/** A JSON answer with the expected status; otherwise the test fails showing the body. */
export async function expectJson<T>(res: Response, status: number): Promise<T> {
  const text = await res.text()
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text.slice(0, 2000)}`)
  return JSON.parse(text) as T
}

/** A point inside the record (PostGIS's point on surface), in WGS84. */
export async function pointIn(
  db: Database,
  table: 'communities' | 'compounds',
  code: string,
): Promise<Position> {
  const row = await db
    .knex(table)
    .where({ code })
    .first(
      db.knex.raw('ST_X(ST_PointOnSurface(geom)) as lon'),
      db.knex.raw('ST_Y(ST_PointOnSurface(geom)) as lat'),
    )
  if (!row) throw new Error(`no ${table} has code ${code}`)
  return [Number(row.lon), Number(row.lat)]
}

/** Communities of a street, by code. */
export async function communitiesOf(db: Database, streetCode: string): Promise<string[]> {
  return db
    .knex('communities as cm')
    .join('streets as s', 's.id', 'cm.street_id')
    .where('s.code', streetCode)
    .orderBy('cm.code')
    .pluck('cm.code')
}

/** A square polygon (exterior ring counter-clockwise) of `half` degrees either side of the centre. */
export function square([lon, lat]: Position, half: number) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
      ],
    ],
  }
}

export function featureCollection(
  features: { properties: Record<string, unknown>; geometry: unknown }[],
): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', ...f })),
  })
}

/** RFC 4180 CSV with CRLF line ends. */
export function csv(header: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => {
    const text = String(value)
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
  }
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`
}

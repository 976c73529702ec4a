// `COPY (query) TO STDOUT` on a pool connection of its own, as raw bytes: each row of the one-column query is one
// line. The CSV format with a delimiter and a quote character that never occur in JSON text (\x02, \x01) writes
// each value untouched (the text format would double every backslash). Used for GeoJSON exports on the server
// backend: the rows go from PostgreSQL's socket to the HTTP response without becoming strings in between.
import type { Knex } from 'knex'
import { to as copyTo } from 'pg-copy-streams'

/** A slow download keeps the statement open: it may run this long (the pool's own timeout is for queries). */
const COPY_TIMEOUT = '30min'

interface PgConnection {
  query(text: string): Promise<unknown>
  query<T>(stream: T): T
  /** knex's pool drops a connection that carries this mark instead of handing it out again. */
  __knex__disposed?: unknown
}

export async function* copyLines(knex: Knex, sql: string): AsyncIterable<Buffer> {
  const connection = (await knex.client.acquireConnection()) as PgConnection
  let clean = false
  try {
    await connection.query('begin read only')
    await connection.query(`set local statement_timeout = '${COPY_TIMEOUT}'`)
    const rows = connection.query(
      copyTo(`copy (${sql}) to stdout with (format csv, delimiter E'\\x02', quote E'\\x01')`),
    )
    for await (const chunk of rows) yield chunk as Buffer
    await connection.query('commit')
    clean = true
  } finally {
    // Stopped half way (the client went away, or an error): the connection is still in COPY mode, so the pool is
    // told to close it rather than hand it out again.
    if (!clean) connection.__knex__disposed = 'export stopped before its end'
    await knex.client.releaseConnection(connection)
  }
}

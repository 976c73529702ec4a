// The import log (imports), the records each committed import created (import_rows) and the remembered field
// mappings (import_mappings). Reads return ImportRecord as the API shows it; the upload's bytes are read apart.

import { fromPgError, UniqueViolation } from '@renewal-atlas/db'
import {
  type FieldMapping,
  type ImportAnalysis,
  type ImportCrs,
  type ImportEncoding,
  type ImportFormat,
  type ImportRecord,
  type ImportStatus,
  type ImportTarget,
  ReasonCrsRecordedText,
} from '@renewal-atlas/domain'
import type { Knex } from 'knex'

/** Table of each target's records, as import_rows names it (compounds live in compound_records, migration 0010). */
export const ROW_TABLE: Readonly<Record<ImportTarget, 'compound_records' | 'buildings' | 'facilities'>> = {
  compounds: 'compound_records',
  buildings: 'buildings',
  facilities: 'facilities',
}

/** An upload not committed within this many days is deleted, file and all. */
export const UPLOAD_RETENTION_DAYS = 7

export type ImportCounts = ImportRecord['counts']

export interface NewImport {
  fileName: string
  fileBytes: number
  fileSha256: string
  fileData: Uint8Array
  format: ImportFormat
  crs: ImportCrs | null
  encoding: ImportEncoding | null
  counts: ImportCounts
  analysis: ImportAnalysis
  idempotencyKey: string | null
  createdBy: number
}

/** How an import was read for validation or commit. */
export interface ImportReading {
  target: ImportTarget
  crs: ImportCrs
  encoding: ImportEncoding
  mapping: FieldMapping
  counts: ImportCounts
}

/** The import with what only the service needs: owner, key and the analysis of the upload. */
export interface StoredImport {
  record: ImportRecord
  createdById: number | null
  fileSha256: string
  analysis: ImportAnalysis
}

const IDEMPOTENCY_INDEX = 'imports_idempotency'

const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string).toISOString()
/** JSON columns are sent as text: the pg driver would turn a top-level array into a PostgreSQL array. */
const json = (value: unknown) => JSON.stringify(value)

export class ImportRepository {
  constructor(readonly knex: Knex) {}

  private imports(): Knex.QueryBuilder {
    return this.knex('imports as i')
      .leftJoin('users as cu', 'cu.id', 'i.created_by')
      .leftJoin('users as ru', 'ru.id', 'i.rolled_back_by')
      .select(
        'i.id',
        'i.status',
        'i.target',
        'i.file_name',
        'i.file_bytes',
        'i.file_sha256',
        'i.format',
        'i.crs',
        'i.encoding',
        'i.mapping',
        'i.counts',
        'i.analysis',
        'i.created_by',
        'cu.username as created_by_username',
        'i.rolled_back_by',
        'ru.username as rolled_back_by_username',
        'i.created_at',
        'i.committed_at',
        'i.rolled_back_at',
      )
  }

  /** Delete uploads never committed within the retention period (cheap: an index on the uploaded ones). */
  async deleteExpiredUploads(): Promise<number> {
    return this.knex('imports')
      .where('status', 'uploaded')
      .where('created_at', '<', this.knex.raw(`now() - make_interval(days => ?)`, [UPLOAD_RETENTION_DAYS]))
      .delete()
  }

  /** Record an upload; undefined when the user already used the idempotency key (another request won). */
  async create(upload: NewImport): Promise<number | undefined> {
    try {
      const [row] = await this.knex('imports')
        .insert({
          status: 'uploaded',
          file_name: upload.fileName,
          file_bytes: upload.fileBytes,
          file_sha256: upload.fileSha256,
          file_data: Buffer.from(
            upload.fileData.buffer,
            upload.fileData.byteOffset,
            upload.fileData.byteLength,
          ),
          format: upload.format,
          crs: upload.crs,
          encoding: upload.encoding,
          counts: json(upload.counts),
          analysis: json(upload.analysis),
          idempotency_key: upload.idempotencyKey,
          created_by: upload.createdBy,
        })
        .returning('id')
      return Number(row.id)
    } catch (error) {
      const refused = fromPgError(error)
      if (refused instanceof UniqueViolation && refused.broke(IDEMPOTENCY_INDEX)) {
        return undefined
      }
      throw error
    }
  }

  async findByKey(userId: number, key: string): Promise<StoredImport | undefined> {
    const row = await this.imports().where({ 'i.created_by': userId, 'i.idempotency_key': key }).first()
    return row ? toStored(row) : undefined
  }

  async find(id: number): Promise<StoredImport | undefined> {
    const row = await this.imports().where('i.id', id).first()
    return row ? toStored(row) : undefined
  }

  /** Lock the import's row for the rest of the transaction: a second commit or rollback waits, then sees the first. */
  async lock(id: number): Promise<StoredImport | undefined> {
    const row = await this.imports().where('i.id', id).forUpdate('i').first()
    return row ? toStored(row) : undefined
  }

  /** The uploaded file, or null once the import is committed or rolled back. */
  async fileData(id: number): Promise<Uint8Array | null> {
    const row = await this.knex('imports').where({ id }).first('file_data')
    const data = row?.file_data as Uint8Array | null | undefined
    return data ?? null
  }

  /** Newest first; only `createdBy`'s imports unless null. */
  async list(
    createdBy: number | null,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; records: ImportRecord[] }> {
    const mine = (q: Knex.QueryBuilder) => (createdBy === null ? q : q.where('i.created_by', createdBy))
    const [count, rows] = await Promise.all([
      mine(this.knex('imports as i')).first(this.knex.raw('count(*)::int as n')),
      mine(this.imports())
        .orderBy([
          { column: 'i.created_at', order: 'desc' },
          { column: 'i.id', order: 'desc' },
        ])
        .limit(page.limit)
        .offset(page.offset),
    ])
    return {
      total: Number(count?.n ?? 0),
      records: rows.map((row: Record<string, unknown>) => toRecord(row)),
    }
  }

  /** Remember how an uploaded import was last read (validate); it stays uploaded. */
  async markValidated(id: number, reading: ImportReading): Promise<void> {
    await this.knex('imports').where({ id, status: 'uploaded' }).update(readingColumns(reading))
  }

  async markCommitted(id: number, reading: ImportReading): Promise<void> {
    await this.knex('imports')
      .where({ id })
      .update({
        ...readingColumns(reading),
        status: 'committed' satisfies ImportStatus,
        committed_at: this.knex.fn.now(),
        file_data: null,
      })
  }

  async markRolledBack(id: number, userId: number): Promise<void> {
    await this.knex('imports')
      .where({ id })
      .update({
        status: 'rolled_back' satisfies ImportStatus,
        rolled_back_by: userId,
        rolled_back_at: this.knex.fn.now(),
        file_data: null,
      })
  }

  /** Record the records an import created, in one statement per call. */
  async addRows(importId: number, target: ImportTarget, rowIds: number[]): Promise<void> {
    if (!rowIds.length) return
    await this.knex.raw(
      'insert into import_rows (import_id, table_name, row_id) select ?, ?, unnest(?::int[])',
      [importId, ROW_TABLE[target], rowIds],
    )
  }

  /** Ids of the records the import created in the table of `target`. */
  async rowIds(importId: number, target: ImportTarget): Promise<number[]> {
    const ids = await this.knex('import_rows')
      .where({ import_id: importId, table_name: ROW_TABLE[target] })
      .orderBy('row_id')
      .pluck('row_id')
    return ids.map(Number)
  }

  /** Mappings remembered for a column signature, by target. */
  async mappingsFor(signature: string): Promise<Partial<Record<ImportTarget, FieldMapping>>> {
    const rows = await this.knex('import_mappings').where({ signature }).select('target', 'mapping')
    return Object.fromEntries(
      rows.map((row: { target: ImportTarget; mapping: FieldMapping }) => [row.target, row.mapping]),
    )
  }

  async rememberMapping(
    target: ImportTarget,
    signature: string,
    mapping: FieldMapping,
    userId: number,
  ): Promise<void> {
    await this.knex('import_mappings')
      .insert({
        target,
        signature,
        mapping: json(mapping),
        updated_by: userId,
        updated_at: this.knex.fn.now(),
      })
      .onConflict(['target', 'signature'])
      .merge(['mapping', 'updated_by', 'updated_at'])
  }
}

function readingColumns(reading: ImportReading) {
  return {
    target: reading.target,
    crs: reading.crs,
    encoding: reading.encoding,
    mapping: json(reading.mapping),
    counts: json(reading.counts),
  }
}

function toStored(row: Record<string, unknown>): StoredImport {
  return {
    record: toRecord(row),
    createdById: row.created_by === null ? null : Number(row.created_by),
    fileSha256: row.file_sha256 as string,
    analysis: analysisOf(row.analysis as ImportAnalysis | LegacyAnalysis),
  }
}

/** An analysis stored before reasons were data holds the reason as an English sentence. */
type LegacyAnalysis = Omit<ImportAnalysis, 'crsReason'> & { crsReason: string }

function analysisOf(stored: ImportAnalysis | LegacyAnalysis): ImportAnalysis {
  if (typeof stored.crsReason !== 'string') return stored as ImportAnalysis
  return { ...stored, crsReason: { reason: ReasonCrsRecordedText, params: {}, detail: stored.crsReason } }
}

function toRecord(row: Record<string, unknown>): ImportRecord {
  const user = (id: unknown, username: unknown) =>
    id === null || username === null || username === undefined
      ? null
      : { id: Number(id), username: String(username) }
  return {
    id: Number(row.id),
    status: row.status as ImportStatus,
    target: (row.target as ImportTarget | null) ?? null,
    fileName: row.file_name as string,
    fileBytes: Number(row.file_bytes),
    fileSha256: row.file_sha256 as string,
    format: row.format as ImportFormat,
    crs: (row.crs as ImportCrs | null) ?? null,
    encoding: (row.encoding as ImportEncoding | null) ?? null,
    // Both drivers (pg, PGlite) hand jsonb over parsed.
    mapping: (row.mapping as FieldMapping | null) ?? null,
    counts: row.counts as ImportCounts,
    createdBy: user(row.created_by, row.created_by_username),
    createdAt: iso(row.created_at) as string,
    committedAt: iso(row.committed_at),
    rolledBackAt: iso(row.rolled_back_at),
    rolledBackBy: user(row.rolled_back_by, row.rolled_back_by_username),
  }
}

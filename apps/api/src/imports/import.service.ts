// Imports of survey files (数据导入): upload and analysis, validation (nothing written), commit in one transaction
// that validates again, and rollback of a whole import. Users see and act on their own imports; a user whose import
// permission reaches every street (an administrator) sees all of them. A planner imports only inside their streets.
import { createHash } from 'node:crypto'
import { type Extent, extentOf } from '@renewal-atlas/analysis'
import {
  CheckViolation,
  ForeignKeyViolation,
  fromPgError,
  NotNullViolation,
  UniqueViolation,
} from '@renewal-atlas/db'
import {
  type FieldMapping,
  IMPORT_TARGETS,
  type ImportAnalysis,
  type ImportOptions,
  type ImportRecord,
  type ImportTarget,
  type ImportUploadResponse,
  type ImportValidationReport,
  importReasonEnglish,
  importTarget,
  type Page,
  type SourceCrs,
} from '@renewal-atlas/domain'
import {
  columnSignature,
  guessCrs,
  readUpload,
  type SourceDataset,
  suggestMapping,
  type UploadedFile,
} from '@renewal-atlas/exchange'
import type { Knex } from 'knex'
import { scopeFor } from '../auth/area.ts'
import type { SignedIn } from '../auth/principal.ts'
import type { DataChange } from '../changes/data-changed.ts'
import type { WritePath } from '../changes/write-path.ts'
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '../http/errors.ts'
import { ImportChangedError, ImportInvalidError } from './import.errors.ts'
import { type ImportReading, ImportRepository, ROW_TABLE, type StoredImport } from './import.repository.ts'
import { ImportCheckRepository } from './import-check.repository.ts'
import { ImportRecordRepository } from './import-record.repository.ts'
import { type Validation, validateFeatures, validationReport } from './import-validation.ts'

/** The repositories of one unit of work, all on the same connection or transaction. */
export interface ImportWork {
  imports: ImportRepository
  checks: ImportCheckRepository
  records: ImportRecordRepository
}

export const importWorkOn = (knex: Knex): ImportWork => ({
  imports: new ImportRepository(knex),
  checks: new ImportCheckRepository(knex),
  records: new ImportRecordRepository(knex),
})

/** A commit or rollback: the import as it is after it, and the layer it wrote (none for a retry). */
interface Committed {
  record: ImportRecord
  wrote?: { target: ImportTarget; extent?: Extent | undefined }
}

const layerChanges = ({ wrote }: Committed): DataChange[] =>
  wrote ? [{ topic: wrote.target, extent: wrote.extent }] : []

/** Rows shown in the analysis for the mapping table. */
const SAMPLE_ROWS = 5
const AUDIT_ENTITY = 'import'

/** Integrity violations: a record written meanwhile (a code taken, a parent deleted) or a rule the checks missed. */
const INTEGRITY_VIOLATIONS = [UniqueViolation, ForeignKeyViolation, CheckViolation, NotNullViolation]

export interface UploadResult {
  /** False when the idempotency key answered with the import an earlier request made. */
  created: boolean
  response: ImportUploadResponse
}

/** An upload validated or committed: how it was read, and the verdict on each feature. */
interface Reading {
  dataset: SourceDataset
  reading: Omit<ImportReading, 'counts'> & { crs: SourceCrs }
  validation: Validation
}

export class ImportService {
  constructor(
    private readonly knex: Knex,
    private readonly writes: WritePath<ImportWork>,
  ) {}

  /**
   * Read the upload and record it. With an idempotency key the user used before: the import it made, if the file
   * is the same (a retry); 409 if it is another file. A file refused writes nothing; one accepted also clears
   * away the uploads never committed within the retention period (housekeeping).
   */
  async upload(principal: SignedIn, file: UploadedFile, key: string | null): Promise<UploadResult> {
    const work = importWorkOn(this.knex)
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    if (key !== null) {
      const replay = await this.replay(work, principal, key, sha256)
      if (replay) return { created: false, response: replay }
    }
    const dataset = await readUpload(file, { encoding: 'auto' })
    const analysis = await this.analyse(work, dataset)
    await work.imports.deleteExpiredUploads()
    const id = await work.imports.create({
      fileName: file.name,
      fileBytes: file.bytes.byteLength,
      fileSha256: sha256,
      fileData: file.bytes,
      format: dataset.format,
      crs: analysis.detectedCrs,
      encoding: analysis.detectedEncoding,
      counts: { features: dataset.features.length, valid: null, invalid: null, created: null, skipped: null },
      analysis,
      idempotencyKey: key,
      createdBy: principal.user.id,
    })
    if (id === undefined) {
      // A simultaneous request with the same key recorded its import first.
      const replay = key === null ? undefined : await this.replay(work, principal, key, sha256)
      if (!replay) throw new ConflictError('The idempotency key was used by a request that has not finished')
      return { created: false, response: replay }
    }
    const stored = await work.imports.find(id)
    if (!stored) throw new NotFoundError(`No import has id ${id}`)
    return { created: true, response: { import: stored.record, analysis } }
  }

  /** Read the upload with the options and check every feature; nothing is written but how it was read. */
  async validate(principal: SignedIn, id: number, options: ImportOptions): Promise<ImportValidationReport> {
    const work = importWorkOn(this.knex)
    const stored = this.visible(principal, id, await work.imports.find(id))
    const bytes = await this.uploadedFile(work, stored)
    const { reading, validation } = await this.read(work, principal, stored, bytes, options)
    const { counts } = validation
    await work.imports.markValidated(id, {
      ...reading,
      counts: { ...stored.record.counts, valid: counts.valid + counts.warning, invalid: counts.invalid },
    })
    return validationReport(id, reading, validation)
  }

  /**
   * Validate again and write the valid features in one transaction, with the import's rows, its counts, the mapping
   * remembered for the next file of these columns and one audit entry; any failure writes nothing. A committed
   * import answers with its record (a retry); refused with 422 when a feature is invalid and skipInvalid is false.
   */
  async commit(principal: SignedIn, id: number, options: ImportOptions): Promise<ImportRecord> {
    try {
      const { record } = await this.writes.audited<Committed>({
        userId: principal.user.id,
        entity: AUDIT_ENTITY,
        action: 'import',
        run: async (work) => {
          const stored = this.visible(principal, id, await work.imports.lock(id))
          if (stored.record.status === 'committed') return { result: { record: stored.record }, entry: null }
          const bytes = await this.uploadedFile(work, stored)
          const { dataset, reading, validation } = await this.read(work, principal, stored, bytes, options)
          const { counts, issueCounts } = validation
          const valid = validation.features.filter((feature) => feature.status !== 'invalid')
          if (counts.invalid > 0 && !options.skipInvalid) throw new ImportInvalidError(counts, issueCounts)
          if (!valid.length) {
            throw new ImportInvalidError(
              counts,
              issueCounts,
              'No feature is valid: there is nothing to import',
            )
          }
          const ids = await work.records.insert(
            reading.target,
            valid.map((feature) => ({
              values: feature.values,
              parentId: feature.parentId,
              geojson: JSON.stringify(feature.wgs84),
            })),
          )
          await work.imports.addRows(id, reading.target, ids)
          const recordCounts = {
            features: counts.features,
            valid: valid.length,
            invalid: counts.invalid,
            created: ids.length,
            skipped: counts.invalid,
          }
          await work.imports.markCommitted(id, { ...reading, counts: recordCounts })
          await work.imports.rememberMapping(
            reading.target,
            columnSignature(dataset.columns),
            reading.mapping,
            principal.user.id,
          )
          return {
            result: {
              record: await this.recordOf(work, id),
              wrote: { target: reading.target, extent: extentOf(...valid.map((f) => f.wgs84)) },
            },
            entry: {
              entityId: id,
              before: null,
              after: {
                fileName: stored.record.fileName,
                fileSha256: stored.record.fileSha256,
                ...reading,
                counts: recordCounts,
                table: ROW_TABLE[reading.target],
                firstId: ids[0] ?? null,
                lastId: ids.at(-1) ?? null,
              },
            },
          }
        },
        changes: layerChanges,
      })
      return record
    } catch (error) {
      throw asConflict(error)
    }
  }

  /**
   * Delete exactly the records the import created, in one transaction, unless one was edited since or gained
   * references (then 409 naming them, nothing deleted). A rolled-back import answers with its record (a retry).
   */
  async rollback(principal: SignedIn, id: number): Promise<ImportRecord> {
    const { record } = await this.writes.audited<Committed>({
      userId: principal.user.id,
      entity: AUDIT_ENTITY,
      action: 'delete',
      run: async (work) => {
        const stored = this.visible(principal, id, await work.imports.lock(id))
        const { status, target, counts } = stored.record
        if (status === 'rolled_back') return { result: { record: stored.record }, entry: null }
        if (status !== 'committed' || target === null) {
          throw new ConflictError(`Import ${id} was not committed: there is nothing to roll back`)
        }
        const changed = await work.records.changedSince(id, target)
        if (changed.length) throw new ImportChangedError(changed)
        const deleted = await work.records.deleteImported(id, target)
        await work.imports.markRolledBack(id, principal.user.id)
        return {
          result: { record: await this.recordOf(work, id), wrote: { target } },
          entry: {
            entityId: id,
            before: { status, target, counts, table: ROW_TABLE[target] },
            after: { status: 'rolled_back', deleted },
          },
        }
      },
      changes: layerChanges,
    })
    return record
  }

  async list(principal: SignedIn, page: Page): Promise<{ imports: ImportRecord[]; numberMatched: number }> {
    const { total, records } = await importWorkOn(this.knex).imports.list(this.ownerFilter(principal), page)
    return { imports: records, numberMatched: total }
  }

  async get(principal: SignedIn, id: number): Promise<ImportRecord> {
    return this.visible(principal, id, await importWorkOn(this.knex).imports.find(id)).record
  }

  // ---- steps ----

  /** The earlier answer to a key, if the user used it; 409 when it was for another file. */
  private async replay(
    work: ImportWork,
    principal: SignedIn,
    key: string,
    sha256: string,
  ): Promise<ImportUploadResponse | undefined> {
    const earlier = await work.imports.findByKey(principal.user.id, key)
    if (!earlier) return undefined
    if (earlier.fileSha256 !== sha256) {
      throw new ConflictError(
        `Idempotency-Key ${key} was used for another file (import ${earlier.record.id}); use a new key for a new file`,
      )
    }
    return { import: earlier.record, analysis: earlier.analysis }
  }

  /** What the wizard shows after the upload: columns, a sample, the detected system and suggested mappings. */
  private async analyse(work: ImportWork, dataset: SourceDataset): Promise<ImportAnalysis> {
    const guess = guessCrs(dataset)
    const remembered = await work.imports.mappingsFor(columnSignature(dataset.columns))
    const suggestedMappings: Partial<Record<ImportTarget, FieldMapping>> = {}
    const rememberedMapping: Partial<Record<ImportTarget, boolean>> = {}
    for (const target of importTarget.values) {
      suggestedMappings[target] = remembered[target] ?? suggestMapping(dataset.columns, target)
      rememberedMapping[target] = remembered[target] !== undefined
    }
    return {
      format: dataset.format,
      featureCount: dataset.features.length,
      columns: dataset.columns,
      sample: dataset.features.slice(0, SAMPLE_ROWS).map((feature) => sampleRow(feature.properties)),
      detectedCrs: guess.crs,
      crsReason: guess.reason,
      detectedEncoding: dataset.encoding,
      geometryColumns: dataset.geometryColumns,
      suggestedMappings: suggestedMappings as ImportAnalysis['suggestedMappings'],
      rememberedMapping: rememberedMapping as ImportAnalysis['rememberedMapping'],
    }
  }

  /** Read the stored upload as the options say and check every feature (in the caller's transaction, if any). */
  private async read(
    work: ImportWork,
    principal: SignedIn,
    stored: StoredImport,
    bytes: Uint8Array,
    options: ImportOptions,
  ): Promise<Reading> {
    const dataset = await readUpload(
      { name: stored.record.fileName, bytes },
      {
        encoding: options.encoding,
        ...(options.lonColumn === undefined ? {} : { lonColumn: options.lonColumn }),
        ...(options.latColumn === undefined ? {} : { latColumn: options.latColumn }),
        ...(options.wktColumn === undefined ? {} : { wktColumn: options.wktColumn }),
      },
    )
    const crs = this.crsOf(dataset, options)
    const target = options.target
    const mapping =
      options.mapping ??
      (await work.imports.mappingsFor(columnSignature(dataset.columns)))[target] ??
      suggestMapping(dataset.columns, target)
    assertMapping(mapping, target, dataset.columns)
    const validation = await validateFeatures(
      dataset,
      { target, crs, mapping, streetIds: scopeFor(principal, 'import').streetIds },
      work.checks,
    )
    const encoding = dataset.encoding ?? options.encoding
    return { dataset, reading: { target, crs, encoding, mapping }, validation }
  }

  private crsOf(dataset: SourceDataset, options: ImportOptions): SourceCrs {
    if (options.crs !== 'auto') return options.crs
    const guess = guessCrs(dataset)
    if (guess.crs !== null) return guess.crs
    throw new ValidationError([
      {
        name: 'crs',
        in: 'body',
        reason: `the coordinate system could not be detected (${importReasonEnglish(guess.reason)}); choose one`,
      },
    ])
  }

  /** The upload's bytes, while the import may still be validated and committed. */
  private async uploadedFile(work: ImportWork, stored: StoredImport): Promise<Uint8Array> {
    const { id, status } = stored.record
    if (status !== 'uploaded') {
      throw new ConflictError(
        `Import ${id} is ${status.replace('_', ' ')}: upload the file again to import it anew`,
      )
    }
    const bytes = await work.imports.fileData(id)
    if (!bytes) throw new ConflictError(`The file of import ${id} is no longer kept: upload it again`)
    return bytes
  }

  private async recordOf(work: ImportWork, id: number): Promise<ImportRecord> {
    const stored = await work.imports.find(id)
    if (!stored) throw new NotFoundError(`No import has id ${id}`)
    return stored.record
  }

  /** Null (all) for a user whose import permission reaches every street; else the user's own imports only. */
  private ownerFilter(principal: SignedIn): number | null {
    return scopeFor(principal, 'import').streetIds === null ? null : principal.user.id
  }

  /** The import if the user may see it; 404 otherwise, as if it did not exist. */
  private visible(principal: SignedIn, id: number, stored: StoredImport | undefined): StoredImport {
    const owner = this.ownerFilter(principal)
    if (!stored || (owner !== null && stored.createdById !== owner)) {
      throw new NotFoundError(`No import has id ${id}`)
    }
    return stored
  }
}

/** The first rows as the wizard's mapping table shows them: values as read, nested ones as JSON text. */
function sampleRow(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).map(([name, value]) => [
      name,
      value !== null && typeof value === 'object' ? JSON.stringify(value) : value,
    ]),
  )
}

/** 400 unless every mapped field is a field of the target and every source column is one of the file's. */
function assertMapping(mapping: FieldMapping, target: ImportTarget, columns: string[]): void {
  const fields = new Set(IMPORT_TARGETS[target].fields.map((field) => field.name))
  const known = new Set(columns)
  const errors: FieldError[] = []
  for (const [field, column] of Object.entries(mapping)) {
    if (!fields.has(field)) {
      errors.push({ name: `mapping.${field}`, in: 'body', reason: `${target} have no field ${field}` })
    } else if (column !== null && !known.has(column)) {
      errors.push({ name: `mapping.${field}`, in: 'body', reason: `the file has no column ${column}` })
    }
  }
  if (errors.length) throw new ValidationError(errors.slice(0, 20))
}

/** A record the database refused at commit (written meanwhile by someone else, or a rule the checks missed). */
function asConflict(error: unknown): unknown {
  const refused = fromPgError(error)
  if (!refused || !INTEGRITY_VIOLATIONS.some((kind) => refused instanceof kind)) return error
  const rule = refused.constraint ? ` (${refused.constraint})` : ''
  const why = refused.detail ? `: ${refused.detail}` : ''
  return new ConflictError(`The database refused a record${rule}${why}. Nothing was imported; validate again`)
}

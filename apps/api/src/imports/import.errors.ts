// The refusals of the import API beyond the shared ones in ../errors.ts: a commit refused because features are
// invalid (422 with the counts the wizard shows), and a rollback refused because created records changed (409
// naming them).
import { HttpError } from '../http/errors.ts'

/** 422: the commit would write invalid features and skipInvalid is false; nothing was written. */
export class ImportInvalidError extends HttpError {
  readonly status = 422
  readonly code = 'import_invalid'
  readonly title = 'The import has invalid features'
  constructor(
    readonly counts: { features: number; valid: number; warning: number; invalid: number },
    readonly issueCounts: Record<string, number>,
    detail = `${counts.invalid} of ${counts.features} features are invalid: fix them, or commit with skipInvalid`,
  ) {
    super(detail)
  }
  override problemMembers(): Record<string, unknown> {
    return { counts: this.counts, issueCounts: this.issueCounts }
  }
}

/** A record an import created that a rollback would lose work on: edited since, or referenced by other records. */
export interface ChangedRecord {
  table: 'compounds' | 'buildings' | 'facilities'
  id: number
  code: string
  /** edited: version > 1 (changed or soft-deleted); referenced: another record now points at it. */
  reason: 'edited' | 'referenced'
  /** What refers to it, e.g. "building B-1 (not from this import)", "2 suggestions". */
  detail: string
}

/** At most this many changed records are named in the refusal; the detail gives the total. */
const NAMED_RECORDS = 50

/** 409: the rollback would delete records that were edited or gained references since the import; nothing deleted. */
export class ImportChangedError extends HttpError {
  readonly status = 409
  readonly code = 'import_changed'
  readonly title = 'Records of the import changed since'
  constructor(readonly records: ChangedRecord[]) {
    const named = records
      .slice(0, 5)
      .map((r) => `${r.table} ${r.code} (${r.detail})`)
      .join('; ')
    const more = records.length > 5 ? `; and ${records.length - 5} more` : ''
    super(`${records.length} records created by the import changed since: ${named}${more}`)
  }
  override problemMembers(): Record<string, unknown> {
    return { records: this.records.slice(0, NAMED_RECORDS) }
  }
}

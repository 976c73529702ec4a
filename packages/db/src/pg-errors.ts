// PostgreSQL's SQLSTATE codes turned into typed errors, once, for both backends (the pg driver and PGlite report the
// same fields). Nothing else in the codebase reads a SQLSTATE: code asks `instanceof UniqueViolation`, and the API's
// problem handler maps each class to its HTTP answer.

interface PgErrorFields {
  code?: unknown
  constraint?: unknown
  table?: unknown
  column?: unknown
  detail?: unknown
  message?: unknown
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined)

/** An error the database raised, with what it said about where. */
export abstract class DatabaseError extends Error {
  /** The SQLSTATE, e.g. 23505. */
  readonly code: string
  /** The constraint or index the statement broke, when one did. */
  readonly constraint: string | undefined
  readonly table: string | undefined
  readonly column: string | undefined
  /** PostgreSQL's detail line, e.g. `Key (code)=(A1) already exists.` */
  readonly detail: string | undefined

  constructor(fields: PgErrorFields, cause: unknown) {
    super(text(fields.message) ?? 'database error', { cause })
    this.code = String(fields.code)
    this.constraint = text(fields.constraint)
    this.table = text(fields.table)
    this.column = text(fields.column)
    this.detail = text(fields.detail)
  }

  /** Whether the statement broke this constraint or index (PGlite names some only in the message). */
  broke(constraint: string): boolean {
    return this.constraint === constraint || this.message.includes(`"${constraint}"`)
  }
}

/** 23505: a unique constraint or index already holds the value. */
export class UniqueViolation extends DatabaseError {
  override readonly name = 'UniqueViolation'
}
/** 23503: a referenced record is missing, or a record still referenced was to be removed. */
export class ForeignKeyViolation extends DatabaseError {
  override readonly name = 'ForeignKeyViolation'
}
/** 23502: a required column was left empty. */
export class NotNullViolation extends DatabaseError {
  override readonly name = 'NotNullViolation'
}
/** 23514: a check constraint refused the row. */
export class CheckViolation extends DatabaseError {
  override readonly name = 'CheckViolation'
}
/** 22xxx: a value the database could not read or hold (unreadable GeoJSON, a number out of range). */
export class InvalidDataError extends DatabaseError {
  override readonly name = 'InvalidDataError'
}
/** 57014: the statement ran past its statement_timeout (or was cancelled). */
export class QueryCanceled extends DatabaseError {
  override readonly name = 'QueryCanceled'
}
/** 40001, 40P01: a serialization failure or deadlock; the transaction may be tried again. */
export class TransactionConflict extends DatabaseError {
  override readonly name = 'TransactionConflict'
}
/** XX000: an internal error; PostGIS raises some geometry failures so (GEOS topology exceptions). */
export class InternalDatabaseError extends DatabaseError {
  override readonly name = 'InternalDatabaseError'
}

/** The typed error for an error the database raised, or undefined for anything else. */
export function fromPgError(error: unknown): DatabaseError | undefined {
  if (error instanceof DatabaseError) return error
  if (typeof error !== 'object' || error === null) return undefined
  const fields = error as PgErrorFields
  const code = text(fields.code)
  if (!code || !/^[0-9A-Z]{5}$/.test(code)) return undefined
  switch (code) {
    case '23505':
      return new UniqueViolation(fields, error)
    case '23503':
      return new ForeignKeyViolation(fields, error)
    case '23502':
      return new NotNullViolation(fields, error)
    case '23514':
      return new CheckViolation(fields, error)
    case '57014':
      return new QueryCanceled(fields, error)
    case '40001':
    case '40P01':
      return new TransactionConflict(fields, error)
    case 'XX000':
      return new InternalDatabaseError(fields, error)
  }
  if (code.startsWith('22')) return new InvalidDataError(fields, error)
  return undefined
}

/** Whether PostGIS could not read or process a geometry (a data exception or a GEOS failure). */
export function isGeometryFailure(error: unknown): boolean {
  const known = fromPgError(error)
  return known instanceof InvalidDataError || known instanceof InternalDatabaseError
}

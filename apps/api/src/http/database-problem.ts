// What an error the database raised means to the client: the typed database errors of packages/db turned into the
// API's HTTP errors, with the field a broken constraint is about. A constraint a service's checks did not foresee
// (a community removed meanwhile, a code taken by a simultaneous write) is still the client's 4xx, never a 500.
import {
  CheckViolation,
  type DatabaseError,
  ForeignKeyViolation,
  NotNullViolation,
  QueryCanceled,
  TransactionConflict,
  UniqueViolation,
} from '@renewal-atlas/db'
import { ConflictError, type HttpError, ServiceUnavailableError, ValidationError } from './errors.ts'

/** Constraint or index → the request field it guards (the API's camelCase name). One table for every write. */
const CONSTRAINT_FIELDS: Readonly<Record<string, string>> = {
  compounds_renovation_year_iff_completed: 'renovationYear',
  compounds_counts_non_negative: 'households',
  compounds_geom_valid: 'geometry',
  compounds_community_id_foreign: 'communityCode',
  compounds_code_unique: 'code',
  users_username_unique: 'username',
}

function fieldOf(error: DatabaseError): string | undefined {
  const constraint = Object.keys(CONSTRAINT_FIELDS).find((name) => error.broke(name))
  return constraint === undefined ? undefined : CONSTRAINT_FIELDS[constraint]
}

/**
 * The HTTP answer to a database error, or undefined when it is the server's fault (a logged 500): a data exception or
 * an internal error reaching here is a value our own checks should have refused first. Messages name the field and
 * the constraint, never the SQL.
 */
export function databaseProblem(error: DatabaseError): HttpError | undefined {
  const field = fieldOf(error)
  const rule = error.constraint ? ` (${error.constraint})` : ''
  if (error instanceof UniqueViolation) {
    return new ConflictError(`A record with the same ${field ?? 'key'} exists${rule}`)
  }
  if (error instanceof ForeignKeyViolation) {
    if (field) {
      return new ValidationError([
        { name: field, in: 'body', reason: `the ${field} it names no longer exists` },
      ])
    }
    return new ConflictError(
      `The record refers to a record that no longer exists, or is still referred to${rule}`,
    )
  }
  if (error instanceof CheckViolation) {
    const name = field ?? 'body'
    return new ValidationError([
      { name, in: 'body', reason: `${name} breaks the rule ${error.constraint ?? ''}`.trim() },
    ])
  }
  if (error instanceof NotNullViolation) {
    const name = field ?? error.column ?? 'body'
    return new ValidationError([{ name, in: 'body', reason: `${name} is required` }])
  }
  if (error instanceof QueryCanceled) {
    return new ServiceUnavailableError(
      'The request took longer than the statement timeout; try a smaller one',
    )
  }
  if (error instanceof TransactionConflict) {
    return new ConflictError(
      'Another change to the same records was being written at the same time; try again',
    )
  }
  return undefined
}

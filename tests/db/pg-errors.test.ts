// The database's refusals arrive as typed errors on both backends: each SQLSTATE that code acts on becomes one class,
// with the constraint it names, so no code outside packages/db reads a SQLSTATE.
import {
  CheckViolation,
  ForeignKeyViolation,
  fromPgError,
  InvalidDataError,
  isGeometryFailure,
  NotNullViolation,
  UniqueViolation,
} from '@renewal-atlas/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends, createTestDatabase, type TestDatabase } from '../support/backends.ts'

describe.each(backends)('database errors on the %s backend', (backend) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(backend)
    const { knex } = test.db
    await knex.raw('create table parent (id int primary key)')
    await knex.raw(
      `create table child (
         id int primary key,
         code text not null constraint child_code_unique unique,
         parent_id int constraint child_parent_foreign references parent (id),
         size int constraint child_size_positive check (size > 0)
       )`,
    )
    await knex('parent').insert({ id: 1 })
    await knex('child').insert({ id: 1, code: 'A', parent_id: 1, size: 1 })
  })
  afterAll(async () => {
    await test?.dispose()
  })

  /** The typed error of a statement that must fail. */
  async function refusal(statement: () => Promise<unknown>) {
    try {
      await statement()
    } catch (error) {
      return fromPgError(error)
    }
    throw new Error('the statement succeeded')
  }

  it('names the unique constraint a duplicate broke', async () => {
    const error = await refusal(() => test.db.knex('child').insert({ id: 2, code: 'A' }))
    expect(error).toBeInstanceOf(UniqueViolation)
    expect(error?.code).toBe('23505')
    expect(error?.broke('child_code_unique')).toBe(true)
    expect(error?.broke('child_parent_foreign')).toBe(false)
  })

  it('tells a missing parent, a broken check and an empty required column apart', async () => {
    const knex = test.db.knex
    const orphan = await refusal(() => knex('child').insert({ id: 3, code: 'B', parent_id: 99 }))
    expect(orphan).toBeInstanceOf(ForeignKeyViolation)
    expect(orphan?.broke('child_parent_foreign')).toBe(true)
    const negative = await refusal(() => knex('child').insert({ id: 4, code: 'C', size: -1 }))
    expect(negative).toBeInstanceOf(CheckViolation)
    expect(negative?.broke('child_size_positive')).toBe(true)
    const empty = await refusal(() => knex('child').insert({ id: 5, code: null }))
    expect(empty).toBeInstanceOf(NotNullViolation)
    expect(empty?.column).toBe('code')
  })

  it('marks geometry PostGIS cannot read as a geometry failure, and a bad number as invalid data', async () => {
    const knex = test.db.knex
    const unreadable = await refusal(() => knex.raw('select ST_GeomFromGeoJSON(\'{"type":"Polygon"}\')'))
    expect(isGeometryFailure(unreadable)).toBe(true)
    const number = await refusal(() => knex.raw("select 'many'::int"))
    expect(number).toBeInstanceOf(InvalidDataError)
    expect(isGeometryFailure(new Error('not from the database'))).toBe(false)
  })

  it('leaves errors that are not the database’s alone', () => {
    expect(fromPgError(new Error('plain'))).toBeUndefined()
    expect(fromPgError({ code: 'ENOENT' })).toBeUndefined()
    expect(fromPgError(null)).toBeUndefined()
  })
})

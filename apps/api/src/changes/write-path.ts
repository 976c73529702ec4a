// The one way a record is written: in one transaction lock it, compare its version with the client's If-Match, change
// it, append the audit entry with the record before and after; commit; only then announce the data change, since a
// rolled-back write changes nothing a cache holds. Compounds, users, tokens and imports write through here, and so will
// plans, measures and findings.
import type { AuditAction } from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import { AuditRepository } from '../audit/audit.repository.ts'
import { VersionConflictError } from '../http/errors.ts'
import type { DataChange, DataChanges } from './data-changed.ts'

/** Who writes, and what the audit log calls the record. */
export interface WriteTarget {
  /** The signed-in user making the change (null for the system, e.g. a first start). */
  userId: number | null
  /** The audit log's entity type: compound, user, api_token, import, … */
  entity: string
  action: AuditAction
}

/** A change to one existing record at the version the client read. */
export interface VersionedWrite<Work, Snapshot> extends WriteTarget {
  id: number
  /** The version the client read (If-Match). */
  expected: number
  /** Lock the row for the rest of the transaction; its version, or undefined when there is no such record. */
  lock(work: Work): Promise<{ version: number } | undefined>
  /** The 404 (or other refusal) for a record that is not there. */
  missing(): Error
  /** The record as the API shows it (read under the lock, before and after the change). */
  read(work: Work): Promise<Snapshot>
  /** Write the change; false when the row was not at the expected version after all (a 412). */
  change(work: Work, before: Snapshot): Promise<boolean>
  /** What the audit entry may keep of a snapshot (never a password hash); the whole snapshot by default. */
  audited?(snapshot: Snapshot): unknown
  /** The layers (and where) the change touched, from the record before and after it. */
  changes(before: Snapshot, after: Snapshot): DataChange[]
}

/** What an audit entry keeps of a write: the record's id, and the record (or what matters of it) before and after. */
export interface AuditEntry {
  entityId: number
  before: unknown
  after: unknown
}

/** A write with no version to compare: a record created, a batch imported, an import rolled back. */
export interface AuditedWrite<Work, Result> extends WriteTarget {
  /**
   * Do the writes; the result and the audit entry, or no entry when there was nothing to write (a retry of a write
   * already made answers with its result, and changes nothing).
   */
  run(work: Work): Promise<{ result: Result; entry: AuditEntry | null }>
  changes(result: Result): DataChange[]
}

export class WritePath<Work> {
  constructor(
    private readonly knex: Knex,
    /** The repositories of one unit of work, on the transaction's connection. */
    private readonly workOn: (trx: Knex) => Work,
    private readonly signal: DataChanges,
  ) {}

  /** Lock → version check → change → audit → commit → data changed. The record as it is after the write. */
  async versioned<Snapshot>(write: VersionedWrite<Work, Snapshot>): Promise<Snapshot> {
    const { before, after } = await this.knex.transaction(async (trx) => {
      const work = this.workOn(trx)
      const locked = await write.lock(work)
      if (!locked) throw write.missing()
      const before = await write.read(work)
      if (locked.version !== write.expected) throw new VersionConflictError(locked.version, before)
      // The update is guarded by `version = expected` too: a write that finds no row at that version is a 412.
      if (!(await write.change(work, before))) throw new VersionConflictError(locked.version, before)
      const after = await write.read(work)
      const keep = write.audited ?? ((snapshot: Snapshot) => snapshot)
      await new AuditRepository(trx).record({
        userId: write.userId,
        action: write.action,
        entityType: write.entity,
        entityId: write.id,
        before: hasBefore(write.action) ? keep(before) : null,
        after: hasAfter(write.action) ? keep(after) : null,
      })
      return { before, after }
    })
    this.signal.emit(write.changes(before, after))
    return after
  }

  /** Change → audit → commit → data changed. */
  async audited<Result>(write: AuditedWrite<Work, Result>): Promise<Result> {
    const { result, wrote } = await this.knex.transaction(async (trx) => {
      const { result, entry } = await write.run(this.workOn(trx))
      if (entry) {
        await new AuditRepository(trx).record({
          userId: write.userId,
          action: write.action,
          entityType: write.entity,
          ...entry,
        })
      }
      return { result, wrote: entry !== null }
    })
    if (wrote) this.signal.emit(write.changes(result))
    return result
  }
}

/** An undelete brings back a record the log last showed as gone: its entry keeps only the state after it. */
const hasBefore = (action: AuditAction) => action !== 'create' && action !== 'undelete'
/** A delete keeps only the state before it. */
const hasAfter = (action: AuditAction) => action !== 'delete'

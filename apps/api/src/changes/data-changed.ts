// The one data-changed signal: every write says, after it commits, which layers it changed (and where, when it knows),
// and every cache listens — the tile caches, the road graph and its dead ends, the statistics, the sessions' cached
// users, and through the layer revisions the web app's tile URLs. No write clears a cache by name.
import type { Extent } from '@renewal-atlas/analysis'
import type { Database } from '@renewal-atlas/db'
import type { LayerId } from '@renewal-atlas/domain'

/** What a write can change: a layer of the registry, or the users (roles, streets, passwords, tokens). */
export type DataTopic = LayerId | 'users'

export interface DataChange {
  topic: DataTopic
  /** Where the change lies (WGS84), when the write knows: the outline before and after an edit; absent: anywhere. */
  extent?: Extent | undefined
  /** The records changed, when the write knows them (a user's id, a compound's). */
  ids?: readonly number[] | undefined
}

export type DataChangeListener = (changes: readonly DataChange[]) => void

export interface DataChangeLog {
  /** Called with errors a listener threw: a cache that fails to clear must not undo a committed write. */
  warn(details: object, message: string): void
}

export class DataChanges {
  private readonly listeners = new Set<DataChangeListener>()

  constructor(private readonly log?: DataChangeLog) {}

  /** Listen to every change; the function returned stops listening. */
  listen(listener: DataChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Announce committed changes: called by the write path after the transaction, never inside it. */
  emit(changes: readonly DataChange[]): void {
    if (changes.length === 0) return
    for (const listener of this.listeners) {
      try {
        listener(changes)
      } catch (error) {
        this.log?.warn({ err: error, changes }, 'a cache could not follow a data change')
      }
    }
  }
}

const signals = new WeakMap<Database, DataChanges>()

/**
 * The signal of a database: one per database, whatever serves it, so that every write over it reaches every cache of
 * it (and a test can announce a change the way a write does).
 */
export function dataChangesFor(db: Database, log?: DataChangeLog): DataChanges {
  let signal = signals.get(db)
  if (!signal) {
    signal = new DataChanges(log)
    signals.set(db, signal)
  }
  return signal
}

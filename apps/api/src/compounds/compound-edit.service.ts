// Compound (小区) edits with optimistic locking: each write locks the row, checks the If-Match version, writes the
// row and its audit entry in one transaction, then drops the compounds' cached tiles. Also the edit history,
// restoring a version from it, soft delete and undelete.
import {
  type AuditAction,
  type CompoundHistoryResponse,
  type CompoundPatch,
  type CompoundResponseProperties,
  type CompoundSnapshot,
  can,
  changedCompoundFields,
  compoundRuleViolations,
  GEOMETRY_REASONS,
  type Page,
  type PolygonGeometry,
} from '@renewal-atlas/domain'
import type { AuditRepository } from '../audit/audit.repository.ts'
import { assertInArea } from '../auth/area.ts'
import { isSignedIn, type Principal, type SignedIn } from '../auth/principal.ts'
import { type FieldError, NotFoundError, ValidationError, VersionConflictError } from '../http/errors.ts'
import type { Feature } from '../http/geojson.ts'
import type { TileService } from '../tiles/tile.service.ts'
import type {
  CommunityRef,
  CompoundEditRepository,
  CompoundValues,
  EditTransaction,
  LockedCompound,
} from './compound-edit.repository.ts'

const ENTITY = 'compound'

/** Check constraints of compound_records → the field a violation is about (a case the checks here missed). */
const CONSTRAINT_FIELDS: Record<string, string> = {
  compounds_renovation_year_iff_completed: 'renovationYear',
  compounds_counts_non_negative: 'households',
  compounds_geom_valid: 'geometry',
}
const CHECK_VIOLATION = '23514'
const FOREIGN_KEY_VIOLATION = '23503'

type CompoundFeature = Feature<CompoundResponseProperties>

const notFound = (id: number) => new NotFoundError(`No compound has id ${id}`)
const notDeleted = (id: number) => new NotFoundError(`No deleted compound has id ${id}`)
const bodyError = (name: string, reason: string): FieldError => ({ name, in: 'body', reason })

export class CompoundEditService {
  constructor(
    private readonly compounds: CompoundEditRepository,
    private readonly audit: AuditRepository,
    private readonly tiles: TileService,
  ) {}

  /** Apply a patch to the compound at version `expected`; the compound as it is now. */
  async patch(
    principal: SignedIn,
    id: number,
    expected: number,
    patch: CompoundPatch,
  ): Promise<CompoundFeature> {
    const place = await this.live(id)
    const { communityCode, ...fields } = patch
    const community = communityCode === undefined ? undefined : await this.community(communityCode)
    if (community) assertInArea(principal, community.streetId)
    if (fields.geometry) await this.assertGeometry(fields.geometry, (community ?? place).districtId)
    const values: CompoundValues = { ...fields, ...(community ? { communityId: community.id } : {}) }
    return this.write(principal, id, expected, 'live', 'update', (tx, before) => {
      const violations = compoundRuleViolations({ ...before.properties, ...fields })
      if (violations.length) {
        throw new ValidationError(violations.map(({ field, reason }) => bodyError(field, reason)))
      }
      return tx.compounds.update(id, expected, values)
    })
  }

  /** Soft delete at version `expected`; the deleted record's new version. */
  async remove(principal: SignedIn, id: number, expected: number): Promise<number> {
    await this.live(id)
    const deleted = await this.write(principal, id, expected, 'live', 'delete', (tx) =>
      tx.compounds.markDeleted(id, expected, principal.user.id),
    )
    return deleted.properties.version
  }

  /** Bring a soft-deleted compound back at version `expected`. */
  async undelete(principal: SignedIn, id: number, expected: number): Promise<CompoundFeature> {
    const place = await this.compounds.place(id)
    if (!place?.deleted) throw notDeleted(id)
    return this.write(principal, id, expected, 'deleted', 'undelete', (tx) =>
      tx.compounds.markUndeleted(id, expected),
    )
  }

  /**
   * Set the compound back to the state after history entry `entryId` (before it, for a delete; or before it when
   * asked), as a new version recorded as 'restore'. The compound must be live: a deleted one comes back with
   * undelete first.
   */
  async restore(
    principal: SignedIn,
    id: number,
    entryId: number,
    expected: number,
    state: 'after' | 'before' = 'after',
  ): Promise<CompoundFeature> {
    const place = await this.live(id)
    const entry = await this.audit.find(ENTITY, id, entryId)
    if (!entry) throw new NotFoundError(`Compound ${id} has no history entry ${entryId}`)
    const fromBefore = state === 'before' || entry.action === 'delete'
    const target = (fromBefore ? entry.before : entry.after) as CompoundSnapshot | null
    if (!target) {
      const side = fromBefore ? 'before' : 'after'
      throw new ValidationError([
        {
          name: 'entryId',
          in: 'path',
          reason: `history entry ${entryId} keeps no state of the compound ${side} it`,
        },
      ])
    }
    const was = target.properties
    const community = await this.compounds.community(was.communityCode)
    if (!community) {
      throw new ValidationError([
        {
          name: 'entryId',
          in: 'path',
          reason: `community ${was.communityCode} of that version no longer exists`,
        },
      ])
    }
    if (community.id !== place.communityId) assertInArea(principal, community.streetId)
    const values: CompoundValues = {
      name: was.name,
      address: was.address,
      communityId: community.id,
      builtYear: was.builtYear,
      buildingCount: was.buildingCount,
      households: was.households,
      residents: was.residents,
      floorAreaM2: was.floorAreaM2,
      managementType: was.managementType,
      onOldRegister: was.onOldRegister,
      renovationStatus: was.renovationStatus,
      renovationYear: was.renovationYear,
    }
    return this.write(principal, id, expected, 'live', 'restore', (tx, before) => {
      // The old outline came from the database; it is written again only when it differs from today's, and the
      // table's validity check still guards it.
      const geometry =
        JSON.stringify(before.geometry) === JSON.stringify(target.geometry)
          ? {}
          : { geometry: target.geometry as PolygonGeometry }
      return tx.compounds.update(id, expected, { ...values, ...geometry })
    })
  }

  /**
   * A compound's history, newest first. A deleted compound's history is shown only to those who may restore
   * deleted records; to others the compound does not exist.
   */
  async history(principal: Principal, id: number, page: Page): Promise<CompoundHistoryResponse> {
    const place = await this.compounds.place(id)
    const mayRestore = isSignedIn(principal) && can(principal.user.role, 'restoreDeleted')
    if (!place || (place.deleted && !mayRestore)) throw notFound(id)
    const { total, rows } = await this.audit.list(ENTITY, id, page)
    return {
      compoundId: id,
      currentVersion: place.version,
      deleted: place.deleted,
      numberMatched: total,
      numberReturned: rows.length,
      entries: rows.map((row) => {
        const before = row.before as CompoundSnapshot | null
        const after = row.after as CompoundSnapshot | null
        return {
          id: row.id,
          at: row.at,
          action: row.action,
          user:
            row.userId === null || row.username === null
              ? null
              : { id: row.userId, username: row.username, displayName: row.displayName },
          changedFields: changedCompoundFields(before, after),
          before,
          after,
        }
      }),
    }
  }

  listDeleted(page: Page) {
    return this.compounds.listDeleted(page)
  }

  /**
   * Every write: lock the row, check that it is live (or deleted), compare its version with If-Match, let `change`
   * write it at that version, record the audit entry with the record before and after, commit; only then drop the
   * cached tiles, since a rolled-back write changes nothing they show. The record as it is after the write.
   */
  private async write(
    principal: SignedIn,
    id: number,
    expected: number,
    state: 'live' | 'deleted',
    action: AuditAction,
    change: (tx: EditTransaction, before: CompoundSnapshot) => Promise<boolean>,
  ): Promise<CompoundFeature> {
    let after: CompoundSnapshot
    try {
      after = await this.compounds.transaction(async (tx) => {
        const locked = await tx.compounds.lock(id)
        if (!locked || locked.deleted !== (state === 'deleted')) {
          throw state === 'live' ? notFound(id) : notDeleted(id)
        }
        const before = await snapshot(tx, id)
        if (locked.version !== expected) throw new VersionConflictError(locked.version, before)
        // The update is guarded by `version = expected` too: a write that finds no row at that version is a 412.
        if (!(await change(tx, before))) throw new VersionConflictError(locked.version, before)
        const now = await snapshot(tx, id)
        await tx.audit.record({
          userId: principal.user.id,
          action,
          entityType: ENTITY,
          entityId: id,
          before: action === 'undelete' ? null : before,
          after: action === 'delete' ? null : now,
        })
        return now
      })
    } catch (error) {
      throw asFieldError(error)
    }
    this.tiles.invalidate('compounds')
    return after
  }

  private async live(id: number): Promise<LockedCompound> {
    const place = await this.compounds.place(id)
    if (!place || place.deleted) throw notFound(id)
    return place
  }

  private async community(code: string): Promise<CommunityRef> {
    const community = await this.compounds.community(code)
    if (!community) throw new ValidationError([bodyError('communityCode', `no community has code ${code}`)])
    return community
  }

  private async assertGeometry(geometry: PolygonGeometry, districtId: number): Promise<void> {
    const check = await this.compounds.checkGeometry(geometry, districtId)
    if (!check.valid) {
      throw new ValidationError([bodyError('geometry', `${GEOMETRY_REASONS.invalid}: ${check.reason}`)])
    }
    if (!check.insideDistrict) {
      throw new ValidationError([bodyError('geometry', GEOMETRY_REASONS.outsideDistrict)])
    }
  }
}

/** The record as the API shows it, read inside the transaction that holds its lock. */
async function snapshot(tx: EditTransaction, id: number): Promise<CompoundSnapshot> {
  const feature = await tx.compounds.feature(id)
  if (!feature) throw notFound(id)
  return feature as CompoundSnapshot
}

/** A constraint the checks here did not foresee (e.g. a community removed meanwhile) is still the client's 400. */
function asFieldError(error: unknown): unknown {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown }
  const field = typeof constraint === 'string' ? CONSTRAINT_FIELDS[constraint] : undefined
  if (code === CHECK_VIOLATION && field) {
    return new ValidationError([bodyError(field, `${field} breaks the rule ${constraint}`)])
  }
  if (code === FOREIGN_KEY_VIOLATION) {
    return new ValidationError([bodyError('communityCode', 'the community no longer exists')])
  }
  return error
}

// Compound (小区) edits with optimistic locking, through the one write path: lock, If-Match, write, audit, then the
// data-changed signal with the outline before and after. A new outline must be valid, inside the district, inside the
// writer's streets and clear of other compounds unless the writer allows the overlap. Also the edit history,
// restoring a version from it, soft delete and undelete.
import { extentOf } from '@renewal-atlas/analysis'
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
import { assertInArea, scopeFor } from '../auth/area.ts'
import { isSignedIn, type Principal, type SignedIn } from '../auth/principal.ts'
import type { DataChange } from '../changes/data-changed.ts'
import type { WritePath } from '../changes/write-path.ts'
import {
  type FieldError,
  ForbiddenError,
  NotFoundError,
  OverlapError,
  ValidationError,
} from '../http/errors.ts'
import type { Feature } from '../http/geojson.ts'
import type {
  CommunityRef,
  CompoundEditRepository,
  CompoundValues,
  LockedCompound,
} from './compound-edit.repository.ts'

const ENTITY = 'compound'

type CompoundFeature = Feature<CompoundResponseProperties>

const notFound = (id: number) => new NotFoundError(`No compound has id ${id}`)
const notDeleted = (id: number) => new NotFoundError(`No deleted compound has id ${id}`)
const bodyError = (name: string, reason: string): FieldError => ({ name, in: 'body', reason })

export interface WriteOptions {
  /** Write an outline that overlaps other compounds (the planner has seen which and confirms). */
  allowOverlap?: boolean | undefined
}

/** A compound's change seen by the caches: its map layers, where the outline was and is. */
function compoundChanges(before: CompoundSnapshot, after: CompoundSnapshot): DataChange[] {
  const extent = extentOf(before.geometry, after.geometry)
  return [{ topic: 'compounds', extent, ids: [after.properties.id] }]
}

export class CompoundEditService {
  constructor(
    private readonly compounds: CompoundEditRepository,
    private readonly audit: AuditRepository,
    private readonly writes: WritePath<CompoundEditRepository>,
  ) {}

  /** Apply a patch to the compound at version `expected`; the compound as it is now. */
  async patch(
    principal: SignedIn,
    id: number,
    expected: number,
    patch: CompoundPatch,
    options: WriteOptions = {},
  ): Promise<CompoundFeature> {
    const place = await this.live(id)
    const { communityCode, ...fields } = patch
    const community = communityCode === undefined ? undefined : await this.community(communityCode)
    if (community) assertInArea(principal, community.streetId)
    if (fields.geometry) {
      await this.assertOutline(principal, id, fields.geometry, (community ?? place).districtId, options)
    }
    const values: CompoundValues = { ...fields, ...(community ? { communityId: community.id } : {}) }
    return this.write(principal, id, expected, 'live', 'update', (tx, before) => {
      const violations = compoundRuleViolations({ ...before.properties, ...fields })
      if (violations.length) {
        throw new ValidationError(violations.map(({ field, reason }) => bodyError(field, reason)))
      }
      return tx.update(id, expected, values)
    })
  }

  /** Soft delete at version `expected`; the deleted record's new version. */
  async remove(principal: SignedIn, id: number, expected: number): Promise<number> {
    await this.live(id)
    const deleted = await this.write(principal, id, expected, 'live', 'delete', (tx) =>
      tx.markDeleted(id, expected, principal.user.id),
    )
    return deleted.properties.version
  }

  /** Bring a soft-deleted compound back at version `expected`. */
  async undelete(principal: SignedIn, id: number, expected: number): Promise<CompoundFeature> {
    const place = await this.compounds.place(id)
    if (!place?.deleted) throw notDeleted(id)
    return this.write(principal, id, expected, 'deleted', 'undelete', (tx) => tx.markUndeleted(id, expected))
  }

  /**
   * Set the compound back to the state after history entry `entryId` (before it, for a delete; or before it when
   * asked), as a new version recorded as 'restore'. The compound must be live: a deleted one comes back with
   * undelete first. An old outline meets the same checks as a new one.
   */
  async restore(
    principal: SignedIn,
    id: number,
    entryId: number,
    expected: number,
    state: 'after' | 'before' = 'after',
    options: WriteOptions = {},
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
    const current = await this.compounds.feature(id)
    const outline = target.geometry as PolygonGeometry
    // The old outline came from the database; it is written again only when it differs from today's.
    const moves = JSON.stringify(current?.geometry) !== JSON.stringify(outline)
    if (moves) await this.assertOutline(principal, id, outline, community.districtId, options)
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
      ...(moves ? { geometry: outline } : {}),
    }
    return this.write(principal, id, expected, 'live', 'restore', (tx) => tx.update(id, expected, values))
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

  /** Every write of a compound: on the write path, live (or deleted) at version `expected`. */
  private write(
    principal: SignedIn,
    id: number,
    expected: number,
    state: 'live' | 'deleted',
    action: AuditAction,
    change: (tx: CompoundEditRepository, before: CompoundSnapshot) => Promise<boolean>,
  ): Promise<CompoundFeature> {
    return this.writes.versioned<CompoundSnapshot>({
      userId: principal.user.id,
      entity: ENTITY,
      action,
      id,
      expected,
      lock: async (tx) => {
        const locked = await tx.lock(id)
        return locked && locked.deleted === (state === 'deleted') ? locked : undefined
      },
      missing: () => (state === 'live' ? notFound(id) : notDeleted(id)),
      read: async (tx) => {
        const feature = await tx.feature(id)
        if (!feature) throw notFound(id)
        return feature as CompoundSnapshot
      },
      change,
      changes: compoundChanges,
    }) as Promise<CompoundFeature>
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

  /**
   * A new outline must be valid, inside the district and inside the streets the writer's edits reach; one that
   * overlaps other compounds is refused (409 naming them) unless the writer allows it.
   */
  private async assertOutline(
    principal: SignedIn,
    id: number,
    geometry: PolygonGeometry,
    districtId: number,
    { allowOverlap = false }: WriteOptions,
  ): Promise<void> {
    const { streetIds } = scopeFor(principal, 'editCompounds')
    const check = await this.compounds.checkGeometry(geometry, { districtId, streetIds, compoundId: id })
    if (!check.valid) {
      throw new ValidationError([bodyError('geometry', `${GEOMETRY_REASONS.invalid}: ${check.reason}`)])
    }
    if (!check.insideDistrict) {
      throw new ValidationError([bodyError('geometry', GEOMETRY_REASONS.outsideDistrict)])
    }
    if (!check.insideStreets) {
      throw new ForbiddenError(`geometry: ${GEOMETRY_REASONS.outsideStreets}`, 'outside_area')
    }
    if (check.overlaps.length && !allowOverlap)
      throw new OverlapError(check.overlaps, GEOMETRY_REASONS.overlaps)
  }
}

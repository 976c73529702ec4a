// Writes to compounds (小区) on compound_records, the table behind the `compounds` view that hides soft-deleted
// rows: row locks, version-guarded updates, soft delete and undelete, geometry checks and the deleted list.
import type {
  CompoundEditableField,
  CompoundPatch,
  CompoundResponseProperties,
  DeletedCompoundProperties,
  PolygonGeometry,
} from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import { AuditRepository } from '../audit/audit.repository.ts'
import { type Feature, toFeature } from '../http/geojson.ts'
import { compoundColumns } from './compound.repository.ts'

/** A compound's row as locked for a write: its version and where it lies. */
export interface LockedCompound {
  id: number
  version: number
  deleted: boolean
  communityId: number
  streetId: number
  districtId: number
}

export interface CommunityRef {
  id: number
  streetId: number
  districtId: number
}

export type GeometryCheck = { valid: true; insideDistrict: boolean } | { valid: false; reason: string }

/** The new values of a write: the patch's fields, with the community resolved to its id. */
export type CompoundValues = Omit<CompoundPatch, 'communityCode'> & { communityId?: number }

/** Domain field → compound_records column; the geometry is bound through GeoJSON below. */
const COLUMNS: Record<Exclude<CompoundEditableField, 'communityCode' | 'geometry'>, string> & {
  communityId: string
} = {
  name: 'name',
  address: 'address',
  communityId: 'community_id',
  builtYear: 'built_year',
  buildingCount: 'building_count',
  households: 'households',
  residents: 'residents',
  floorAreaM2: 'floor_area_m2',
  managementType: 'management_type',
  onOldRegister: 'on_old_register',
  renovationStatus: 'renovation_status',
  renovationYear: 'renovation_year',
}

/** A polygon from request GeoJSON: 2D, WGS84, exterior ring counter-clockwise as RFC 7946 asks. */
const polygonFrom = (knex: Knex, geometry: PolygonGeometry) =>
  knex.raw('ST_ForcePolygonCCW(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)))', [
    JSON.stringify({ type: 'Polygon', coordinates: geometry.coordinates }),
  ])

/** PostGIS reports unreadable geometry as a data exception (22xxx) or an internal error (XX000). */
const isGeometryError = (error: unknown) => {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && (code.startsWith('22') || code === 'XX000')
}

export interface EditTransaction {
  compounds: CompoundEditRepository
  audit: AuditRepository
}

export class CompoundEditRepository {
  constructor(private readonly knex: Knex) {}

  /** Run `work` in one transaction: every write in it, the audit entry included, commits or none does. */
  transaction<T>(work: (tx: EditTransaction) => Promise<T>): Promise<T> {
    return this.knex.transaction((trx) =>
      work({ compounds: new CompoundEditRepository(trx), audit: new AuditRepository(trx) }),
    )
  }

  private records(): Knex.QueryBuilder {
    return this.knex('compound_records as c')
      .join('communities as cm', 'cm.id', 'c.community_id')
      .join('streets as s', 's.id', 'cm.street_id')
  }

  /** Lock the compound's row for the rest of the transaction; later writers wait, then see the new version. */
  async lock(id: number): Promise<LockedCompound | undefined> {
    const row = await this.records()
      .where('c.id', id)
      .forUpdate('c')
      .first(
        'c.id',
        'c.version',
        this.knex.raw('c.deleted_at is not null as deleted'),
        'c.community_id as communityId',
        'cm.street_id as streetId',
        's.district_id as districtId',
      )
    return row as LockedCompound | undefined
  }

  /** Where a compound lies, without a lock; deleted compounds too. */
  async place(id: number): Promise<LockedCompound | undefined> {
    const row = await this.records()
      .where('c.id', id)
      .first(
        'c.id',
        'c.version',
        this.knex.raw('c.deleted_at is not null as deleted'),
        'c.community_id as communityId',
        'cm.street_id as streetId',
        's.district_id as districtId',
      )
    return row as LockedCompound | undefined
  }

  /** The compound as a feature, deleted or not. */
  async feature(id: number): Promise<Feature<CompoundResponseProperties> | undefined> {
    const row = await this.records().where('c.id', id).first(compoundColumns(this.knex))
    if (!row) return undefined
    const { geometry, ...properties } = row
    return toFeature(properties as CompoundResponseProperties, geometry)
  }

  async community(code: string): Promise<CommunityRef | undefined> {
    return this.knex('communities as cm')
      .join('streets as s', 's.id', 'cm.street_id')
      .where('cm.code', code)
      .first('cm.id', 'cm.street_id as streetId', 's.district_id as districtId')
  }

  /** PostGIS's verdict on a polygon: valid (ST_IsValid, else ST_IsValidReason) and covered by the district. */
  async checkGeometry(geometry: PolygonGeometry, districtId: number): Promise<GeometryCheck> {
    const k = this.knex
    let validity: { valid: boolean; reason: string } | undefined
    try {
      validity = await k
        .from(k.raw('(select ? as g) as x', [polygonFrom(k, geometry)]))
        .first(k.raw('ST_IsValid(g) as valid'), k.raw('ST_IsValidReason(g) as reason'))
    } catch (error) {
      if (!isGeometryError(error)) throw error
      return { valid: false, reason: 'PostGIS could not read it' }
    }
    if (!validity?.valid) return { valid: false, reason: validity?.reason ?? 'unknown reason' }
    const inside = await k('districts as d')
      .where('d.id', districtId)
      .first(k.raw('ST_CoveredBy(?, d.geom) as inside', [polygonFrom(k, geometry)]))
    return { valid: true, insideDistrict: inside?.inside === true }
  }

  /** Write the values and step the version, if the row is live and still at `version`; false otherwise. */
  async update(id: number, version: number, values: CompoundValues): Promise<boolean> {
    const changes: Record<string, unknown> = {}
    for (const [field, column] of Object.entries(COLUMNS)) {
      const value = values[field as keyof CompoundValues]
      if (value !== undefined) changes[column] = value
    }
    if (values.geometry) changes.geom = polygonFrom(this.knex, values.geometry)
    const rows = await this.knex('compound_records')
      .where({ id, version })
      .whereNull('deleted_at')
      .update({ ...changes, version: this.knex.raw('version + 1'), updated_at: this.knex.fn.now() })
      .returning('id')
    return rows.length === 1
  }

  /** Soft delete at `version`; false when the row is not live at that version. */
  async markDeleted(id: number, version: number, userId: number): Promise<boolean> {
    const rows = await this.knex('compound_records')
      .where({ id, version })
      .whereNull('deleted_at')
      .update({
        deleted_at: this.knex.fn.now(),
        deleted_by: userId,
        version: this.knex.raw('version + 1'),
        updated_at: this.knex.fn.now(),
      })
      .returning('id')
    return rows.length === 1
  }

  /** Bring a soft-deleted row back at `version`; false when it is not deleted at that version. */
  async markUndeleted(id: number, version: number): Promise<boolean> {
    const rows = await this.knex('compound_records')
      .where({ id, version })
      .whereNotNull('deleted_at')
      .update({
        deleted_at: null,
        deleted_by: null,
        version: this.knex.raw('version + 1'),
        updated_at: this.knex.fn.now(),
      })
      .returning('id')
    return rows.length === 1
  }

  /** One page of soft-deleted compounds, most recently deleted first. */
  async listDeleted(page: {
    limit: number
    offset: number
  }): Promise<{ total: number; features: Feature<DeletedCompoundProperties>[] }> {
    const deleted = () => this.records().whereNotNull('c.deleted_at')
    const [count, rows] = await Promise.all([
      deleted().first(this.knex.raw('count(*)::int as n')),
      deleted()
        .leftJoin('users as u', 'u.id', 'c.deleted_by')
        .select([
          ...compoundColumns(this.knex),
          'c.deleted_at as deletedAt',
          'u.id as deletedById',
          'u.username as deletedByUsername',
          'u.display_name as deletedByDisplayName',
        ])
        .orderBy([
          { column: 'c.deleted_at', order: 'desc' },
          { column: 'c.id', order: 'desc' },
        ])
        .limit(page.limit)
        .offset(page.offset),
    ])
    const features = rows.map((row: Record<string, unknown>) => {
      const { geometry, deletedAt, deletedById, deletedByUsername, deletedByDisplayName, ...properties } = row
      return toFeature(
        {
          ...(properties as CompoundResponseProperties),
          deletedAt: new Date(deletedAt as string | Date).toISOString(),
          deletedBy:
            deletedById === null
              ? null
              : {
                  id: deletedById as number,
                  username: deletedByUsername as string,
                  displayName: (deletedByDisplayName as string | null) ?? null,
                },
        },
        geometry as string,
      )
    })
    return { total: (count?.n as number) ?? 0, features }
  }
}

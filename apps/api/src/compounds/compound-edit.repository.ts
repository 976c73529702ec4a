// Writes to compounds (小区) on compound_records, the table behind the `compounds` view that hides soft-deleted
// rows: row locks, version-guarded updates, soft delete and undelete, the checks of a new outline and the deleted
// list. Writes run on the write path's transaction (changes/write-path.ts).

import { isGeometryFailure, outlineFromGeoJson } from '@renewal-atlas/db'
import type {
  CompoundEditableField,
  CompoundPatch,
  CompoundResponseProperties,
  DeletedCompoundProperties,
  PolygonGeometry,
} from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import type { Overlap } from '../http/errors.ts'
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

export type GeometryCheck =
  | { valid: true; insideDistrict: boolean; insideStreets: boolean; overlaps: Overlap[] }
  | { valid: false; reason: string }

export interface GeometryContext {
  districtId: number
  /** The streets the writer's outline must lie in; null for a writer whose edits reach every street. */
  streetIds: readonly number[] | null
  /** The compound being written, which its new outline may of course overlap. */
  compoundId: number
}

/** Overlaps smaller than this (m²) are rounding at a shared edge, not a second compound on the same ground. */
const OVERLAP_TOLERANCE_M2 = 0.5
/** The overlaps a refusal names, at most. */
const MAX_OVERLAPS_NAMED = 10

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

/** A polygon from request GeoJSON as stored (its bbox member, if any, left out). */
const polygonFrom = (geometry: PolygonGeometry) =>
  outlineFromGeoJson({ type: 'Polygon', coordinates: geometry.coordinates })

export class CompoundEditRepository {
  constructor(private readonly knex: Knex) {}

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

  /**
   * PostGIS's verdict on a new outline: valid (ST_IsValid, else ST_IsValidReason), covered by the district, covered by
   * the writer's streets, and the other compounds it overlaps by more than a sliver.
   */
  async checkGeometry(geometry: PolygonGeometry, at: GeometryContext): Promise<GeometryCheck> {
    const k = this.knex
    let validity: { valid: boolean; reason: string } | undefined
    try {
      validity = await k
        .from(k.raw('(select ? as g) as x', [polygonFrom(geometry)]))
        .first(k.raw('ST_IsValid(g) as valid'), k.raw('ST_IsValidReason(g) as reason'))
    } catch (error) {
      if (!isGeometryFailure(error)) throw error
      return { valid: false, reason: 'PostGIS could not read it' }
    }
    if (!validity?.valid) return { valid: false, reason: validity?.reason ?? 'unknown reason' }
    const outline = polygonFrom(geometry)
    const place = await k('districts as d')
      .where('d.id', at.districtId)
      .first(
        k.raw('ST_CoveredBy(?, d.geom) as "insideDistrict"', [outline]),
        at.streetIds === null
          ? k.raw('true as "insideStreets"')
          : k.raw(
              'coalesce(ST_CoveredBy(?, (select ST_Union(s.geom) from streets s where s.id = any(?::int[]))), false) as "insideStreets"',
              [outline, [...at.streetIds]],
            ),
      )
    const intersection = k.raw('ST_Area(ST_Intersection(c.geom, ?)::geography)', [outline])
    const overlaps = (await k('compounds as c')
      .whereNot('c.id', at.compoundId)
      .whereRaw('c.geom && ?', [outline])
      .whereRaw('ST_Intersects(c.geom, ?) and not ST_Touches(c.geom, ?)', [outline, outline])
      .whereRaw('? > ?', [intersection, OVERLAP_TOLERANCE_M2])
      .select('c.id', 'c.code', 'c.name', k.raw('? as "areaM2"', [intersection]))
      .orderBy('areaM2', 'desc')
      .limit(MAX_OVERLAPS_NAMED)) as Overlap[]
    return {
      valid: true,
      insideDistrict: place?.insideDistrict === true,
      insideStreets: place?.insideStreets === true,
      overlaps: overlaps.map((o) => ({ ...o, areaM2: Number(o.areaM2) })),
    }
  }

  /** Write the values and step the version, if the row is live and still at `version`; false otherwise. */
  async update(id: number, version: number, values: CompoundValues): Promise<boolean> {
    const changes: Record<string, unknown> = {}
    for (const [field, column] of Object.entries(COLUMNS)) {
      const value = values[field as keyof CompoundValues]
      if (value !== undefined) changes[column] = value
    }
    if (values.geometry) changes.geom = polygonFrom(values.geometry)
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

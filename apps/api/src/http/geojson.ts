// Turning rows into GeoJSON features: geometry as RFC 7946 text from PostGIS (CCW exterior rings, 7 decimals).
import { envelope, intersects } from '@renewal-atlas/db'
import type { Knex } from 'knex'

/** SELECT expression for a feature's geometry; `column` is a constant of ours, never a request string. */
export function geometrySelect(knex: Knex, column: string): Knex.Raw {
  return knex.raw('ST_AsGeoJSON(ST_ForcePolygonCCW(??), 7)::text as geometry', [column])
}

export interface Feature<P> {
  type: 'Feature'
  id: number
  geometry: unknown
  properties: P
}

export function toFeature<P extends { id: number }>(properties: P, geometry: string): Feature<P> {
  return { type: 'Feature', id: properties.id, geometry: JSON.parse(geometry), properties }
}

/** Intersects a WGS84 bbox; the && inside ST_Intersects uses the GiST index. */
export function whereInBbox(
  query: Knex.QueryBuilder,
  column: string,
  bbox: readonly [number, number, number, number] | undefined,
): void {
  if (!bbox) return
  query.where(intersects(column, envelope(bbox)))
}

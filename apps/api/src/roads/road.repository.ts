// Reads the road centrelines and the district outline as GeoJSON, the inputs of the road graph.
import type { RoadClass } from '@renewal-atlas/domain'
import type { FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson'
import type { Knex } from 'knex'

export interface RoadGraphProperties {
  code: string
  name: string | null
  roadClass: RoadClass
}

export class RoadRepository {
  constructor(private readonly knex: Knex) {}

  /** Every road, in id order, with 7-decimal coordinates (the precision the graph matches end points at). */
  async roads(): Promise<FeatureCollection<LineString, RoadGraphProperties>> {
    const rows = await this.knex('roads as r')
      .select(
        'r.id',
        'r.code',
        'r.name',
        'r.road_class as roadClass',
        this.knex.raw('ST_AsGeoJSON(r.geom, 7)::text as geometry'),
      )
      .orderBy('r.id')
    return {
      type: 'FeatureCollection',
      features: rows.map(({ id, geometry, ...properties }) => ({
        type: 'Feature',
        id,
        geometry: JSON.parse(geometry),
        properties,
      })),
    }
  }

  /** The outline of all districts together; undefined when none is loaded. */
  async districtOutline(): Promise<Polygon | MultiPolygon | undefined> {
    const rows: { geometry: string }[] = await this.knex('districts as d')
      .select(this.knex.raw('ST_AsGeoJSON(d.geom, 7)::text as geometry'))
      .orderBy('d.id')
    const outlines = rows.map((r) => JSON.parse(r.geometry) as Polygon | MultiPolygon)
    if (outlines.length <= 1) return outlines[0]
    return {
      type: 'MultiPolygon',
      coordinates: outlines.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)),
    }
  }
}

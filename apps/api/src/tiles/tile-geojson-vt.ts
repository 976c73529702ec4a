// Tiles made in Node for the embedded backend (PGlite's PostGIS has no ST_AsMVT): geojson-vt over a layer's
// features, encoded by vt-pbf, with the same extent and buffer as the PostGIS tiles.
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt'
import { fromGeojsonVt } from '@maplibre/vt-pbf'
import { TILE_BUFFER, TILE_EXTENT, TILE_LAYERS, type TileLayerName } from '@renewal-atlas/domain'
import { LRUCache } from 'lru-cache'
import type { StreetFilter, TileAddress, TileRepository } from './tile.repository.ts'

/**
 * Simplification tolerance in tile units. Below the layer's maxzoom geojson-vt drops a line shorter than this and a
 * polygon of smaller area than its square, where ST_AsMVTGeom drops only what collapses on the integer grid. A small
 * value keeps the two backends' feature sets the same at low zooms (the shortest lane, 5 m, is 0.6 units at z10).
 */
const TOLERANCE = 0.25

/** Street-narrowed indexes kept at once (one per layer and set of streets); the least recently used go first. */
const SCOPED_INDEXES = 32

/**
 * A feature as ST_AsMVTGeom would keep it: rings that enclose no area and lines that shrink to a point on the tile's
 * integer grid are left out, and a feature left with nothing is dropped. (geojson-vt keeps such slivers, e.g. of a
 * polygon reaching a hair's breadth into the tile buffer.) The tile index's own objects are never changed.
 */
function visible(feature: GeoJSONVTFeature): GeoJSONVTFeature[] {
  if (feature.type === 1) return [feature]
  if (feature.type === 2) {
    const lines = feature.geometry.filter((line) =>
      line.some(([x, y]) => x !== line[0]?.[0] || y !== line[0]?.[1]),
    )
    return lines.length ? [{ ...feature, geometry: lines }] : []
  }
  // A hole lies inside its outer ring, so a polygon keeping any ring keeps an outer one.
  const rings = feature.geometry.filter((ring) => ringArea(ring) !== 0)
  return rings.length ? [{ ...feature, geometry: rings }] : []
}

/** Twice the signed area of a ring in tile coordinates (the surveyor's formula). */
function ringArea(ring: [number, number][]): number {
  let area = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number]
    const [xj, yj] = ring[j] as [number, number]
    area += (xj - xi) * (yi + yj)
  }
  return area
}

export class GeojsonVtTileMaker {
  /** One index per layer, built on first request; the promise is shared by requests that arrive meanwhile. */
  private readonly indexes = new Map<TileLayerName, Promise<GeoJSONVT>>()
  /** Indexes of a street-scoped layer's features in some streets, by `layer/streetIds`. */
  private readonly scoped = new LRUCache<string, Promise<GeoJSONVT>>({ max: SCOPED_INDEXES })

  constructor(private readonly tiles: TileRepository) {}

  /** `streets` narrows a street-scoped layer to the features in those streets (sorted ids); null is every feature. */
  async tile(
    layer: TileLayerName,
    { z, x, y }: TileAddress,
    streets: StreetFilter = null,
  ): Promise<Uint8Array> {
    const index = streets ? this.scopedIndex(layer, streets) : this.index(layer)
    const tile = (await index).getTile(z, x, y)
    const features = tile?.features.flatMap(visible) ?? []
    if (!tile || features.length === 0) return new Uint8Array()
    // The tile type intersects the transformed and untransformed feature types; ours are the transformed ones.
    return fromGeojsonVt(
      { [layer]: { ...tile, features } as GeoJSONVTTile },
      { version: 2, extent: TILE_EXTENT },
    )
  }

  /** Forget a layer's index; the next request reads the layer again. */
  invalidate(layer: TileLayerName): void {
    this.indexes.delete(layer)
    for (const key of [...this.scoped.keys()]) if (key.startsWith(`${layer}/`)) this.scoped.delete(key)
  }

  private scopedIndex(layer: TileLayerName, streets: number[]): Promise<GeoJSONVT> {
    const key = `${layer}/${streets.join(',')}`
    let index = this.scoped.get(key)
    if (!index) {
      index = this.build(layer, streets)
      this.scoped.set(key, index)
      index.catch(() => {
        if (this.scoped.peek(key) === index) this.scoped.delete(key)
      })
    }
    return index
  }

  private index(layer: TileLayerName): Promise<GeoJSONVT> {
    let index = this.indexes.get(layer)
    if (!index) {
      index = this.build(layer)
      this.indexes.set(layer, index)
      // A failed read must not stick: the next request tries again.
      index.catch(() => {
        if (this.indexes.get(layer) === index) this.indexes.delete(layer)
      })
    }
    return index
  }

  private async build(layer: TileLayerName, streets: StreetFilter = null): Promise<GeoJSONVT> {
    const rows = await this.tiles.features(layer, streets)
    const features: GeoJSON.Feature[] = rows.map(({ id, geometry, ...properties }) => ({
      type: 'Feature',
      id,
      geometry: JSON.parse(geometry),
      // ST_AsMVT leaves NULL properties out of a feature; so do we.
      properties: Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== null)),
    }))
    return new GeoJSONVT(
      { type: 'FeatureCollection', features },
      {
        maxZoom: TILE_LAYERS[layer].maxzoom,
        extent: TILE_EXTENT,
        buffer: TILE_BUFFER,
        tolerance: TOLERANCE,
        indexMaxZoom: 5,
      },
    )
  }
}

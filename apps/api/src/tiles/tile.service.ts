// Vector tiles for the map: made by PostGIS when it can (ST_AsMVT) or in Node otherwise, cached in process by
// layer, zoom, column, row and the layer's data version, and described by TileJSON.
import { createHash } from 'node:crypto'
import type { Database } from '@renewal-atlas/db'
import {
  isTileLayerName,
  TILE_LAYER_NAMES,
  TILE_LAYERS,
  type TileJson,
  type TileLayerName,
} from '@renewal-atlas/domain'
import { type Scope, UNLIMITED } from '../auth/principal.ts'
import { NotFoundError, ServiceUnavailableError } from '../http/errors.ts'
import {
  isStreetScoped,
  type StreetFilter,
  TILE_LAYER_SOURCES,
  type TileAddress,
  TileRepository,
} from './tile.repository.ts'
import { type CachedTile, TileCache } from './tile-cache.ts'
import { GeojsonVtTileMaker } from './tile-geojson-vt.ts'

export interface TileServiceOptions {
  /** Byte budget of the tile cache (default 64 MiB). */
  cacheBytes?: number | undefined
}

export type { CachedTile as Tile }

/** Whole-world bounds in web mercator's latitude range, for a layer with no data yet. */
const WORLD: [number, number, number, number] = [-180, -85.0511, 180, 85.0511]
/** PostgreSQL's SQLSTATE when statement_timeout cancels a query. */
const QUERY_CANCELED = '57014'

/**
 * The streets a reader's scope narrows a layer to: null (every feature) on public layers and for unlimited readers,
 * else the granted street ids sorted and without repeats, so that one set of streets has one cache key.
 */
function streetsOf(layer: TileLayerName, scope: Scope): StreetFilter {
  if (scope.streetIds === null || !isStreetScoped(layer)) return null
  return [...new Set(scope.streetIds)].sort((a, b) => a - b)
}

/** What a street-narrowed key adds to the unscoped one: never empty, so the two never share a cache entry. */
const scopeSuffix = (streets: StreetFilter) => (streets ? `/in-streets:${streets.join(',')}` : '')

export class TileService {
  private readonly repository: TileRepository
  private readonly cache: TileCache
  /** Only for a backend without ST_AsMVT. */
  private readonly embedded: GeojsonVtTileMaker | undefined
  /** Bumped by invalidate(): a tile made from older data is never stored under the new version's key. */
  private readonly versions = new Map<TileLayerName, number>(TILE_LAYER_NAMES.map((name) => [name, 0]))
  /** Tiles being made, so that simultaneous requests for one tile make it once. */
  private readonly pending = new Map<string, Promise<CachedTile>>()
  private readonly bounds = new Map<string, Promise<[number, number, number, number]>>()

  constructor(db: Database, options: TileServiceOptions = {}) {
    this.repository = new TileRepository(db.knex, db.tileKnex)
    this.cache = new TileCache(options.cacheBytes ?? 64 * 1024 * 1024)
    this.embedded = db.capabilities.mvt ? undefined : new GeojsonVtTileMaker(this.repository)
  }

  /** The layer, or a 404 naming the layers there are. */
  layer(name: string): TileLayerName {
    if (!isTileLayerName(name)) {
      throw new NotFoundError(`No tile layer is called ${name}; layers: ${TILE_LAYER_NAMES.join(', ')}`)
    }
    return name
  }

  /**
   * One tile. Below the layer's minzoom it is empty; above its maxzoom there is none (404), maps overzoom instead.
   * The caller has checked that x and y lie in the zoom's grid. A `scope` limited to some streets narrows the layers
   * of compound-level records to them; such tiles are cached apart, and their ETag names the streets too.
   */
  async tile(name: string, address: TileAddress, scope: Scope = UNLIMITED): Promise<CachedTile> {
    const layer = this.layer(name)
    const { minzoom, maxzoom } = TILE_LAYERS[layer]
    if (address.z > maxzoom) {
      throw new NotFoundError(`The ${layer} layer has tiles up to zoom ${maxzoom}; maps overzoom beyond it`)
    }
    if (address.z < minzoom) return { bytes: new Uint8Array(), etag: undefined }
    const streets = streetsOf(layer, scope)
    if (streets?.length === 0) return { bytes: new Uint8Array(), etag: undefined }
    const version = this.versions.get(layer) ?? 0
    const key = `${layer}/${version}/${address.z}/${address.x}/${address.y}${scopeSuffix(streets)}`
    const cached = this.cache.get(key)
    if (cached) return cached
    let making = this.pending.get(key)
    if (!making) {
      making = this.make(layer, address, streets).finally(() => this.pending.delete(key))
      this.pending.set(key, making)
      const tile = await making
      if (this.versions.get(layer) === version) this.cache.set(key, tile)
      return tile
    }
    return making
  }

  /**
   * Forget cached tiles (and the embedded backend's index) of a layer, and of every layer whose properties read its
   * table (e.g. `communities` also drops `compounds`, which carry their community's code); of all layers when none
   * is named. Write paths call this after changing a layer's data.
   */
  invalidate(layer?: TileLayerName): void {
    const table = layer && TILE_LAYER_SOURCES[layer].table
    for (const name of TILE_LAYER_NAMES) {
      if (table && !TILE_LAYER_SOURCES[name].reads.includes(table)) continue
      this.versions.set(name, (this.versions.get(name) ?? 0) + 1)
      this.cache.deletePrefix(`${name}/`)
      this.embedded?.invalidate(name)
      for (const key of [...this.bounds.keys()])
        if (key === name || key.startsWith(`${name}/`)) this.bounds.delete(key)
    }
  }

  /**
   * TileJSON 3.0.0 of one layer; `origin` is the scheme, host and port the client reached us at. The bounds of a
   * street-scoped layer are those of the reader's streets.
   */
  async tileJson(name: string, origin: string, scope: Scope = UNLIMITED): Promise<TileJson> {
    const layer = this.layer(name)
    const spec = TILE_LAYERS[layer]
    const bounds = await this.layerBounds(layer, streetsOf(layer, scope))
    return {
      tilejson: '3.0.0',
      name: layer,
      description: spec.description,
      scheme: 'xyz',
      tiles: [`${origin}/api/v1/tiles/${layer}/{z}/{x}/{y}.mvt`],
      minzoom: spec.minzoom,
      maxzoom: spec.maxzoom,
      bounds,
      center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.max(spec.minzoom, 12)],
      vector_layers: [
        {
          id: layer,
          description: spec.description,
          minzoom: spec.minzoom,
          maxzoom: spec.maxzoom,
          fields: { ...spec.fields },
        },
      ],
    }
  }

  /** What the cache holds, for logs and the benchmark. */
  cacheStats(): { tiles: number; bytes: number } {
    return { tiles: this.cache.size, bytes: this.cache.bytes }
  }

  private async make(layer: TileLayerName, address: TileAddress, streets: StreetFilter): Promise<CachedTile> {
    let bytes: Uint8Array
    try {
      bytes = this.embedded
        ? await this.embedded.tile(layer, address, streets)
        : await this.repository.mvt(layer, address, streets)
    } catch (error) {
      if ((error as { code?: unknown }).code === QUERY_CANCELED) {
        const { z, x, y } = address
        throw new ServiceUnavailableError(
          `Tile ${layer}/${z}/${x}/${y} took longer than the tile statement timeout`,
        )
      }
      throw error
    }
    if (bytes.byteLength === 0) return { bytes, etag: undefined }
    // A narrowed tile's ETag also hashes its streets: equal bytes for other readers never answer 304 across scopes.
    const hash = createHash('sha1').update(bytes)
    if (streets) hash.update(scopeSuffix(streets))
    return { bytes, etag: `"${hash.digest('base64url')}"` }
  }

  private layerBounds(
    layer: TileLayerName,
    streets: StreetFilter,
  ): Promise<[number, number, number, number]> {
    const key = `${layer}${scopeSuffix(streets)}`
    let bounds = this.bounds.get(key)
    if (!bounds) {
      bounds = this.repository.bounds(layer, streets).then((b) => b ?? WORLD)
      this.bounds.set(key, bounds)
      bounds.catch(() => this.bounds.delete(key))
    }
    return bounds
  }
}

const services = new WeakMap<Database, TileService>()

/**
 * The one tile service of a database, so that every write path over that database can invalidate the tiles it
 * changes, and tests can reach the service of a running app.
 */
export function tileServiceFor(db: Database, options?: TileServiceOptions): TileService {
  let service = services.get(db)
  if (!service) {
    service = new TileService(db, options)
    services.set(db, service)
  }
  return service
}

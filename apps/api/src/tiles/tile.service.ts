// Vector tiles for the map: made by PostGIS when it can (ST_AsMVT) or in Node otherwise, cached in process by layer,
// zoom, column and row, and described by TileJSON. The cache follows the data-changed signal: a change drops the
// cached tiles it touches (those over its extent, when it has one) of every layer that shows the changed data, and
// steps those layers' revisions, which the web app puts in its tile URLs.
import { createHash } from 'node:crypto'
import { type Database, fromPgError, QueryCanceled } from '@renewal-atlas/db'
import {
  isTileLayerName,
  TILE_BUFFER,
  TILE_EXTENT,
  TILE_LAYER_NAMES,
  TILE_LAYERS,
  type TileJson,
  type TileLayerName,
} from '@renewal-atlas/domain'
import { type Scope, UNLIMITED } from '../auth/principal.ts'
import type { DataChange, DataChanges } from '../changes/data-changed.ts'
import { NotFoundError, ServiceUnavailableError } from '../http/errors.ts'
import { isStreetScoped, tileLayersChangedBy } from '../layers/layer-sources.ts'
import { type StreetFilter, type TileAddress, TileRepository } from './tile.repository.ts'
import { type CachedTile, TileCache } from './tile-cache.ts'
import { GeojsonVtTileMaker } from './tile-geojson-vt.ts'

export interface TileServiceOptions {
  /** Byte budget of the tile cache (default 64 MiB). */
  cacheBytes?: number | undefined
}

export type { CachedTile as Tile }

/** Whole-world bounds in web mercator's latitude range, for a layer with no data yet. */
const WORLD: [number, number, number, number] = [-180, -85.0511, 180, 85.0511]

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
  /** Stepped by every change a layer shows: a tile made from older data is never stored, and URLs change. */
  private readonly versions = new Map<TileLayerName, number>(TILE_LAYER_NAMES.map((name) => [name, 0]))
  /** Makes revisions of one process run differ from the last one's, so a browser never reuses a stale tile URL. */
  private readonly epoch = Date.now().toString(36)
  /** Tiles being made, so that simultaneous requests for one tile (at one version) make it once. */
  private readonly pending = new Map<string, Promise<CachedTile>>()
  private readonly bounds = new Map<string, Promise<[number, number, number, number]>>()

  constructor(db: Database, changes: DataChanges, options: TileServiceOptions = {}) {
    this.repository = new TileRepository(db.knex, db.tileKnex)
    this.cache = new TileCache(options.cacheBytes ?? 64 * 1024 * 1024)
    this.embedded = db.capabilities.mvt ? undefined : new GeojsonVtTileMaker(this.repository)
    changes.listen((changed) => this.follow(changed))
  }

  /** The layer, or a 404 naming the layers there are. */
  layer(name: string): TileLayerName {
    if (!isTileLayerName(name)) {
      throw new NotFoundError(`No tile layer is called ${name}; layers: ${TILE_LAYER_NAMES.join(', ')}`)
    }
    return name
  }

  /** A token that changes whenever the layer's tiles may have (for tile URLs and the layer list). */
  revision(layer: TileLayerName): string {
    return `${this.epoch}.${this.versions.get(layer) ?? 0}`
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
    const key = tileKey(layer, address, streets)
    const cached = this.cache.get(key)
    if (cached) return cached
    const making = `${key}@${version}`
    let tile = this.pending.get(making)
    if (!tile) {
      tile = this.make(layer, address, streets).finally(() => this.pending.delete(making))
      this.pending.set(making, tile)
      const made = await tile
      if (this.versions.get(layer) === version) this.cache.set(key, made)
      return made
    }
    return tile
  }

  /**
   * Follow committed changes: for each layer that shows the changed data (the layer itself, and those whose tiles
   * read it, e.g. compounds carry their community's code), step its version, drop its cached tiles over the change's
   * extent (all of them when the extent is unknown), its embedded index and its bounds.
   */
  private follow(changes: readonly DataChange[]): void {
    for (const { topic, extent } of changes) {
      for (const layer of tileLayersChangedBy(topic)) {
        this.versions.set(layer, (this.versions.get(layer) ?? 0) + 1)
        this.cache.deleteWhere((key) => {
          const tile = parseTileKey(key)
          return tile?.layer === layer && (!extent || overlaps(tileExtent(tile), extent))
        })
        this.embedded?.invalidate(layer)
        for (const key of [...this.bounds.keys()])
          if (key === layer || key.startsWith(`${layer}/`)) this.bounds.delete(key)
      }
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
      if (fromPgError(error) instanceof QueryCanceled) {
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

/** `layer/z/x/y` and, for a street-narrowed tile, its streets. */
function tileKey(layer: TileLayerName, { z, x, y }: TileAddress, streets: StreetFilter): string {
  return `${layer}/${z}/${x}/${y}${scopeSuffix(streets)}`
}

function parseTileKey(key: string): (TileAddress & { layer: string }) | undefined {
  const match = /^([^/]+)\/(\d+)\/(\d+)\/(\d+)/.exec(key)
  if (!match) return undefined
  return { layer: match[1] as string, z: Number(match[2]), x: Number(match[3]), y: Number(match[4]) }
}

/** A tile's extent in WGS84 with its buffer (features that far outside are drawn in it too). */
function tileExtent({ z, x, y }: TileAddress): [number, number, number, number] {
  const n = 2 ** z
  const margin = TILE_BUFFER / TILE_EXTENT
  const lon = (column: number) => (column / n) * 360 - 180
  const lat = (row: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / n))) * 180) / Math.PI
  return [lon(x - margin), lat(y + 1 + margin), lon(x + 1 + margin), lat(y - margin)]
}

function overlaps(a: readonly number[], b: readonly number[]): boolean {
  return (
    (a[0] as number) <= (b[2] as number) &&
    (b[0] as number) <= (a[2] as number) &&
    (a[1] as number) <= (b[3] as number) &&
    (b[1] as number) <= (a[3] as number)
  )
}

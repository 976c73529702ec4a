// The in-process tile cache: least-recently-used tiles up to a byte budget, each with its ETag.
import { LRUCache } from 'lru-cache'

export interface CachedTile {
  /** Encoded MVT; empty when no feature falls in the tile. */
  bytes: Uint8Array
  /** Strong ETag (quoted) of the bytes; undefined for an empty tile. */
  etag: string | undefined
}

/** Bytes counted for an entry besides its tile: key, ETag and bookkeeping, so empty tiles are not free. */
const ENTRY_OVERHEAD = 128

export class TileCache {
  private readonly lru: LRUCache<string, CachedTile>

  constructor(maxBytes: number) {
    this.lru = new LRUCache<string, CachedTile>({
      maxSize: maxBytes,
      sizeCalculation: (tile) => tile.bytes.byteLength + ENTRY_OVERHEAD,
    })
  }

  get(key: string): CachedTile | undefined {
    return this.lru.get(key)
  }

  set(key: string, tile: CachedTile): void {
    this.lru.set(key, tile)
  }

  /** Drop every entry whose key the predicate picks (a layer's tiles over a changed extent). */
  deleteWhere(picked: (key: string) => boolean): void {
    for (const key of [...this.lru.keys()]) if (picked(key)) this.lru.delete(key)
  }

  get size(): number {
    return this.lru.size
  }

  get bytes(): number {
    return this.lru.calculatedSize
  }
}

// What the OGC API Features service reads: every collection's extent, a page of a collection's features with the
// number matched, and one feature — in WGS84, narrowed to a street-limited reader's streets on the layers whose rows
// are limited so (the registry's access rule), as on the map and in exports.
import { type ExportLayer, exportLayer } from '@renewal-atlas/domain'
import type { LayerRepository } from '../layers/layer.repository.ts'
import type { LayerFilter, LayerRow } from '../layers/layer-query.ts'
import type { Extent } from './ogc.documents.ts'

export interface ItemsRequest {
  filter: LayerFilter
  limit: number
  /** Keyset (`after`, from a next link) or offset paging. */
  page: { afterId: number } | { offset: number }
}

export class OgcService {
  constructor(private readonly layers: LayerRepository) {}

  async extents(): Promise<Record<ExportLayer, Extent>> {
    const extents = {} as Record<ExportLayer, Extent>
    for (const layer of exportLayer.values) extents[layer] = await this.layers.extent(layer)
    return extents
  }

  extent(layer: ExportLayer): Promise<Extent> {
    return this.layers.extent(layer)
  }

  async items(layer: ExportLayer, { filter, limit, page }: ItemsRequest) {
    const numberMatched = await this.layers.count(layer, filter)
    const rows = await this.layers.rows(layer, filter, { crs: '4326', limit, ...page })
    return { numberMatched, rows }
  }

  async item(
    layer: ExportLayer,
    id: number,
    streetIds: readonly number[] | null,
  ): Promise<LayerRow | undefined> {
    const [row] = await this.layers.rows(layer, { streetIds }, { crs: '4326', limit: 1, id })
    return row
  }
}

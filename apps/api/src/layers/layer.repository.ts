// Reading a layer's features for exports and the OGC API: counts, pages by id, whole Feature texts written by the
// database, the COPY of every feature line on the server, and the layer's extent. The SQL is built in layer-query.ts
// from the layer's source; this is the one place it runs.
import type { ExportCrs, ExportLayer } from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import { copyLines } from './copy-lines.ts'
import {
  areaInvalidReason,
  type LayerFilter,
  type LayerRow,
  layerCount,
  layerExtent,
  layerFeatureTextSql,
  layerFeatureTexts,
  layerRows,
  type PageOptions,
} from './layer-query.ts'

export class LayerRepository {
  constructor(
    private readonly knex: Knex,
    /** Whether the backend streams `COPY … TO STDOUT` (the server; PGlite has no COPY to a client). */
    readonly copies: boolean,
  ) {}

  count(layer: ExportLayer, filter: LayerFilter): Promise<number> {
    return layerCount(this.knex, layer, filter)
  }

  /** One page of rows: properties and the geometry as GeoJSON text. */
  rows(layer: ExportLayer, filter: LayerFilter, page: PageOptions): Promise<LayerRow[]> {
    return layerRows(this.knex, layer, filter, page)
  }

  /** One page of whole Feature texts, written by the database. */
  featureTexts(layer: ExportLayer, filter: LayerFilter, page: PageOptions) {
    return layerFeatureTexts(this.knex, layer, filter, page)
  }

  /** Every Feature text of the layer as bytes straight from COPY, each line starting with `linePrefix` (server). */
  featureLines(
    layer: ExportLayer,
    filter: LayerFilter,
    crs: ExportCrs,
    linePrefix: string,
  ): AsyncIterable<Buffer> {
    return copyLines(this.knex, layerFeatureTextSql(this.knex, layer, filter, crs, linePrefix))
  }

  /** PostGIS's reason an `area` polygon is not valid; undefined when it is (or there is none). */
  areaInvalidReason(filter: LayerFilter): Promise<string | undefined> {
    return areaInvalidReason(this.knex, filter)
  }

  extent(layer: ExportLayer) {
    return layerExtent(this.knex, layer)
  }
}

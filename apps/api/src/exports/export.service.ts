// Exports for design institutes: a layer (or several, zipped with a README and the metadata sidecar) in the
// asked format and coordinate system, read from the database a page at a time and written as it is read, so
// memory stays flat however many features there are. The API, the CLI and the benchmark share this code.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import {
  CRS_INFO,
  EXPORT_FORMAT_FILES,
  type ExportCrs,
  type ExportFormat,
  type ExportLayer,
  type ExportMetadata,
} from '@renewal-atlas/domain'
import {
  bundleReadme,
  COLLECTION_LINE_PREFIX,
  csvChunks,
  dxfChunks,
  type ExportFeature,
  exportFileName,
  exportMetadata,
  featureJson,
  fromWgs84,
  type Geometry,
  geojsonChunks,
  geojsonFromLines,
  geojsonSeqChunks,
  geojsonSeqFromLines,
  type LayerSource,
  SEQUENCE_LINE_PREFIX,
  writeShapefile,
  zipStream,
} from '@renewal-atlas/exchange'
import type { CompoundRepository } from '../compounds/compound.repository.ts'
import { NotFoundError, ValidationError } from '../http/errors.ts'
import type { LayerRepository } from '../layers/layer.repository.ts'
import type { LayerFilter, PageOptions } from '../layers/layer-query.ts'

/**
 * Streams of bytes, not objects: what waits between the database and the socket is counted in bytes (64 KB), so a
 * slow client holds back the reading instead of piling up pages.
 */
const BYTES = { objectMode: false, highWaterMark: 64 * 1024 }

/** Rows per database page: large enough to keep round trips few, small enough to keep memory flat. */
const EXPORT_PAGE_SIZE = 5_000

export interface ExportRequest {
  layers: readonly ExportLayer[]
  format: ExportFormat
  crs: ExportCrs
  filter: LayerFilter
  /** How CSV carries geometry (points only for lonlat). */
  csvGeometry?: 'wkt' | 'lonlat' | undefined
}

export interface ExportFile {
  /** The file name, e.g. `compounds_EPSG4544.geojson` or `wufuyuan_EPSG4544.zip`. */
  fileName: string
  mediaType: string
  /** Features the file holds (all layers), counted before writing, for progress. */
  featureCount: number
  /** The body, produced as it is read; destroying it stops the reading. */
  body: Readable
}

export class ExportService {
  constructor(
    private readonly layers: LayerRepository,
    private readonly compounds: CompoundRepository,
  ) {}

  /**
   * Refuses, before any byte, an `area` polygon PostGIS finds invalid (with its reason, as an import is told), and
   * an area around a compound that does not exist (or that the reader may not see).
   */
  async checkArea(filter: LayerFilter): Promise<void> {
    const invalid = await this.layers.areaInvalidReason(filter)
    if (invalid) {
      throw new ValidationError([{ name: 'area', in: 'query', reason: `not a valid polygon: ${invalid}` }])
    }
    if (!filter.near) return
    const street = await this.compounds.streetId(filter.near.compoundId)
    if (street === undefined || (filter.streetIds && !filter.streetIds.includes(street))) {
      throw new NotFoundError(`No compound with id ${filter.near.compoundId} (near) is visible to you`)
    }
  }

  async count(layer: ExportLayer, filter: LayerFilter): Promise<number> {
    return this.layers.count(layer, filter)
  }

  /** One layer as one file in the asked format. */
  async layerFile(layer: ExportLayer, request: Omit<ExportRequest, 'layers'>): Promise<ExportFile> {
    await this.checkArea(request.filter)
    const fileName = exportFileName(layer, request.format, request.crs)
    const { mediaType } = EXPORT_FORMAT_FILES[request.format]
    let body: Readable
    const copy = this.copies(request) ? this.copyFeatureLines(layer, request) : undefined
    if (copy) {
      // The COPY starts now and runs while the count is made; it ends with the body, read or not.
      const started = startNow(copy.lines)
      body = Readable.from(copy.frame(started.lines), BYTES)
      body.once('close', () => void started.close())
    } else if (request.format === 'shapefile') body = this.shapefileZip([layer], request, [])
    else if (request.format === 'dxf') {
      body = Readable.from(dxfChunks([this.source(layer, request)], { crs: request.crs }), BYTES)
    } else body = Readable.from(this.textChunks(layer, request), BYTES)
    try {
      return { fileName, mediaType, featureCount: await this.count(layer, request.filter), body }
    } catch (error) {
      body.destroy()
      throw error
    }
  }

  /** Several layers in one zip, with README.md (fields, units, codes, coordinate system) and metadata.json. */
  async bundle(request: ExportRequest, name: string): Promise<ExportFile> {
    await this.checkArea(request.filter)
    const counts = await Promise.all(request.layers.map((layer) => this.count(layer, request.filter)))
    const featureCount = counts.reduce((a, b) => a + b, 0)
    const tag = CRS_INFO[request.crs].fileTag
    const folder = tag ? `${name}_${tag}` : name
    const files = request.layers.map((layer, i) => ({
      layer,
      file:
        request.format === 'dxf'
          ? exportFileName(name, 'dxf', request.crs)
          : request.format === 'shapefile'
            ? exportFileName(layer, 'shapefile', request.crs).replace(/\.zip$/, '.shp')
            : exportFileName(layer, request.format, request.crs),
      features: counts[i] ?? 0,
    }))
    const described = {
      layers: files,
      crs: request.crs,
      format: request.format,
      filter: describeFilter(request.filter),
      generatedAt: new Date(),
      synthetic: true,
    }
    const extras = [
      { name: `${folder}/README.md`, content: bundleReadme(described) },
      { name: `${folder}/metadata.json`, content: `${JSON.stringify(exportMetadata(described), null, 2)}\n` },
    ]
    let body: Readable
    if (request.format === 'shapefile') {
      body = this.shapefileZip(request.layers, request, extras, folder)
    } else if (request.format === 'dxf') {
      const sources = request.layers.map((layer) => this.source(layer, request))
      body = zipStream([
        { name: `${folder}/${files[0]?.file}`, content: dxfChunks(sources, { crs: request.crs }) },
        ...extras,
      ])
    } else {
      body = zipStream([
        ...files.map(({ layer, file }) => ({
          name: `${folder}/${file}`,
          content: this.textChunks(layer, request),
        })),
        ...extras,
      ])
    }
    return { fileName: `${folder}.zip`, mediaType: 'application/zip', featureCount, body }
  }

  /** The sidecar of a single-layer file: its coordinate system, fields and filter. */
  async metadata(layer: ExportLayer, request: Omit<ExportRequest, 'layers'>): Promise<ExportMetadata> {
    await this.checkArea(request.filter)
    return exportMetadata({
      layers: [
        {
          layer,
          file: exportFileName(layer, request.format, request.crs),
          features: await this.count(layer, request.filter),
        },
      ],
      crs: request.crs,
      format: request.format,
      filter: describeFilter(request.filter),
      generatedAt: new Date(),
      synthetic: true,
    })
  }

  /** GeoJSON, GeoJSON Text Sequences or CSV of one layer, as text chunks. */
  private textChunks(
    layer: ExportLayer,
    request: Omit<ExportRequest, 'layers'>,
  ): AsyncIterable<string | Uint8Array> {
    const { format, crs } = request
    if (format === 'csv') {
      return csvChunks(layer, this.batches(layer, request), {
        geometry: request.csvGeometry ?? 'wkt',
        decimals: CRS_INFO[crs].decimals,
      })
    }
    const copy = this.copies(request) ? this.copyFeatureLines(layer, request) : undefined
    if (copy) return copy.frame(copy.lines)
    const lines = this.featureTexts(layer, request)
    return format === 'geojsonseq' ? geojsonSeqChunks(lines) : geojsonChunks(lines)
  }

  /** On the server, GeoJSON in an EPSG system is written whole by the database and streamed (COPY). */
  private copies(request: Omit<ExportRequest, 'layers'>): boolean {
    return (
      this.layers.copies &&
      CRS_INFO[request.crs].epsg !== null &&
      (request.format === 'geojson' || request.format === 'geojsonseq')
    )
  }

  /** The COPY of a layer's feature lines (each carrying its separator), and how to frame them. */
  private copyFeatureLines(layer: ExportLayer, request: Omit<ExportRequest, 'layers'>) {
    const sequence = request.format === 'geojsonseq'
    const prefix = sequence ? SEQUENCE_LINE_PREFIX : COLLECTION_LINE_PREFIX
    return {
      lines: this.layers.featureLines(layer, request.filter, request.crs, prefix),
      frame: sequence ? geojsonSeqFromLines : geojsonFromLines,
    }
  }

  /**
   * Feature texts a page at a time. In an EPSG system the database writes each Feature whole; GCJ-02 is not
   * one, so those rows are offset here and written by featureJson.
   */
  private async *featureTexts(
    layer: ExportLayer,
    request: Omit<ExportRequest, 'layers'>,
  ): AsyncIterable<string[]> {
    if (CRS_INFO[request.crs].epsg === null) {
      for await (const batch of this.batches(layer, request)) {
        yield batch.map((feature) => featureJson(feature, CRS_INFO[request.crs].decimals))
      }
      return
    }
    yield* pagesById(async (afterId) => {
      const page = await this.layers.featureTexts(layer, request.filter, pageAfter(request.crs, afterId))
      return { items: page.texts, lastId: page.lastId }
    })
  }

  /** Features with parsed geometry, a page at a time, in the asked system. */
  private async *batches(
    layer: ExportLayer,
    request: Omit<ExportRequest, 'layers'>,
  ): AsyncIterable<ExportFeature[]> {
    const offset = CRS_INFO[request.crs].epsg === null
    for await (const rows of pagesById(async (afterId) => {
      const page = await this.layers.rows(layer, request.filter, pageAfter(request.crs, afterId))
      return { items: page, lastId: page.at(-1)?.id }
    })) {
      yield rows.map((row) => {
        let geometry = row.geometry === null ? null : (JSON.parse(row.geometry) as Geometry)
        if (geometry && offset) geometry = fromWgs84(geometry, request.crs)
        return { id: row.id, properties: row.properties, geometry }
      })
    }
  }

  private source(layer: ExportLayer, request: Omit<ExportRequest, 'layers'>): LayerSource {
    return { layer, batches: this.batches(layer, request) }
  }

  /**
   * Shapefiles need their headers patched at the end, so each layer is written to a temporary folder first and
   * then zipped (streamed) from disk; the folder goes when the body ends or is destroyed.
   */
  private shapefileZip(
    layers: readonly ExportLayer[],
    request: Omit<ExportRequest, 'layers'>,
    extras: { name: string; content: string }[],
    folder?: string,
  ): Readable {
    const prefix = folder ? `${folder}/` : ''
    const batches = (layer: ExportLayer) => this.batches(layer, request)
    async function* zipped(): AsyncIterable<Buffer> {
      const dir = await mkdtemp(path.join(tmpdir(), 'atlas-export-'))
      try {
        const entries: { name: string; content: string; path?: string }[] = []
        for (const layer of layers) {
          const baseName = exportFileName(layer, 'shapefile', request.crs).replace(/\.zip$/, '')
          const { files } = await writeShapefile(layer, batches(layer), { dir, baseName, crs: request.crs })
          for (const file of files)
            entries.push({ name: `${prefix}${path.basename(file)}`, content: '', path: file })
        }
        for await (const chunk of zipStream([...entries, ...extras])) yield chunk as Buffer
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    }
    return Readable.from(zipped(), BYTES)
  }
}

/** One page of EXPORT_PAGE_SIZE rows after an id (the first page without one), in the asked system. */
function pageAfter(crs: ExportCrs, afterId: number | undefined): PageOptions {
  return { crs, limit: EXPORT_PAGE_SIZE, ...(afterId === undefined ? {} : { afterId }) }
}

/** A layer's pages in id order, each read after the last id of the one before; a short page is the last. */
async function* pagesById<T>(
  read: (afterId: number | undefined) => Promise<{ items: T[]; lastId: number | undefined }>,
): AsyncIterable<T[]> {
  let afterId: number | undefined
  for (;;) {
    const { items, lastId } = await read(afterId)
    if (items.length) yield items
    if (items.length < EXPORT_PAGE_SIZE) return
    afterId = lastId
  }
}

/**
 * Asks `source` for its first item now rather than when `lines` is first read, so that its work (a COPY) runs
 * while the caller does something else. `close` ends the source whether or not `lines` was ever read (a generator
 * that was never started cannot pass an end on to its source), and may be called more than once.
 */
function startNow<T>(source: AsyncIterable<T>): { lines: AsyncIterable<T>; close(): Promise<void> } {
  const iterator = source[Symbol.asyncIterator]()
  const first = iterator.next()
  // A failure is raised when the lines are read; until then it must not count as unhandled.
  first.catch(() => undefined)
  let consumed = false
  return {
    lines: {
      [Symbol.asyncIterator]: () => ({
        next: () => {
          if (consumed) return iterator.next()
          consumed = true
          return first
        },
        return: async () => (await iterator.return?.()) ?? { done: true, value: undefined },
      }),
    },
    async close() {
      // A generator cannot be ended while it waits for its first item: after it, then.
      await first.catch(() => undefined)
      await iterator.return?.()
    },
  }
}

/** The filter as the README and metadata state it (no internal ids of other users' scopes). */
function describeFilter(filter: LayerFilter): Record<string, unknown> {
  const { streetIds: _scope, ...rest } = filter
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined))
}

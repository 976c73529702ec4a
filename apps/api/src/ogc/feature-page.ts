// The GeoJSON texts of the OGC items responses: one feature, and a page of features with numberMatched,
// numberReturned, timeStamp and self/next/prev links that keep the client's other parameters. Features are
// written as text around the geometry the database already serialised, so a page of 10,000 buildings is not
// parsed and stringified again.
import { EXCHANGE_LAYERS, type ExportLayer, exportLayer } from '@renewal-atlas/domain'
import type { LayerRow } from '../layers/layer-query.ts'
import { type Link, MEDIA } from './ogc.documents.ts'

/** The catalogue's `number` fields of each layer (floor areas, widths, lengths). */
const realFields = (layer: ExportLayer): ReadonlySet<string> =>
  new Set(EXCHANGE_LAYERS[layer].fields.filter((f) => f.type === 'number').map((f) => f.name))
const REAL_FIELDS = Object.fromEntries(
  exportLayer.values.map((layer) => [layer, realFields(layer)]),
) as Record<ExportLayer, ReadonlySet<string>>

/**
 * Properties as JSON, with whole values of `number` fields written as `3240.0`: the same number to any JSON
 * reader, but GDAL types a field from the first page it reads and would make floorAreaM2 an Integer field (and
 * cut 86.5 m² later) if the first values happened to be whole.
 */
function propertiesText(layer: ExportLayer, properties: LayerRow['properties']): string {
  const real = REAL_FIELDS[layer]
  const members = Object.entries(properties).map(([name, value]) => {
    const text =
      real.has(name) && typeof value === 'number' && Number.isInteger(value)
        ? value.toFixed(1)
        : JSON.stringify(value)
    return `${JSON.stringify(name)}:${text}`
  })
  return `{${members.join(',')}}`
}

export function featureText(layer: ExportLayer, row: LayerRow): string {
  return `{"type":"Feature","id":${row.id},"geometry":${row.geometry ?? 'null'},"properties":${propertiesText(layer, row.properties)}}`
}

/** A single feature with its links to itself and its collection (/req/core/f-links). */
export function featureDocumentText(
  layer: ExportLayer,
  row: LayerRow,
  self: string,
  collection: string,
): string {
  const links: Link[] = [
    { href: self, rel: 'self', type: MEDIA.geojson, title: 'This feature' },
    { href: collection, rel: 'collection', type: MEDIA.json, title: 'The collection' },
  ]
  return `${featureText(layer, row).slice(0, -1)},"links":${JSON.stringify(links)}}\n`
}

export interface PageInput {
  layer: ExportLayer
  /** The request URL as the client sent it (absolute). */
  self: URL
  /** The collection document's URL. */
  collection: string
  limit: number
  /** Features before this page (with `after`, as the next link counted them). */
  offset: number
  numberMatched: number
  rows: LayerRow[]
}

function pageLinks({ self, collection, limit, offset, numberMatched, rows }: PageInput): Link[] {
  const at = (start: number, after: number | undefined) => {
    const url = new URL(self)
    url.searchParams.set('limit', String(limit))
    url.searchParams.set('offset', String(start))
    if (after === undefined) url.searchParams.delete('after')
    else url.searchParams.set('after', String(after))
    return url.toString()
  }
  const links: Link[] = [
    { href: self.toString(), rel: 'self', type: MEDIA.geojson, title: 'This page' },
    { href: collection, rel: 'collection', type: MEDIA.json, title: 'The collection' },
  ]
  const lastId = rows.at(-1)?.id
  if (offset + limit < numberMatched && lastId !== undefined) {
    // The next page starts after the last id (keyset), so deep pages of a city cost no more than the first.
    links.push({ href: at(offset + limit, lastId), rel: 'next', type: MEDIA.geojson, title: 'Next page' })
  }
  if (offset > 0) {
    // From past the end, prev is the last page that has features.
    const start = Math.max(0, Math.min(offset, numberMatched) - limit)
    links.push({ href: at(start, undefined), rel: 'prev', type: MEDIA.geojson, title: 'Previous page' })
  }
  return links
}

export function featurePageText(page: PageInput): string {
  const head = {
    type: 'FeatureCollection',
    numberMatched: page.numberMatched,
    numberReturned: page.rows.length,
    timeStamp: new Date().toISOString(),
    links: pageLinks(page),
  }
  const features = page.rows.map((row) => featureText(page.layer, row)).join(',\n')
  return `${JSON.stringify(head).slice(0, -1)},"features":[\n${features}\n]}\n`
}

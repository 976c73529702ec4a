// GeoJSON writers: RFC 7946 FeatureCollection framing and RFC 8142 text sequences around feature texts that are
// already built (by SQL, or by featureJson below), one batch at a time, one feature per line so a client can count
// lines for progress.
import type { ExportFeature } from '../types.ts'
import { prepareGeometry } from './geometry.ts'

const COLLECTION_START = '{"type":"FeatureCollection","features":[\n'
const COLLECTION_END = '\n]}\n'
/** RFC 8142 record separator. */
const RS = '\x1e'

/**
 * `{"type":"FeatureCollection","features":[`, then each feature on its own line, the lines after the first
 * beginning with the comma that separates them (so that the database can write every line the same way, see
 * geojson-lines.ts), then `]}` on the last line. Holds no more than the batch in hand.
 */
export async function* geojsonChunks(lines: AsyncIterable<string[]>): AsyncIterable<string> {
  yield COLLECTION_START
  let first = true
  for await (const batch of lines) {
    if (batch.length === 0) continue
    yield `${first ? '' : '\n,'}${batch.join('\n,')}`
    first = false
  }
  yield COLLECTION_END
}

/** GeoJSON Text Sequence (RFC 8142): each feature preceded by RS and followed by LF. */
export async function* geojsonSeqChunks(lines: AsyncIterable<string[]>): AsyncIterable<string> {
  for await (const batch of lines) {
    if (batch.length > 0) yield batch.map((line) => `${RS}${line}\n`).join('')
  }
}

/**
 * One RFC 7946 Feature as JSON text: coordinates rounded to `decimals`, exterior rings counter-clockwise and
 * holes clockwise, properties as given (keyed by the field catalogue's names).
 */
export function featureJson(feature: ExportFeature, decimals: number): string {
  const geometry = feature.geometry && prepareGeometry(feature.geometry, decimals, 'ccw')
  return JSON.stringify({ type: 'Feature', id: feature.id, geometry, properties: feature.properties })
}

// GeoJSON framing over raw bytes: the rows of `COPY (select <prefix> || <feature text>) TO STDOUT` arrive as
// buffers cut anywhere, one feature per line, each line already carrying its separator (a comma, or RFC 8142's
// record separator) written by the database. Nothing is decoded or copied here: the FeatureCollection gets its
// opening and closing lines and loses the comma before its first feature. The output is byte for byte what
// geojsonChunks / geojsonSeqChunks make of the same features.
const START = Buffer.from('{"type":"FeatureCollection","features":[\n')
const END = Buffer.from(']}\n')
const EMPTY_END = Buffer.from('\n]}\n')
const COMMA = 0x2c

/** The line prefix the database writes before each feature of a FeatureCollection: a comma. */
export const COLLECTION_LINE_PREFIX = ','
/** The line prefix of a GeoJSON Text Sequence (RFC 8142): the record separator. */
export const SEQUENCE_LINE_PREFIX = '\x1e'

/** `,feature\n` lines → `{"type":"FeatureCollection","features":[\n` feature `\n,` feature … `\n]}\n`. */
export async function* geojsonFromLines(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  yield START
  let first = true
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue
    // Every line ends in LF, so the closing `]}` goes on a line of its own; only the first comma goes.
    yield first && chunk[0] === COMMA ? chunk.subarray(1) : chunk
    first = false
  }
  yield first ? EMPTY_END : END
}

/** `RS feature\n` lines are a GeoJSON Text Sequence as they come. */
export async function* geojsonSeqFromLines(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  yield* chunks
}

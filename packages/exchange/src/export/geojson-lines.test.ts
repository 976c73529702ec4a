import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { geojsonChunks, geojsonSeqChunks } from './geojson.ts'
import {
  COLLECTION_LINE_PREFIX,
  geojsonFromLines,
  geojsonSeqFromLines,
  SEQUENCE_LINE_PREFIX,
} from './geojson-lines.ts'

async function text(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  let out = ''
  for await (const chunk of chunks) out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
  return out
}

async function* once<T>(value: T): AsyncIterable<T> {
  yield value
}

/** The bytes of `lines` (each with its prefix and LF) cut at the given offsets, as COPY may deliver them. */
async function* cut(lines: string[], cuts: number[], prefix: string): AsyncIterable<Buffer> {
  const bytes = Buffer.from(lines.map((line) => `${prefix}${line}\n`).join(''))
  const offsets = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  let from = 0
  for (const at of [...offsets, bytes.length]) {
    yield bytes.subarray(from, at)
    from = at
  }
}

const feature = fc
  .record({ id: fc.nat(), name: fc.string() })
  .map(({ id, name }) => JSON.stringify({ type: 'Feature', id, geometry: null, properties: { name } }))

describe('GeoJSON framing over COPY lines', () => {
  it('makes exactly what the string writers make, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(feature, { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (lines, cuts) => {
          expect(await text(geojsonFromLines(cut(lines, cuts, COLLECTION_LINE_PREFIX)))).toBe(
            await text(geojsonChunks(once(lines))),
          )
          expect(await text(geojsonSeqFromLines(cut(lines, cuts, SEQUENCE_LINE_PREFIX)))).toBe(
            await text(geojsonSeqChunks(once(lines))),
          )
        },
      ),
    )
  })

  it('parses as one FeatureCollection with one feature per line', async () => {
    const lines = [
      '{"type":"Feature","id":1,"geometry":null,"properties":{"name":"五福苑"}}',
      '{"type":"Feature","id":2,"geometry":null,"properties":{}}',
    ]
    const out = await text(geojsonFromLines(cut(lines, [7, 80], COLLECTION_LINE_PREFIX)))
    expect(JSON.parse(out).features.map((f: { id: number }) => f.id)).toEqual([1, 2])
    expect(
      out.split('\n').filter((line) => line.replace(/^,/, '').startsWith('{"type":"Feature"')),
    ).toHaveLength(2)
  })
})

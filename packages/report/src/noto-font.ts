// Noto Sans SC (regular and bold) for the PDF report, so Chinese text and figures are real, extractable text.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { inflateSync } from 'node:zlib'

const require = createRequire(import.meta.url)

/** The Simplified Chinese subset of @fontsource/noto-sans-sc; it also holds ASCII digits and Latin letters. */
const FILES = {
  regular: '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
  bold: '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff',
} as const

export type FontWeight = keyof typeof FILES

const cache = new Map<FontWeight, Buffer>()

/**
 * The font as a plain TrueType file. pdfkit reads WOFF too, but fontkit inflates the compressed tables again
 * on every glyph lookup, which made a report take seconds; unpacking once makes it milliseconds.
 */
export function notoSansSc(weight: FontWeight): Buffer {
  let font = cache.get(weight)
  if (!font) {
    font = woffToSfnt(readFileSync(require.resolve(FILES[weight])))
    cache.set(weight, font)
  }
  return font
}

/** WOFF 1.0 (W3C): a 44-byte header, 20-byte table entries, each table zlib-compressed unless that is no smaller. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font')
  const numTables = woff.readUInt16BE(12)
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + i * 20
    const offset = woff.readUInt32BE(entry + 4)
    const compLength = woff.readUInt32BE(entry + 8)
    const origLength = woff.readUInt32BE(entry + 12)
    const stored = woff.subarray(offset, offset + compLength)
    return {
      tag: woff.readUInt32BE(entry),
      checksum: woff.readUInt32BE(entry + 16),
      data: compLength < origLength ? inflateSync(stored) : stored,
    }
  })
  const directoryEnd = 12 + 16 * numTables
  const padded = (length: number) => (length + 3) & ~3
  const sfnt = Buffer.alloc(tables.reduce((size, t) => size + padded(t.data.length), directoryEnd))
  const entrySelector = Math.floor(Math.log2(numTables))
  const searchRange = 2 ** entrySelector * 16
  sfnt.writeUInt32BE(woff.readUInt32BE(4), 0) // the flavour: 0x00010000 TrueType or 'OTTO'
  sfnt.writeUInt16BE(numTables, 4)
  sfnt.writeUInt16BE(searchRange, 6)
  sfnt.writeUInt16BE(entrySelector, 8)
  sfnt.writeUInt16BE(numTables * 16 - searchRange, 10)
  let offset = directoryEnd
  tables.forEach((table, i) => {
    const record = 12 + i * 16
    sfnt.writeUInt32BE(table.tag, record)
    sfnt.writeUInt32BE(table.checksum, record + 4)
    sfnt.writeUInt32BE(offset, record + 8)
    sfnt.writeUInt32BE(table.data.length, record + 12)
    table.data.copy(sfnt, offset)
    offset += padded(table.data.length)
  })
  return sfnt
}

// Text encodings of uploads (字符编码): UTF-8, or GBK (GB2312/GB18030) as Chinese Windows, Excel and older GIS tools
// write it. Strict validators tell the two apart and say where a file breaks; decoding uses the platform TextDecoder
// (Node's ICU and browsers both know gbk) once the bytes are known to be valid, because ICU's gbk decoder skips
// some invalid bytes silently even in fatal mode.
import type { ImportEncoding } from '@renewal-atlas/domain'
import { FileRejected } from '../errors.ts'
import { count } from './words.ts'

export type TextEncoding = 'utf-8' | 'gbk'

/** Offset of the first byte in [start, end) that breaks UTF-8, or -1. `allowCutTail`: a sequence cut short at
 * `end` is accepted (a dBASE cell truncated at its width in the middle of a character). */
export function firstInvalidUtf8(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
  allowCutTail = false,
): number {
  let i = start
  while (i < end) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    let length: number
    let low = 0x80
    let high = 0xbf
    if (b >= 0xc2 && b <= 0xdf) length = 2
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3
      if (b === 0xe0) low = 0xa0
      if (b === 0xed) high = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4
      if (b === 0xf0) low = 0x90
      if (b === 0xf4) high = 0x8f
    } else return i
    for (let k = 1; k < length; k++) {
      if (i + k >= end) return allowCutTail ? -1 : i
      const c = bytes[i + k] as number
      if (c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i
    }
    i += length
  }
  return -1
}

/** Offset of the first byte in [start, end) that breaks GBK/GB18030 (one, two or four bytes), or -1. */
export function firstInvalidGbk(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
  allowCutTail = false,
): number {
  let i = start
  while (i < end) {
    const b = bytes[i] as number
    if (b <= 0x80) {
      i++
      continue
    }
    if (b === 0xff) return i
    if (i + 1 >= end) return allowCutTail ? -1 : i
    const b2 = bytes[i + 1] as number
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      i += 2
      continue
    }
    if (b2 < 0x30 || b2 > 0x39) return i
    if (i + 3 >= end) return allowCutTail ? -1 : i
    const b3 = bytes[i + 2] as number
    const b4 = bytes[i + 3] as number
    if (b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return i
    i += 4
  }
  return -1
}

export function hasNonAscii(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return true
  return false
}

const decoders: Record<TextEncoding, TextDecoder> = {
  'utf-8': new TextDecoder('utf-8'),
  // GB18030 is GBK plus four-byte forms; ICU's `gbk` decoder lacks them.
  gbk: new TextDecoder('gb18030'),
}

/** Decodes bytes already checked against `encoding` (see chooseEncoding). */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  return decoders[encoding].decode(bytes)
}

/** What chooseEncoding asks of the bytes: where each encoding breaks (in words), or null when it does not. */
export interface EncodingProbe {
  notUtf8(): string | null
  notGbk(): string | null
  nonAscii(): boolean
}

/**
 * The encoding to read text with. `declared` comes from a .cpg or the import options; `auto` takes UTF-8 when the
 * bytes are strictly UTF-8, else GBK. A declaration the bytes contradict is refused with the reason, including GBK
 * declared for text that is valid UTF-8 with non-ASCII characters (Chinese GBK text is practically never that).
 */
export function chooseEncoding(
  declared: ImportEncoding,
  probe: EncodingProbe,
  what: string,
  declaredBy = 'was declared',
): TextEncoding {
  if (declared === 'utf-8') {
    const broken = probe.notUtf8()
    if (broken === null) return 'utf-8'
    const hint = probe.notGbk() === null ? '; it reads as GBK: choose GBK or Detect' : ''
    throw new FileRejected(
      'encoding_invalid',
      `${what} ${declaredBy} UTF-8 but ${broken} is not UTF-8${hint}`,
    )
  }
  if (declared === 'gbk') {
    const broken = probe.notGbk()
    if (broken !== null) {
      const hint = probe.notUtf8() === null ? '; it reads as UTF-8: choose UTF-8 or Detect' : ''
      throw new FileRejected('encoding_invalid', `${what} ${declaredBy} GBK but ${broken} is not GBK${hint}`)
    }
    if (probe.nonAscii() && probe.notUtf8() === null) {
      throw new FileRejected(
        'encoding_invalid',
        `${what} ${declaredBy} GBK but its text is valid UTF-8, which GBK Chinese text practically never is: choose UTF-8 or Detect`,
      )
    }
    return 'gbk'
  }
  const notUtf8 = probe.notUtf8()
  if (notUtf8 === null) return 'utf-8'
  const notGbk = probe.notGbk()
  if (notGbk === null) return 'gbk'
  throw new FileRejected('encoding_invalid', `${what} is neither UTF-8 (${notUtf8}) nor GBK (${notGbk})`)
}

/** A probe over one text file: the offsets it reports carry their line number. */
export function textProbe(bytes: Uint8Array): EncodingProbe {
  const where = (offset: number) => {
    if (offset < 0) return null
    let line = 1
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
    return `byte ${hex(bytes[offset] as number)} at offset ${count(offset)} (line ${line})`
  }
  return {
    notUtf8: () => where(firstInvalidUtf8(bytes)),
    notGbk: () => where(firstInvalidGbk(bytes)),
    nonAscii: () => hasNonAscii(bytes),
  }
}

export const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`

const UTF8_BOM = [0xef, 0xbb, 0xbf]

/**
 * Decodes an uploaded text file (CSV, GeoJSON). A UTF-8 byte order mark settles the encoding (and is dropped); UTF-16
 * text (Excel's "Unicode text") is refused with what to do instead.
 */
export function decodeUpload(
  bytes: Uint8Array,
  declared: ImportEncoding,
  what: string,
): { text: string; encoding: TextEncoding } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new FileRejected(
      'encoding_invalid',
      `${what} is UTF-16 text (it starts with a UTF-16 byte order mark): save it as CSV UTF-8 or GBK`,
    )
  }
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b)
  const body = hasBom ? bytes.subarray(3) : bytes
  const encoding = chooseEncoding(
    hasBom ? 'utf-8' : declared,
    textProbe(body),
    what,
    hasBom ? 'starts with a byte order mark for' : 'was declared',
  )
  return { text: decodeText(body, encoding), encoding }
}

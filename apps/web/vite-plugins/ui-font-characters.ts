// Which characters of Noto Sans SC the UI's web font puts in its first file (the one every page loads) and which in
// the second (fetched only when a page shows one of them).
//
// The first holds the 3,755 characters of GB 2312's level 1 (一级汉字, the common characters chosen by frequency of
// use, which input methods and fonts treat as the everyday set), every character in the
// product's own words (apps/web/src with its translation table, the domain's labels in packages/domain/src) and in
// the demo data's names (data/jinjiang), Latin, digits and punctuation. The list of 通用规范汉字表 ships in no npm
// package; GB 2312 is read from iconv-lite's codec, so the list is made, not copied. Everything else Noto Sans SC's
// Simplified Chinese file has (7,333 ideographs in all) goes in the second, so a rarer character in an imported
// compound name still renders, as it does on the map and in the PDF.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** Where the product's words and the demo data's names are. */
export const productTextSources = ['apps/web/src', 'packages/domain/src', 'data/jinjiang']

/** GB 2312 level 1: rows 16–55 (lead bytes 0xB0–0xD7), 94 cells each, the last five cells of row 55 empty. */
export function gb2312Level1(): string {
  let text = ''
  for (let lead = 0xb0; lead <= 0xd7; lead++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const char = iconv.decode(Buffer.from([lead, cell]), 'gb2312')
      if (/^\p{Script=Han}$/u.test(char)) text += char
    }
  }
  return text
}

/** Every file's text under the product's sources, for the characters in it. */
export function productText(root = repoRoot): string {
  let text = ''
  for (const source of productTextSources) {
    const dir = path.join(root, source)
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (/\.(tsx?|json|geojson)$/.test(file) && !file.endsWith('.test.ts')) {
        text += readFileSync(path.join(dir, file), 'utf8')
      }
    }
  }
  return text
}

/** Below the CJK radicals, CJK symbols and punctuation, full-width forms: always in the first file. */
function isLatinOrPunctuation(codePoint: number): boolean {
  return (
    codePoint < 0x2e80 ||
    (codePoint >= 0x3000 && codePoint <= 0x303f) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef)
  )
}

export interface CharacterSplit {
  /** Codepoints of the first file, ascending. */
  common: number[]
  /** Codepoints of the second file, ascending. */
  rest: number[]
}

/** Splits the font's codepoints between the two files. */
export function splitCharacters(fontCodePoints: readonly number[], wanted: string): CharacterSplit {
  const wantedPoints = new Set([...wanted].map((char) => char.codePointAt(0) as number))
  const common: number[] = []
  const rest: number[] = []
  for (const point of fontCodePoints) {
    ;(isLatinOrPunctuation(point) || wantedPoints.has(point) ? common : rest).push(point)
  }
  return { common, rest }
}

/**
 * A CSS `unicode-range` covering the given codepoints in whole blocks of 256 (adjacent blocks joined): short enough
 * to write, and a browser fetches the file only for a character in one of these blocks that the first file lacks.
 */
export function unicodeRangeOf(codePoints: readonly number[]): string {
  const blocks = [...new Set(codePoints.map((point) => point >> 8))].sort((a, b) => a - b)
  const spans: Array<[number, number]> = []
  for (const block of blocks) {
    const last = spans.at(-1)
    if (last && last[1] === block - 1) last[1] = block
    else spans.push([block, block])
  }
  const hex = (value: number) => value.toString(16).toUpperCase()
  return spans.map(([from, to]) => `U+${hex(from << 8)}-${hex((to << 8) | 0xff)}`).join(', ')
}

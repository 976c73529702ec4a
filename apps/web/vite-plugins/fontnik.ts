// fontnik (the Mapbox/MapLibre glyph tool; its npm package ships the native binary), typed and promised: the
// codepoints a font has, and one range of them as an SDF glyph PBF. Both run on Node's thread pool.
import { createRequire } from 'node:module'

interface FontnikFace {
  family_name: string
  style_name: string
  points: number[]
}

interface Fontnik {
  load(font: Buffer, callback: (error: Error | null, faces?: FontnikFace[]) => void): void
  range(
    options: { font: Buffer; start: number; end: number },
    callback: (error: Error | null, pbf?: Buffer) => void,
  ): void
}

const require = createRequire(import.meta.url)
const fontnik = require('fontnik') as Fontnik

export const fontnikVersion = (require('fontnik/package.json') as { version: string }).version

function promisify<T>(run: (callback: (error: Error | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    run((error, value) =>
      error || value === undefined ? reject(error ?? new Error('no result')) : resolve(value),
    ),
  )
}

/** Every codepoint the font maps to a glyph, ascending. */
export async function codePointsOf(font: Buffer): Promise<number[]> {
  const [face] = await promisify<FontnikFace[]>((cb) => fontnik.load(font, cb))
  return [...(face?.points ?? [])].sort((a, b) => a - b)
}

/** The glyphs of codepoints `start`…`end` as the PBF maplibre asks for at `{range}` = `start-end`. */
export function glyphRange(font: Buffer, start: number, end: number): Promise<Buffer> {
  return promisify<Buffer>((cb) => fontnik.range({ font, start, end }, cb))
}

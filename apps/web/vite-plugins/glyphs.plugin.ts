// Makes the map's label glyphs (SDF glyph PBFs) at build time, so labels render with no glyph server outside.
//
// No npm package ships prebuilt glyph PBFs for an open font, so they are generated here with fontnik (the
// maintained Mapbox/MapLibre glyph tool; its npm package ships the native binary) from the Noto Sans WOFF
// files of @fontsource/noto-sans (SIL OFL 1.1). CJK is not in these files: maplibre draws it with local fonts.
// The build writes dist/glyphs/{fontstack}/{start}-{end}.pbf; the dev server answers the same paths.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Plugin } from 'vite'

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

/** Fontstack name (as in the style's `text-font`) → the fontsource subsets it is made from. */
export const glyphFontstacks = {
  'Noto Sans Regular': ['latin-400-normal', 'latin-ext-400-normal'],
  'Noto Sans Bold': ['latin-700-normal', 'latin-ext-700-normal'],
} as const

const rangeSize = 256

function promisify<T>(run: (callback: (error: Error | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    run((error, value) =>
      error || value === undefined ? reject(error ?? new Error('no result')) : resolve(value),
    ),
  )
}

/** Every glyph range of every fontstack, keyed `fontstack/start-end.pbf`. */
async function makeGlyphs(): Promise<Map<string, Buffer>> {
  const fontnik = require('fontnik') as Fontnik
  const fontsDir = path.join(path.dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files')
  const out = new Map<string, Buffer>()
  for (const [fontstack, subsets] of Object.entries(glyphFontstacks)) {
    // Later subsets fill the ranges the first does not cover; a codepoint comes from the first that has it.
    const byRange = new Map<number, Buffer>()
    for (const subset of subsets) {
      const font = readFileSync(path.join(fontsDir, `noto-sans-${subset}.woff`))
      const [face] = await promisify<FontnikFace[]>((cb) => fontnik.load(font, cb))
      const ranges = new Set((face?.points ?? []).map((point) => Math.floor(point / rangeSize)))
      for (const range of ranges) {
        if (byRange.has(range)) continue
        const start = range * rangeSize
        const pbf = await promisify<Buffer>((cb) =>
          fontnik.range({ font, start, end: start + rangeSize - 1 }, cb),
        )
        byRange.set(range, pbf)
      }
    }
    for (const [range, pbf] of byRange) {
      const start = range * rangeSize
      out.set(`${fontstack}/${start}-${start + rangeSize - 1}.pbf`, pbf)
    }
  }
  return out
}

export function glyphsPlugin(): Plugin {
  let glyphs: Promise<Map<string, Buffer>> | undefined
  const getGlyphs = () => {
    glyphs ??= makeGlyphs()
    return glyphs
  }
  return {
    name: 'renewal-atlas-glyphs',
    async generateBundle() {
      for (const [file, pbf] of await getGlyphs()) {
        this.emitFile({ type: 'asset', fileName: `glyphs/${file}`, source: pbf })
      }
    },
    configureServer(server) {
      server.middlewares.use('/glyphs/', (req, res, next) => {
        const file = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0] ?? '')
        getGlyphs().then((all) => {
          const pbf = all.get(file)
          if (!pbf) return next()
          res.setHeader('Content-Type', 'application/x-protobuf')
          res.end(pbf)
        }, next)
      })
    },
  }
}

// Makes the map's label glyphs (SDF glyph PBFs) at build time, Latin and Chinese, so every label renders with no glyph
// server outside and no font on the machine.
//
// No npm package ships prebuilt glyph PBFs for an open font, so they are generated here with fontnik (the
// maintained Mapbox/MapLibre glyph tool; its npm package ships the native binary): Latin ranges from Noto Sans,
// every other range (CJK ideographs 19968-40959, CJK punctuation 12288-12543, full-width forms 65280-65535, …) from
// Noto Sans SC (font-sources.ts). Each font's ranges are cached by the font's hash (build-cache.ts): the first build
// draws the 7,300 Chinese glyphs of each weight, later builds read them back.
// The build writes dist/glyphs/{fontstack}/{start}-{end}.pbf; the dev server answers the same paths.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'
import { cachedFiles, hashOf } from './build-cache.ts'
import { type FontWeight, notoSansFile, notoSansScFile } from './font-sources.ts'
import { codePointsOf, fontnikVersion, glyphRange } from './fontnik.ts'

function sources(weight: FontWeight): string[] {
  return [notoSansFile('latin', weight), notoSansFile('latin-ext', weight), notoSansScFile(weight)]
}

/**
 * Fontstack name (as in the style's `text-font`) → the font files it is made from. A range comes from the first file
 * that has any codepoint in it: Latin from Noto Sans, Chinese from Noto Sans SC.
 */
export const glyphFontstacks = {
  'Noto Sans Regular': sources(400),
  'Noto Sans Bold': sources(700),
} as const

const rangeSize = 256

/** Every range one font file has a codepoint in, keyed `start-end.pbf`; fontnik draws them on its thread pool. */
async function rangesOf(file: string): Promise<Map<string, Buffer>> {
  const font = readFileSync(file)
  return cachedFiles(
    `glyphs-${path.basename(file, '.woff')}`,
    hashOf(font, `fontnik ${fontnikVersion}`),
    async () => {
      const ranges = [...new Set((await codePointsOf(font)).map((point) => Math.floor(point / rangeSize)))]
      const pbfs = await Promise.all(
        ranges.map((range) => glyphRange(font, range * rangeSize, range * rangeSize + rangeSize - 1)),
      )
      return new Map(
        ranges.map((range, i) => [
          `${range * rangeSize}-${range * rangeSize + rangeSize - 1}.pbf`,
          pbfs[i] as Buffer,
        ]),
      )
    },
  )
}

/** Every glyph range of every fontstack, keyed `fontstack/start-end.pbf`. */
async function makeGlyphs(): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  for (const [fontstack, files] of Object.entries(glyphFontstacks)) {
    for (const file of files) {
      for (const [range, pbf] of await rangesOf(file)) {
        const key = `${fontstack}/${range}`
        if (!out.has(key)) out.set(key, pbf)
      }
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
    buildStart() {
      // Start early: fontnik works on its own threads while the bundle is built.
      void getGlyphs().catch(() => undefined)
    },
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

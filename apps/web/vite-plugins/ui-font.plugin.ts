// The UI's own Chinese web font, made at build time, so the interface renders on a machine with no Chinese font and
// asks nothing of any other host: Noto Sans SC (font-sources.ts) cut with subset-font (HarfBuzz's hb-subset as
// WebAssembly) into two WOFF2 files per weight (400, 700), as ui-font-characters.ts splits them. index.html gets
// their @font-face rules (font-display: swap) and a preload of the first files; the build writes
// dist/fonts/*.woff2 beside the font's licence and the dev server answers the same paths. WOFF2 compression (Brotli
// at its strongest, in WebAssembly) is the slow part, so the files are cached by the font's and the characters'
// hash (build-cache.ts).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { HtmlTagDescriptor, Plugin } from 'vite'
import { uiFontFamilies } from '../src/ui/font-stack.ts'
import { cachedFiles, hashOf } from './build-cache.ts'
import { type FontWeight, fontLicences, notoSansScFile } from './font-sources.ts'
import { codePointsOf } from './fontnik.ts'
import { gb2312Level1, productText, splitCharacters, unicodeRangeOf } from './ui-font-characters.ts'

type SubsetFont = (font: Buffer, text: string, options: { targetFormat: 'woff2' }) => Promise<Buffer>

const require = createRequire(import.meta.url)
const weights: FontWeight[] = [400, 700]

interface UiFontFile {
  /** Path under the build output, e.g. `fonts/noto-sans-sc-400-common.1a2b3c4d.woff2`. */
  fileName: string
  family: string
  weight: FontWeight
  /** The CSS unicode-range, when the face is only for some characters. */
  unicodeRange?: string
  data: Buffer
}

/** A package's version, read from its package.json (some packages do not export that file). */
function versionOf(pkg: string): string {
  let dir = path.dirname(require.resolve(pkg))
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir)
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version
}

async function makeWeight(weight: FontWeight, wanted: string): Promise<UiFontFile[]> {
  const font = readFileSync(notoSansScFile(weight))
  const split = splitCharacters(await codePointsOf(font), wanted)
  const tools = ['subset-font', 'harfbuzzjs', 'wawoff2'].map((pkg) => `${pkg} ${versionOf(pkg)}`).join(', ')
  const key = hashOf(font, String.fromCodePoint(...split.common), tools)
  const files = await cachedFiles(`ui-font-${weight}`, key, async () => {
    const subsetFont = require('subset-font') as SubsetFont
    const subset = (points: number[]) =>
      subsetFont(font, String.fromCodePoint(...points), { targetFormat: 'woff2' })
    return new Map([
      ['common.woff2', await subset(split.common)],
      ['rest.woff2', await subset(split.rest)],
    ])
  })
  const file = (part: 'common' | 'rest', family: string, unicodeRange?: string): UiFontFile => {
    const data = files.get(`${part}.woff2`) as Buffer
    const fileName = `fonts/noto-sans-sc-${weight}-${part}.${hashOf(data).slice(0, 8)}.woff2`
    return { fileName, family, weight, data, ...(unicodeRange ? { unicodeRange } : {}) }
  }
  return [
    file('common', uiFontFamilies.common),
    file('rest', uiFontFamilies.rest, unicodeRangeOf(split.rest)),
  ]
}

async function makeUiFont(): Promise<UiFontFile[]> {
  const wanted = gb2312Level1() + productText()
  const out: UiFontFile[] = []
  for (const weight of weights) out.push(...(await makeWeight(weight, wanted)))
  return out
}

function fontFaceCss(files: UiFontFile[], base: string): string {
  return files
    .map((file) =>
      [
        `@font-face { font-family: "${file.family}"; font-style: normal; font-weight: ${file.weight};`,
        ` font-display: swap; src: url("${base}${file.fileName}") format("woff2");`,
        file.unicodeRange ? ` unicode-range: ${file.unicodeRange};` : '',
        ' }',
      ].join(''),
    )
    .join('\n')
}

export function uiFontPlugin(): Plugin {
  let files: Promise<UiFontFile[]> | undefined
  const getFiles = () => {
    files ??= makeUiFont()
    return files
  }
  let base = '/'
  return {
    name: 'renewal-atlas-ui-font',
    configResolved(config) {
      base = config.base
    },
    buildStart() {
      void getFiles().catch(() => undefined)
    },
    async transformIndexHtml(): Promise<HtmlTagDescriptor[]> {
      const all = await getFiles()
      // Every page shows text in both weights at once: fetch the first files before the stylesheet asks.
      const preloads: HtmlTagDescriptor[] = all
        .filter((file) => file.family === uiFontFamilies.common)
        .map((file) => ({
          tag: 'link',
          attrs: {
            rel: 'preload',
            href: `${base}${file.fileName}`,
            as: 'font',
            type: 'font/woff2',
            crossorigin: '',
          },
          injectTo: 'head',
        }))
      return [...preloads, { tag: 'style', children: fontFaceCss(all, base), injectTo: 'head' }]
    },
    async generateBundle() {
      for (const file of await getFiles()) {
        this.emitFile({ type: 'asset', fileName: file.fileName, source: file.data })
      }
      for (const [name, licence] of Object.entries(fontLicences)) {
        this.emitFile({ type: 'asset', fileName: `fonts/${name}`, source: readFileSync(licence) })
      }
    },
    configureServer(server) {
      server.middlewares.use('/fonts/', (req, res, next) => {
        const fileName = `fonts/${(req.url ?? '').replace(/^\//, '').split('?')[0]}`
        getFiles().then((all) => {
          const file = all.find((candidate) => candidate.fileName === fileName)
          if (!file) return next()
          res.setHeader('Content-Type', 'font/woff2')
          res.end(file.data)
        }, next)
      })
    },
  }
}

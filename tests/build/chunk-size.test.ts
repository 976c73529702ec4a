// The web app's build has no chunk larger than its limit: the map and chart code are chunks of their own and the
// pages off the map load when opened. The build itself fails on a larger chunk (vite-plugins/chunk-size.plugin.ts);
// this reads what the last build wrote, as CI's build step leaves it.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type BundleEntry, oversizedChunks } from '../../apps/web/vite-plugins/chunk-size.plugin.ts'

const assets = path.resolve(import.meta.dirname, '../../apps/web/dist/assets')
const built = existsSync(assets)
if (!built && !process.env.CI)
  console.warn('chunk sizes not checked: no build in apps/web/dist (npm run build)')

/** Same as the build config's limit, read from it so that the two cannot drift. */
async function limitKb(): Promise<number> {
  const source = readFileSync(path.resolve(import.meta.dirname, '../../apps/web/vite.config.ts'), 'utf8')
  const match = /export const chunkSizeLimitKb = (\d+)/.exec(source)
  return Number(match?.[1])
}

describe('the chunk-size limit', () => {
  it('names the script chunks over the limit, largest first, and ignores assets', () => {
    const chunk = (fileName: string, kb: number): BundleEntry => ({
      type: 'chunk',
      fileName,
      code: 'x'.repeat(kb * 1000),
    })
    const bundle = {
      a: chunk('index.js', 1763),
      b: chunk('maplibre.js', 1060),
      c: chunk('echarts.js', 611),
      d: { type: 'asset', fileName: 'worker.mjs' } as BundleEntry,
    }
    expect(oversizedChunks(bundle, 1200)).toEqual([{ fileName: 'index.js', kb: 1763 }])
    expect(oversizedChunks(bundle, 500).map((c) => c.fileName)).toEqual([
      'index.js',
      'maplibre.js',
      'echarts.js',
    ])
  })

  it.skipIf(!built && !process.env.CI)(
    'holds for the built app: the map, the charts and the app are apart',
    async () => {
      const files = readdirSync(assets).filter((name) => name.endsWith('.js'))
      const bundle = Object.fromEntries(
        files.map((fileName) => [
          fileName,
          { type: 'chunk', fileName, code: readFileSync(path.join(assets, fileName), 'utf8') } as BundleEntry,
        ]),
      )
      expect(oversizedChunks(bundle, await limitKb())).toEqual([])
      expect(files.some((name) => name.startsWith('maplibre-'))).toBe(true)
      expect(files.some((name) => name.startsWith('echarts-'))).toBe(true)
    },
  )
})

// Fails the build when a script chunk outgrows the limit, where Vite would only print a warning that nobody reads:
// the map and chart libraries are split into chunks of their own (vite.config.ts), and a chunk that grows past the
// limit again is a mistake to fix, not a line in the log.
import type { Plugin } from 'vite'

/** What the check reads of a bundle's entries: script chunks carry code, assets do not. */
export interface BundleEntry {
  type: 'chunk' | 'asset'
  fileName: string
  code?: string
}

/** The script chunks larger than `limitKb` (kB of 1,000 characters, as Vite counts), largest first. */
export function oversizedChunks(
  bundle: Readonly<Record<string, BundleEntry>>,
  limitKb: number,
): { fileName: string; kb: number }[] {
  return Object.values(bundle)
    .filter((entry) => entry.type === 'chunk' && entry.code !== undefined)
    .map((entry) => ({ fileName: entry.fileName, kb: (entry.code as string).length / 1000 }))
    .filter((chunk) => chunk.kb > limitKb)
    .sort((a, b) => b.kb - a.kb)
}

export function chunkSizeLimitPlugin(limitKb: number): Plugin {
  return {
    name: 'atlas-chunk-size-limit',
    apply: 'build',
    generateBundle(_options, bundle) {
      const over = oversizedChunks(bundle as Record<string, BundleEntry>, limitKb)
      if (over.length > 0) {
        const list = over.map((chunk) => `${chunk.fileName} (${Math.round(chunk.kb)} kB)`).join(', ')
        this.error(
          `chunks larger than ${limitKb} kB: ${list}; split them (vite.config.ts codeSplitting, lazy routes)`,
        )
      }
    },
  }
}

// The font files the web build makes the UI's web font and the map's glyph ranges from, all SIL OFL 1.1 from
// Fontsource's npm packages: Noto Sans (Latin) and Noto Sans SC (Chinese). The Noto Sans SC files are the ones the
// PDF report embeds (packages/report/src/noto-font.ts), so screen, map and paper draw the same characters.
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

export type FontWeight = 400 | 700

function filesOf(pkg: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files')
}

/** Noto Sans SC's Simplified Chinese file: 7,333 CJK ideographs with CJK punctuation, Latin letters and digits. */
export function notoSansScFile(weight: FontWeight): string {
  return path.join(
    filesOf('@fontsource/noto-sans-sc'),
    `noto-sans-sc-chinese-simplified-${weight}-normal.woff`,
  )
}

/** One of Noto Sans's Latin files (`latin`, `latin-ext`). */
export function notoSansFile(subset: 'latin' | 'latin-ext', weight: FontWeight): string {
  return path.join(filesOf('@fontsource/noto-sans'), `noto-sans-${subset}-${weight}-normal.woff`)
}

/** The licence texts the build output carries beside the fonts made from these files (OFL §2). */
export const fontLicences = {
  'noto-sans-sc.OFL.txt': path.join(filesOf('@fontsource/noto-sans-sc'), '..', 'LICENSE'),
  'noto-sans.OFL.txt': path.join(filesOf('@fontsource/noto-sans'), '..', 'LICENSE'),
} as const

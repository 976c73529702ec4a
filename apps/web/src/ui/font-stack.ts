// The UI's font stack. The app's own Noto Sans SC web font comes first (made and served by
// vite-plugins/ui-font.plugin.ts), so Chinese renders on a machine with no Chinese font; the machine's fonts follow
// only for characters the web font lacks. styles.css writes the same stack (font-stack.test.ts keeps them equal).

/** The web font's two families: the characters the product uses, and the rest of the font, fetched only if asked. */
export const uiFontFamilies = { common: 'Atlas Noto Sans SC', rest: 'Atlas Noto Sans SC Rest' } as const

export const uiFontStack = `"${uiFontFamilies.common}", "${uiFontFamilies.rest}", system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif`

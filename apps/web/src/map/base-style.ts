// The map's base style, built in code: the paper colour and the glyphs. Everything drawn on it is a <Source> with
// its <Layer>s (layers/). Nothing is loaded from outside: label glyphs for Latin text and digits are served by the
// app (/glyphs); CJK is drawn with local fonts.
import type { StyleSpecification } from 'maplibre-gl'

/** Font stacks the app serves glyphs for (see vite-plugins/glyphs.plugin.ts). */
export const fonts = { regular: ['Noto Sans Regular'], bold: ['Noto Sans Bold'] }

/** CSS font families maplibre draws CJK labels with, from the machine's own fonts. */
export const localIdeographFontFamily =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'

/** The white halo every label is drawn with, so it reads over any fill. */
export const haloed = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 }

export function createBaseStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    name: 'renewal-atlas-base',
    glyphs: `${origin}/glyphs/{fontstack}/{range}.pbf`,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#E2DFD8' } }],
  }
}

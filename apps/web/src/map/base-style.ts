// The map's base style, built in code: the paper colour and the glyphs. Everything drawn on it is a <Source> with
// its <Layer>s (layers/). Nothing is loaded from outside: label glyphs, Latin and Chinese, are served by the app
// (/glyphs, made at build time by vite-plugins/glyphs.plugin.ts), so labels need no font on the machine.
import type { StyleSpecification } from 'maplibre-gl'
import { slotAnchors } from './layer-slots.ts'

/** Font stacks the app serves glyphs for: Latin from Noto Sans, Chinese from Noto Sans SC. */
export const fonts = { regular: ['Noto Sans Regular'], bold: ['Noto Sans Bold'] }

/**
 * maplibre's `localIdeographFontFamily`: false, so Chinese is drawn from the served glyph ranges. With a family set,
 * maplibre draws every ideograph from the machine's fonts and never asks the glyph ranges, so a machine with no
 * Chinese font gets boxes; the app's own web font would not do either, since a character it lacks is drawn once as
 * a box and kept, and bold labels would lose their weight. The ranges cost a download once, then the browser cache.
 */
export const localIdeographFontFamily = false

/** The white halo every label is drawn with, so it reads over any fill. */
export const haloed = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 }

export function createBaseStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    name: 'renewal-atlas-base',
    glyphs: `${origin}/glyphs/{fontstack}/{range}.pbf`,
    sources: {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#E2DFD8' } },
      ...slotAnchors(),
    ],
  }
}

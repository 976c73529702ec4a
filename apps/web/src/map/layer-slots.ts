// The map's stacking order, bottom to top. A layer names its slot and goes into it whenever it is added — when its
// data arrives, when its tiles' revision changes — so a label layer added early is never buried under compounds
// added later. Each slot is held by an empty anchor layer in the base style; a layer goes just under its slot's
// anchor, so within one slot the later layer is on top.
import type { LayerSpecification } from 'maplibre-gl'

export const LAYER_SLOTS = [
  'boundary-fill',
  'coverage',
  'roads',
  'compounds',
  'buildings',
  'boundary-lines',
  'selection',
  'import-preview',
  'import-location',
  'dead-ends',
  'facilities',
  'road-labels',
  'compound-labels',
  'area-labels',
] as const

export type LayerSlot = (typeof LAYER_SLOTS)[number]

export const slotAnchorId = (slot: LayerSlot) => `slot:${slot}`

/** The anchors, in order: layers that draw nothing (hidden backgrounds), only marking where each slot ends. */
export function slotAnchors(): LayerSpecification[] {
  return LAYER_SLOTS.map((slot) => ({
    id: slotAnchorId(slot),
    type: 'background',
    layout: { visibility: 'none' },
  }))
}

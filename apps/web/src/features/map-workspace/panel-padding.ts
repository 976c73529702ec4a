// The room the panels over the map take (the filter panel and the legend on the left, the compound panel on the
// right), so that "zoom to result", a search result or a street opened from the dashboard lands in the open part
// of the map instead of under a panel.
import type { FitPadding } from '../../map/fit-bounds.tsx'

export interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

/** Space kept between a result and the map's edge or a panel. */
export const fitGap = 40

/** A fit keeps at least this share of the map's width and height for the result, however wide the panels. */
const minOpenShare = 0.3

/**
 * The padding for a fit in `map`: each panel counts on the side its centre lies, as far as it reaches into the map.
 * Where the panels would leave less than a third of the map, their room shrinks in proportion.
 */
export function panelPadding(map: Box, panels: readonly Box[]): Exclude<FitPadding, number> {
  let left = 0
  let right = 0
  for (const panel of panels) {
    if (panel.right <= panel.left || panel.bottom <= panel.top) continue
    if ((panel.left + panel.right) / 2 < (map.left + map.right) / 2)
      left = Math.max(left, panel.right - map.left)
    else right = Math.max(right, map.right - panel.left)
  }
  const width = map.right - map.left
  const height = map.bottom - map.top
  const room = width * (1 - minOpenShare) - 2 * fitGap
  const shrink = left + right > room ? Math.max(0, room) / (left + right) : 1
  const vertical = Math.min(fitGap, (height * (1 - minOpenShare)) / 2)
  return {
    top: vertical,
    bottom: vertical,
    left: Math.round(left * shrink) + fitGap,
    right: Math.round(right * shrink) + fitGap,
  }
}

/** The panels marked `data-map-panel` inside `page`, measured against the map's container. */
export function measurePanelPadding(
  mapContainer: HTMLElement,
  page: ParentNode,
): Exclude<FitPadding, number> {
  const panels = [...page.querySelectorAll<HTMLElement>('[data-map-panel]')].map((element) =>
    element.getBoundingClientRect(),
  )
  return panelPadding(mapContainer.getBoundingClientRect(), panels)
}

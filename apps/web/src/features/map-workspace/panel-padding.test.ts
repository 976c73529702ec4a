import { describe, expect, it } from 'vitest'
import { fitGap, panelPadding } from './panel-padding.ts'

/** A map of 1366 × 700 px, as under the header on a common laptop. */
const map = { left: 0, right: 1366, top: 56, bottom: 756 }
const box = (left: number, width: number, top = 68, height = 400) => ({
  left,
  right: left + width,
  top,
  bottom: top + height,
})

describe('the padding of a fit to a result', () => {
  it('leaves room for the filter panel on the left and the compound panel on the right', () => {
    const filterPanel = box(60, 272)
    const legend = box(12, 224, 500, 200)
    const compoundPanel = box(1366 - 12 - 384, 384)
    expect(panelPadding(map, [filterPanel, legend, compoundPanel])).toEqual({
      top: fitGap,
      bottom: fitGap,
      left: 332 + fitGap,
      right: 396 + fitGap,
    })
  })

  it('is the plain gap on every side without panels, or with a hidden one', () => {
    expect(panelPadding(map, [box(60, 0)])).toEqual({
      top: fitGap,
      bottom: fitGap,
      left: fitGap,
      right: fitGap,
    })
  })

  it('shrinks the panels’ room on a narrow map, so that a third of it stays open for the result', () => {
    const narrow = { left: 0, right: 800, top: 0, bottom: 600 }
    const padding = panelPadding(narrow, [box(60, 272), box(800 - 12 - 384, 384)])
    expect(800 - padding.left - padding.right).toBeGreaterThanOrEqual(800 * 0.3 - 1)
    expect(padding.left).toBeGreaterThan(fitGap)
    expect(padding.right).toBeGreaterThan(padding.left)
  })
})

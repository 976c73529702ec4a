// Printing: the browser lays the page out for paper only after `beforeprint`, too late for charts sized in
// pixels. So `beforeprint` puts <html class="printing"> on, whose styles give the page its printed width
// (A4 landscape, styles.css), and the charts redraw at that width before the page is printed.

const printingClass = 'printing'
const restoreDelayMs = 0

/** Call `redraw` once the printed layout is on (before printing) and again once it is off (after). */
export function onPrintLayout(redraw: () => void): () => void {
  const before = () => {
    document.documentElement.classList.add(printingClass)
    redraw()
  }
  // `afterprint` can come before the pages are drawn (Chrome's PDF printing): the screen layout returns a
  // moment later.
  let timer: number | undefined
  const after = () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(() => {
      document.documentElement.classList.remove(printingClass)
      redraw()
    }, restoreDelayMs)
  }
  window.addEventListener('beforeprint', before)
  window.addEventListener('afterprint', after)
  return () => {
    window.clearTimeout(timer)
    window.removeEventListener('beforeprint', before)
    window.removeEventListener('afterprint', after)
  }
}

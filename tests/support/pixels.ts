// Compares what the browser drew, for tests that text renders as glyphs rather than boxes: two screenshots of the
// same region are decoded in the page (no image library in Node) and compared pixel by pixel.
import type { Page } from 'playwright-core'

/** The share (0–1) of pixels that differ clearly (by more than 48 in any channel) between two same-sized PNGs. */
export function differingShare(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second]) => {
      // An <img> of a data: URL, which the app's Content-Security-Policy allows (img-src data:).
      const pixels = async (base64: string) => {
        const image = new Image()
        image.src = `data:image/png;base64,${base64}`
        await image.decode()
        const canvas = document.createElement('canvas')
        canvas.width = image.naturalWidth
        canvas.height = image.naturalHeight
        const context = canvas.getContext('2d')
        if (!context) throw new Error('no 2d canvas')
        context.drawImage(image, 0, 0)
        return context.getImageData(0, 0, canvas.width, canvas.height).data
      }
      const [one, two] = await Promise.all([pixels(first), pixels(second)])
      if (one.length !== two.length) return 1
      let differing = 0
      for (let i = 0; i < one.length; i += 4) {
        const delta = Math.max(
          Math.abs((one[i] ?? 0) - (two[i] ?? 0)),
          Math.abs((one[i + 1] ?? 0) - (two[i + 1] ?? 0)),
          Math.abs((one[i + 2] ?? 0) - (two[i + 2] ?? 0)),
        )
        if (delta > 48) differing++
      }
      return differing / (one.length / 4)
    },
    [a.toString('base64'), b.toString('base64')] as const,
  )
}

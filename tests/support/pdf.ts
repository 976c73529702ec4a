// What a PDF says and how its pages are sized, read with pdf.js (unpdf), for tests of generated reports.
import { inflateSync } from 'node:zlib'
import { extractText, getDocumentProxy } from 'unpdf'

export interface PdfPage {
  /** Media box width and height in points (A4 landscape: 841.89 × 595.28). */
  width: number
  height: number
  text: string
}

/** The text of every page, joined, as copy-and-paste from a viewer would give it. */
export async function pdfText(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  // pdf.js may take over the buffer it is given, so it gets a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes.slice(0)))
  try {
    return (await extractText(pdf, { mergePages: true })).text
  } finally {
    await pdf.destroy()
  }
}

export async function pdfPages(bytes: Uint8Array | ArrayBuffer): Promise<PdfPage[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes.slice(0)))
  try {
    const { text } = await extractText(pdf, { mergePages: false })
    const pages: PdfPage[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = (await pdf.getPage(n)).view
      pages.push({ width: x1 - x0, height: y1 - y0, text: text[n - 1] ?? '' })
    }
    return pages
  } finally {
    await pdf.destroy()
  }
}

/** The document information dictionary (Title, Author, CreationDate as a PDF date string, ...). */
export async function pdfInfo(bytes: Uint8Array | ArrayBuffer): Promise<Record<string, unknown>> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes.slice(0)))
  try {
    return (await pdf.getMetadata()).info as Record<string, unknown>
  } finally {
    await pdf.destroy()
  }
}

/** The colours a page sets, in drawing order, as lowercase `#rrggbb`: fills (`scn`) and strokes (`SCN`). */
export interface PageColours {
  fill: string[]
  stroke: string[]
}

/**
 * The colours of every page, read from the page content streams that pdfkit writes (`/DeviceRGB cs`, then
 * `r g b scn`). pdf.js would give them too, but its operator list needs Node 21's ArrayBuffer methods.
 */
export function pdfPageColours(bytes: Uint8Array): PageColours[] {
  const buffer = Buffer.from(bytes)
  const pdf = buffer.toString('latin1')
  const kids = /\/Type \/Pages[\s\S]*?\/Kids \[([^\]]*)\]/.exec(pdf)?.[1] ?? ''
  return [...kids.matchAll(/(\d+) 0 R/g)].map(([, page]) => {
    const contents = /\/Contents (\d+) 0 R/.exec(pdfObject(pdf, String(page)))?.[1]
    const content = contents === undefined ? '' : pdfStream(buffer, pdf, contents)
    const colours: PageColours = { fill: [], stroke: [] }
    for (const [, r, g, b, op] of content.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) (scn|SCN)\b/g)) {
      const hex = `#${[r, g, b]
        .map((v) =>
          Math.round(Number(v) * 255)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('')}`
      colours[op === 'scn' ? 'fill' : 'stroke'].push(hex)
    }
    return colours
  })
}

/** Where object `id` starts, or -1. */
function pdfObjectStart(pdf: string, id: string): number {
  const at = pdf.search(new RegExp(`(^|\\n)${id} 0 obj\\b`))
  return at < 0 ? at : pdf.indexOf(`${id} 0 obj`, at)
}

/** The dictionary of object `id` (up to its stream, if it has one). */
function pdfObject(pdf: string, id: string): string {
  const start = pdfObjectStart(pdf, id)
  if (start < 0) return ''
  const end = Math.min(...['endobj', 'stream'].map((word) => pdf.indexOf(word, start)).filter((i) => i >= 0))
  return pdf.slice(start, end)
}

/** The stream of object `id`, inflated when it is compressed. */
function pdfStream(buffer: Buffer, pdf: string, id: string): string {
  const dictionary = pdfObject(pdf, id)
  let start = pdfObjectStart(pdf, id) + dictionary.length
  if (!dictionary || !pdf.startsWith('stream', start)) return ''
  start += 'stream'.length
  if (pdf[start] === '\r') start++
  if (pdf[start] === '\n') start++
  const raw = buffer.subarray(start, pdf.indexOf('endstream', start))
  return (dictionary.includes('/FlateDecode') ? inflateSync(raw) : raw).toString('latin1')
}

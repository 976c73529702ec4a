// What a PDF says and how its pages are sized, read with pdf.js (unpdf), for tests of generated reports.
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

// The printable statistics report: three A4 landscape pages laid out like the dashboard, Chinese first.
// The words are in pdf-words.ts, each page in its own pdf-*-page.ts, the drawing primitives in pdf-draw.ts.
import type { StatsLanguage } from '@renewal-atlas/domain'
import PDFDocument from 'pdfkit'
import { notoSansSc } from './noto-font.ts'
import type { ReportData } from './pdf-data.ts'
import { FONT, type Pdf } from './pdf-draw.ts'
import { fundingPage } from './pdf-funding-page.ts'
import { overviewPage } from './pdf-overview-page.ts'
import { footers, MARGIN } from './pdf-page.ts'
import { progressPage } from './pdf-progress-page.ts'
import { type ReportWords, WORDS } from './pdf-words.ts'

export type { ReportData } from './pdf-data.ts'

/** Renders the report; the same data and generation time give the same bytes. */
export async function renderReportPdf(data: ReportData, lang: StatsLanguage): Promise<Buffer> {
  const words: ReportWords = WORDS[lang]
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: MARGIN,
    bufferPages: true,
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    displayTitle: true,
    info: {
      Title: `${words.title} · ${data.filterLabel}`,
      Author: 'Renewal Atlas',
      Subject: words.title,
      Creator: 'Renewal Atlas',
      CreationDate: data.generatedAt,
      ModDate: data.generatedAt,
    },
  })
  const done = collect(doc)
  doc.registerFont(FONT.regular, notoSansSc('regular'))
  doc.registerFont(FONT.bold, notoSansSc('bold'))

  overviewPage(doc, data, words, lang)
  doc.addPage()
  progressPage(doc, data, words, lang)
  doc.addPage()
  fundingPage(doc, data, words, lang)
  footers(doc, data, words)
  doc.end()
  return done
}

function collect(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = []
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}

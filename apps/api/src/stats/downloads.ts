// Statistics tables as downloads: CSV or an Excel workbook with headers in the asked language.
import type { StatsFilter, StatsLanguage, TableDefinition } from '@renewal-atlas/domain'
import { toCsv, toXlsx } from '@renewal-atlas/report'
import type { Response } from 'express'

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8'
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface Download<Row> {
  table: TableDefinition<Row>
  rows: readonly Row[]
  format: 'csv' | 'xlsx'
  lang: StatsLanguage
  /** Named in the file name so two downloads of different filters do not overwrite each other. */
  filter: StatsFilter
}

/**
 * Writes the download with Content-Type and Content-Disposition: an ASCII file name such as
 * `coverage-street-510104017-2019-2021.csv` and the title in the download's language as filename*.
 */
export async function sendDownload<Row>(res: Response, download: Download<Row>): Promise<void> {
  const { table, rows, format, lang, filter } = download
  const body =
    format === 'csv' ? Buffer.from(toCsv(table, rows, lang), 'utf8') : await toXlsx([{ table, rows }], lang)
  const suffix = filterSuffix(filter)
  res
    .status(200)
    .set({
      'Content-Type': format === 'csv' ? CSV_MEDIA_TYPE : XLSX_MEDIA_TYPE,
      'Content-Disposition': attachment(
        `${table.id}${suffix}.${format}`,
        `${table.title[lang]}${suffix}.${format}`,
      ),
      // Figures change with every edit; a saved copy must come from a fresh request.
      'Cache-Control': 'no-store',
    })
    .send(body)
}

/** `-<street>-<yearFrom>-<yearTo>` for the parts of the filter that are set; one-sided ranges say which side. */
export function filterSuffix({ street, yearFrom, yearTo }: StatsFilter): string {
  const parts: string[] = []
  if (street !== undefined) parts.push(street)
  if (yearFrom !== undefined && yearTo !== undefined) parts.push(`${yearFrom}-${yearTo}`)
  else if (yearFrom !== undefined) parts.push(`from-${yearFrom}`)
  else if (yearTo !== undefined) parts.push(`to-${yearTo}`)
  return parts.map((part) => `-${part}`).join('')
}

/**
 * Content-Disposition for a download (RFC 6266): `filename` in plain ASCII for old clients, `filename*` in
 * UTF-8 (RFC 8187) with the Chinese or English title that browsers prefer.
 */
export function attachment(asciiName: string, unicodeName: string): string {
  const ascii = asciiName.replace(/[^A-Za-z0-9._-]+/g, '_')
  const unicode = unicodeName
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(unicode || ascii)}`
}

/** Percent-encodes everything but RFC 8187 attr-chars; encodeURIComponent leaves ' ( ) * as they are. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

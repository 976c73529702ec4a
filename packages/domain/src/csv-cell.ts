// The CSV rules every download and every upload share: RFC 4180 quoting, the BOM and CRLF that let Excel read
// Chinese, and the OWASP formula-injection guard — written by the statistics tables and the exports, undone by the
// import reader — so that the three can never disagree on which cells are guarded.

/** UTF-8 byte order mark: Excel reads the file as UTF-8 only with it. */
export const CSV_BOM = '\uFEFF'
export const CSV_CRLF = '\r\n'

/** Text a spreadsheet would run as a formula: = + - @ and tab or carriage return at the start. */
const FORMULA_START = /^[=+\-@\t\r]/
const GUARDED = /^'[=+\-@\t\r]/

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvQuote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A text cell with a leading `'` when a spreadsheet would run it as a formula. Numbers are never passed here. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** The text as it was before guardFormula (a cell read back from our own, or another guarding writer's, CSV). */
export function unguardFormula(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell
}

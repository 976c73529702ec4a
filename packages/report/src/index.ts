// Statistics as files: CSV and Excel downloads of the stats tables, and the printable PDF report.
export { toCsv } from './csv.ts'
export { describeFilter, type FilterNames } from './format.ts'
export { type ReportData, renderReportPdf } from './pdf.ts'
export { sheetName, toXlsx, type XlsxSheet } from './xlsx.ts'

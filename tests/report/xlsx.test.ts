// Excel downloads: a workbook that opens with Chinese intact, numbers as numbers with formats, totals that match.
import {
  contentTables,
  coverageTables,
  fundingTables,
  progressTable,
  reviewTable,
} from '@renewal-atlas/domain'
import { sheetName, toXlsx } from '@renewal-atlas/report'
import readExcelFile from 'read-excel-file/node'
import { describe, expect, it } from 'vitest'
import {
  createContent,
  createDistrictFunding,
  createProgress,
  createReviewRows,
  createStreetCoverage,
  createStreetFunding,
  DISTRICT,
} from './fixtures.ts'
import { unzipEntry } from './zip.ts'

const columnOf = (data: unknown[][], header: string) => {
  const i = data[0]?.indexOf(header) ?? -1
  if (i < 0) throw new Error(`no column ${header}`)
  return data.slice(1).map((row) => row[i])
}
const sum = (values: unknown[]) => values.reduce((a: number, v) => a + (v as number), 0)

describe('Excel download', () => {
  it('opens as one sheet named after the table, with the Chinese headers and street names intact', async () => {
    const xlsx = await toXlsx([{ table: coverageTables.street, rows: createStreetCoverage().rows }], 'zh')
    const sheets = await readExcelFile(xlsx)
    expect(sheets.map((s) => s.sheet)).toEqual(['各街道改造覆盖率'])
    const data = sheets[0]?.data ?? []
    expect(data[0]).toEqual(coverageTables.street.columns.map((c) => c.header.zh))
    expect(columnOf(data, '街道')).toContain('春熙路街道')
    expect(data).toHaveLength(12)
  })

  it('holds numbers as numbers whose street totals are the district figures', async () => {
    const xlsx = await toXlsx([{ table: coverageTables.street, rows: createStreetCoverage().rows }], 'zh')
    const data = (await readExcelFile(xlsx))[0]?.data ?? []
    for (const header of ['小区（院落）数', '老旧小区数', '已改造老旧小区数', '受益户数']) {
      expect(columnOf(data, header).every((v) => typeof v === 'number')).toBe(true)
    }
    // Coverage is a number, or empty for the two streets with no old compounds (0 ÷ 0 is no share).
    const coverage = columnOf(data, '改造覆盖率')
    expect(coverage.filter((v) => typeof v === 'number')).toHaveLength(9)
    expect(coverage.slice(-2)).toEqual([null, null])
    expect(sum(columnOf(data, '小区（院落）数'))).toBe(DISTRICT.compounds)
    expect(sum(columnOf(data, '老旧小区数'))).toBe(DISTRICT.oldCompounds)
    expect(sum(columnOf(data, '已改造老旧小区数'))).toBe(DISTRICT.renovatedOldCompounds)
    expect(sum(columnOf(data, '受益户数'))).toBe(DISTRICT.householdsBenefiting)
    expect(columnOf(data, '改造覆盖率')[0]).toBeCloseTo(97 / 142, 6)
  })

  it('keeps codes as text so a spreadsheet does not turn them into numbers', async () => {
    const xlsx = await toXlsx([{ table: coverageTables.street, rows: createStreetCoverage().rows }], 'zh')
    const data = (await readExcelFile(xlsx))[0]?.data ?? []
    expect(columnOf(data, '街道代码')[0]).toBe('510104017')
  })

  it('sums funding by street to the district total, in yuan', async () => {
    const xlsx = await toXlsx([{ table: fundingTables.street, rows: createStreetFunding().rows }], 'en')
    const data = (await readExcelFile(xlsx))[0]?.data ?? []
    const district = createDistrictFunding()
    expect(sum(columnOf(data, 'Fiscal (yuan)'))).toBe(district.fiscal)
    expect(sum(columnOf(data, 'Total (yuan)'))).toBe(district.total)
  })

  it('formats counts, money, shares and years, with a bold header row frozen at the top', async () => {
    const xlsx = await toXlsx(
      [
        { table: coverageTables.street, rows: createStreetCoverage().rows },
        { table: contentTables.category, rows: createContent().rows },
        { table: progressTable, rows: createProgress().rows },
      ],
      'zh',
    )
    const styles = unzipEntry(xlsx, 'xl/styles.xml') ?? ''
    for (const format of ['#,##0', '#,##0.00', '0.0%']) expect(styles).toContain(`formatCode="${format}"`)
    expect(styles).toMatch(/<b\s*\/>/)
    const sheet = unzipEntry(xlsx, 'xl/worksheets/sheet1.xml') ?? ''
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/)
    expect(sheet).toMatch(/<col [^>]*width="/)
  })

  it('writes one sheet per table, with English titles made into legal sheet names', async () => {
    const xlsx = await toXlsx(
      [
        { table: reviewTable, rows: createReviewRows() },
        { table: fundingTables.district, rows: [createDistrictFunding()] },
      ],
      'en',
    )
    const sheets = await readExcelFile(xlsx)
    expect(sheets.map((s) => s.sheet)).toEqual(['Review list built before the cu', 'Funding by source'])
    expect(sheets[0]?.data[1]).toEqual([
      'C510104030003-001',
      '卓锦宿舍',
      '团结三路22号',
      '沙河街道',
      '塔子山社区',
      1996,
      2,
      88,
      'Not planned',
    ])
  })

  it('gives two sheets of the same title different names', async () => {
    const rows = createStreetCoverage().rows
    const xlsx = await toXlsx(
      [
        { table: coverageTables.street, rows },
        { table: coverageTables.street, rows: rows.slice(0, 2) },
      ],
      'zh',
    )
    expect((await readExcelFile(xlsx)).map((s) => s.sheet)).toEqual([
      '各街道改造覆盖率',
      '各街道改造覆盖率 (2)',
    ])
  })

  it('refuses a workbook without sheets', async () => {
    await expect(toXlsx([], 'zh')).rejects.toThrow(/at least one sheet/)
  })
})

describe('sheet names', () => {
  it('drop the characters Excel forbids and keep at most 31 characters', () => {
    expect(sheetName('Review list: built before the cut-off, not on the register')).toBe(
      'Review list built before the cu',
    )
    expect(sheetName('a/b\\c?d*e[f]g')).toBe('a b c d e f g')
    expect(sheetName("'quoted'")).toBe('quoted')
    expect(sheetName('待核查小区（截止年前建成、未纳入清单）')).toBe('待核查小区（截止年前建成、未纳入清单）')
    expect(sheetName('[]')).toBe('Sheet')
  })
})

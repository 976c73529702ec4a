// CSV downloads: what Excel and WPS open correctly (BOM, CRLF, quoting), in the reader's language, and safe.
import {
  contentTables,
  coverageTables,
  type HeadlineTableRow,
  headlineLabels,
  reviewTable,
  summaryTable,
} from '@renewal-atlas/domain'
import { toCsv } from '@renewal-atlas/report'
import { describe, expect, it } from 'vitest'
import { createContent, createReviewRows, createStreetCoverage, createSummary, DISTRICT } from './fixtures.ts'

/** RFC 4180 read back: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  if (field !== '' || row.length > 0) throw new Error('the last line does not end with CRLF')
  return rows
}

const body = (csv: string) => parseCsv(csv.slice(1))

function summaryRows(): HeadlineTableRow[] {
  return createSummary().rows.map((figure) => ({ ...figure, label: headlineLabels[figure.key].zh }))
}

describe('CSV download', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const csv = toCsv(coverageTables.street, createStreetCoverage().rows, 'zh')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
    expect(csv.split('\r\n')).toHaveLength(11 + 2) // header, 11 streets, and the empty rest after the last CRLF
  })

  it('has the Chinese headers of the table by default and the English ones with lang=en', () => {
    const rows = createStreetCoverage().rows
    expect(body(toCsv(coverageTables.street, rows, 'zh'))[0]).toEqual([
      '街道代码',
      '街道',
      '小区（院落）数',
      '老旧小区数',
      '已改造老旧小区数',
      '改造覆盖率',
      '户数',
      '受益户数',
    ])
    expect(body(toCsv(coverageTables.street, rows, 'en'))[0]).toEqual([
      'Street code',
      'Street',
      'Compounds',
      'Old compounds',
      'Renovated old compounds',
      'Coverage',
      'Households',
      'Households benefiting',
    ])
  })

  it('keeps street names in Chinese in an English download', () => {
    const [, first] = body(toCsv(coverageTables.street, createStreetCoverage().rows, 'en'))
    expect(first?.slice(0, 2)).toEqual(['510104017', '锦官驿街道'])
  })

  it('writes counts as plain numbers and coverage as a decimal share a spreadsheet can compute with', () => {
    const [, ...rows] = body(toCsv(coverageTables.street, createStreetCoverage().rows, 'zh'))
    const column = (i: number) => rows.map((r) => Number(r[i]))
    const sum = (i: number) => column(i).reduce((a, b) => a + b, 0)
    expect(sum(2)).toBe(DISTRICT.compounds)
    expect(sum(3)).toBe(DISTRICT.oldCompounds)
    expect(sum(4)).toBe(DISTRICT.renovatedOldCompounds)
    expect(sum(7)).toBe(DISTRICT.householdsBenefiting)
    expect(rows[0]?.[5]).toBe('0.683099') // 97 ÷ 142, to six places
  })

  it('leaves the coverage of a street with no old compounds empty: 0 ÷ 0 is no share, and 0 would read as none done', () => {
    const [, ...rows] = body(toCsv(coverageTables.street, createStreetCoverage().rows, 'zh'))
    expect(rows.find((r) => r[1] === '柳江街道')?.slice(2, 6)).toEqual(['83', '0', '0', ''])
    expect(rows.find((r) => r[1] === '三圣街道')?.[5]).toBe('')
  })

  it('quotes a field holding a comma, a quote or a line break, doubling the quote', () => {
    const rows = createStreetCoverage().rows.slice(0, 3)
    const [a, b, c] = rows
    if (!a || !b || !c) throw new Error('fixture has streets')
    a.name = '东湖,街道'
    b.name = '"新"街道'
    c.name = '两行\r\n街道'
    const csv = toCsv(coverageTables.street, rows, 'zh')
    expect(csv).toContain(',"东湖,街道",')
    expect(csv).toContain(',"""新""街道",')
    expect(csv).toContain(',"两行\r\n街道",')
    expect(body(csv).map((r) => r[1])).toEqual(['街道', '东湖,街道', '"新"街道', '两行\r\n街道'])
  })

  it('guards text starting with = + - @, tab or CR against running as a formula', () => {
    const rows = createStreetCoverage().rows.slice(0, 6)
    const names = ['=HYPERLINK("http://x","点击")', '+86 电话', '-1+1', '@SUM(A1)', '\t制表', '\r回车']
    rows.forEach((row, i) => {
      row.name = names[i] ?? ''
    })
    const parsed = body(toCsv(coverageTables.street, rows, 'zh')).slice(1)
    expect(parsed.map((r) => r[1])).toEqual(names.map((name) => `'${name}`))
  })

  it('leaves negative numbers as numbers: a fall of 3 stays -3', () => {
    const rows = summaryRows()
    const first = rows[0]
    if (!first) throw new Error('fixture has figures')
    Object.assign(first, { value: 1186, previous: 1189, change: -3, changeRatio: -3 / 1189 })
    const [, compounds] = body(toCsv(summaryTable, rows, 'zh'))
    expect(compounds).toEqual(['小区（院落）总数', '1186', '1189', '-3', '-0.002523'])
  })

  it('writes a missing value as an empty cell', () => {
    const [, , oldCompounds] = body(toCsv(summaryTable, summaryRows(), 'zh'))
    expect(oldCompounds).toEqual(['纳入老旧小区清单', '751', '', '', ''])
  })

  it('writes coded values with their label in the language of the download', () => {
    const zh = body(toCsv(reviewTable, createReviewRows(), 'zh'))
    const en = body(toCsv(reviewTable, createReviewRows(), 'en'))
    expect(zh[1]?.at(-1)).toBe('未纳入计划')
    expect(en[1]?.at(-1)).toBe('Not planned')
    expect(body(toCsv(contentTables.category, createContent().rows, 'en'))[1]?.slice(0, 3)).toEqual([
      'basic',
      '基础类',
      'Basic',
    ])
  })

  it('writes money to the fen and shares of cost that add up to one', () => {
    const [, ...rows] = body(toCsv(contentTables.category, createContent().rows, 'zh'))
    expect(rows[0]?.[5]).toBe('794276500')
    const shares = rows.reduce((sum, r) => sum + Number(r[6]), 0)
    expect(shares).toBeCloseTo(1, 5)
  })

  it('is a header line alone when there are no rows', () => {
    expect(toCsv(reviewTable, [], 'en')).toBe(
      '\uFEFFCode,Name,Address,Street,Community,Year built,Buildings,Households,Renovation status\r\n',
    )
  })
})

// The printed report: three A4 landscape pages whose text (not pictures of text) carries the figures.
import type { CoverageRow } from '@renewal-atlas/domain'
import { renderReportPdf } from '@renewal-atlas/report'
import { beforeAll, describe, expect, it } from 'vitest'
import { type PdfPage, pdfInfo, pdfPages, pdfText } from '../support/pdf.ts'
import { createProgress, createReportData, createStreetCoverage } from './fixtures.ts'

/** pdf.js may split a line into pieces; spaces between them do not matter to a reader. */
const squash = (text: string) => text.replace(/\s+/g, '')

describe('the report in Chinese', () => {
  let pdf: Buffer
  let pages: PdfPage[]
  beforeAll(async () => {
    pdf = await renderReportPdf(createReportData({ filterLabel: '锦江区 · 全部年份' }), 'zh')
    pages = await pdfPages(pdf)
  })

  it('is three A4 landscape pages', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pages).toHaveLength(3)
    for (const page of pages) {
      expect(page.width).toBeCloseTo(841.89, 1)
      expect(page.height).toBeCloseTo(595.28, 1)
    }
  })

  it('prints the headline figures as text on the first page', () => {
    const first = squash(pages[0]?.text ?? '')
    // The floor area as the dashboard's card writes it: 402万 m², never a raw 4,017,390.
    for (const figure of ['1,189', '751', '477', '63.5%', '54,000', '151,223', '402万m²']) {
      expect(first).toContain(figure)
    }
    expect(first).toContain('↑75.8万m²（+23.3%）')
    expect(first).toContain('↑83（+21.1%）')
    expect(first).toContain('↑11.1个百分点')
    expect(first).toContain('无上年记录')
  })

  it('has its title, filter, generation time and the headings of every panel in Chinese', () => {
    const text = squash(pages.map((p) => p.text).join('\n'))
    for (const heading of [
      '老旧小区改造统计报告',
      '锦江区·全部年份',
      '生成时间2026年11月26日14:30',
      '数据截至2023年末',
      '各街道改造覆盖率',
      '改造进度与目标',
      '改造内容（按类别）',
      '逐年改造情况',
      '资金来源（万元）',
      '建成年代',
      '待核查小区',
    ]) {
      expect(text).toContain(heading)
    }
  })

  it('says 无老旧小区 for a street with no old compounds, where the dashboard does, not 0.0%', () => {
    const first = squash(pages[0]?.text ?? '')
    // 柳江街道 and 三圣街道 have no old compounds: their rows end in the words, and no row says 0.0%.
    expect(first).toContain('柳江街道83000无老旧小区')
    expect(first).toContain('三圣街道102000无老旧小区')
    expect(first).not.toContain('0.0%')
  })

  it('ranks the streets by coverage with the overall coverage marked', () => {
    const first = squash(pages[0]?.text ?? '')
    const order = ['成龙路街道', '锦官驿街道', '锦华路街道', '春熙路街道', '柳江街道']
    const at = order.map((name) => first.indexOf(name))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(first).toContain('71.4%')
    expect(first).toContain('总体63.5%')
  })

  it('shows progress against the target and the renovation content on the second page', () => {
    const second = squash(pages[1]?.text ?? '')
    expect(second).toContain('目标：2027年底前完成清单内全部老旧小区改造（演示目标）')
    // Both measures, as the dashboard states them: behind the path today, in time at the recent pace.
    expect(second).toContain('截至2023年底累计改造477个，落后目标进度线43个（按进度线应为520个）。')
    expect(second).toContain(
      '完成目标需在2024–2027年每年改造68.5个；近三年平均每年82个，按此速度将于2027年完成目标。',
    )
    expect(second).toContain('结论：正在追赶——目前落后于目标进度线，但按近三年速度仍可按期完成')
    expect(second).toContain('落后43')
    expect(second).toContain('基础类')
    expect(second).toContain('61.7%')
    expect(second).toContain('79,427.7') // 794,276,500 yuan in 万元
  })

  it('shows funding by source and street, the build era and the review list on the third page', () => {
    const third = squash(pages[2]?.text ?? '')
    expect(third).toContain('合计128,784.9万元，涉及项目587个')
    expect(third).toContain('财政资金')
    expect(third).toContain('118,320.7')
    expect(third).toContain('1990–1999')
    expect(third).toContain('2004年及以前建成、未纳入老旧小区清单：共30个')
    expect(third).toContain('卓锦宿舍')
    expect(third).toContain('锦城横街28号院')
    expect(third).toContain('仅列出前15个（共30个）')
  })

  it('has the page number, product name and data note in the footer of every page', () => {
    pages.forEach((page, i) => {
      const text = squash(page.text)
      expect(text).toContain(`第${i + 1}页/共3页`)
      expect(text).toContain('RenewalAtlas')
      expect(text).toContain('数据于生成时从系统数据库实时计算')
      expect(text).toContain('演示数据为合成数据')
    })
  })

  it('carries the title and the generation time in its metadata', async () => {
    const info = await pdfInfo(pdf)
    expect(info.Title).toBe('老旧小区改造统计报告 · 锦江区 · 全部年份')
    expect(info.Author).toBe('Renewal Atlas')
    expect(String(info.CreationDate)).toMatch(/^D:20261126063000/)
  })

  it('gives the same bytes for the same data and generation time', async () => {
    const again = await renderReportPdf(createReportData({ filterLabel: '锦江区 · 全部年份' }), 'zh')
    expect(again.equals(pdf)).toBe(true)
  })
})

describe('the report in English', () => {
  it('has English headings and labels, street names in Chinese', async () => {
    const pdf = await renderReportPdf(createReportData({ filterLabel: '锦江区 · all years' }), 'en')
    const text = squash(await pdfText(pdf))
    for (const phrase of [
      'Old-compoundrenovationreport',
      'Coveragebystreet',
      'Progressagainstthetarget',
      'Fundingbysource(millionyuan)',
      'Reviewlist',
      'Page1of3',
      'Demodata:synthetic',
      '63.5%',
      '54,000',
      '春熙路街道',
      'Notplanned',
      'Nooldcompounds',
      '43behindthestraight-linetargetpath(520bythen)',
      'Verdict:catchingup',
    ]) {
      expect(text).toContain(phrase)
    }
    expect(text).not.toContain('0.0%')
    expect(text).not.toContain('各街道改造覆盖率')
    expect(text).not.toContain('未纳入计划')
  })
})

describe('the report of one street', () => {
  const communities = (n: number): CoverageRow[] =>
    Array.from({ length: n }, (_, i) => ({
      key: `510104022${String(i + 1).padStart(3, '0')}`,
      name: `第${i + 1}社区`,
      compounds: 10,
      oldCompounds: 8,
      renovatedOldCompounds: i % 9,
      coverage: (i % 9) / 8,
      households: 1000,
      householdsBenefiting: 100 * (i % 9),
    }))

  it('ranks the communities of the street', async () => {
    const coverage = { groupBy: 'community' as const, rows: communities(8) }
    const text = squash(await pdfText(await renderReportPdf(createReportData({ coverage }), 'zh')))
    expect(text).toContain('各社区改造覆盖率')
    expect(text).toContain('第8社区')
    expect(text).not.toContain('各街道改造覆盖率')
  })

  it('lists as many communities as fit on the page and says how many more there are', async () => {
    const coverage = { groupBy: 'community' as const, rows: communities(60) }
    const pages = await pdfPages(await renderReportPdf(createReportData({ coverage }), 'zh'))
    expect(pages).toHaveLength(3)
    expect(squash(pages[0]?.text ?? '')).toMatch(/另有\d+行未列出/)
  })
})

describe('a report with nothing renovated in the filter', () => {
  it('still has its three pages and says there is nothing to chart', async () => {
    const progress = {
      ...createProgress(),
      rows: [],
      target: null,
      targetCompounds: null,
      requiredPerYear: null,
    }
    const coverage = {
      groupBy: 'street' as const,
      rows: createStreetCoverage().rows.map((r) => ({ ...r, renovatedOldCompounds: 0, coverage: 0 })),
    }
    const review = { cutoffYear: 2004, numberMatched: 0, numberReturned: 0, rows: [] }
    const data = createReportData({ progress, coverage, review, content: { groupBy: 'category', rows: [] } })
    const pages = await pdfPages(await renderReportPdf(data, 'zh'))
    expect(pages).toHaveLength(3)
    const text = squash(pages.map((p) => p.text).join(''))
    expect(text).toContain('筛选范围内没有改造记录')
    expect(text).toContain('未设置改造目标')
    expect(text).toContain('没有需要核查的小区')
  })
})

// Leadership uses the dashboard in a real browser against the real API: the district's headline figures, a
// street chosen by clicking its bar or in the filter, the PDF report, the Excel download, the PNG, and the way
// back to the map for a street or a compound to review.
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import {
  type CoverageResponse,
  type ReviewListResponse,
  rankCoverage,
  type SummaryResponse,
} from '@renewal-atlas/domain'
import { type Browser, chromium, type Download, type Page } from 'playwright-core'
import readExcelFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { pdfText } from '../support/pdf.ts'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const haveBrowser = existsSync(executablePath)
if (!haveBrowser && !process.env.CI) {
  console.warn(
    `browser tests skipped: no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`,
  )
}
const screenshots = path.resolve(import.meta.dirname, '../../test-results')
const readyTimeout = 90_000
/** How long a figure may take to follow a click: the refetch of every panel on a slow machine. */
const settle = { timeout: 30_000 }

const int = new Intl.NumberFormat('zh-CN')
const percent = new Intl.NumberFormat('zh-CN', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
})

interface OpenedPage {
  page: Page
  /** Requests that left the app's origin. */
  outside: string[]
  consoleErrors: string[]
}

/** The text of a headline card's value, e.g. "1,189" or "63.5%". */
function figure(page: Page, key: string): Promise<string | null> {
  return page.locator(`[data-panel="headline"] [data-figure="${key}"] [data-value]`).textContent()
}

/** Every panel has its data and every chart has finished drawing it. */
async function dashboardReady(page: Page): Promise<void> {
  await page.waitForSelector('html[data-dashboard-ready="true"]', { timeout: readyTimeout })
}

/** The headline figures a street's row of coverage by street says the cards must show. */
function expectedFigures(row: CoverageResponse['rows'][number]) {
  return {
    compounds: int.format(row.compounds),
    oldCompounds: int.format(row.oldCompounds),
    renovatedOldCompounds: int.format(row.renovatedOldCompounds),
    coverage: percent.format(row.coverage),
    householdsBenefiting: int.format(row.householdsBenefiting),
  }
}

async function shownFigures(page: Page) {
  return {
    compounds: await figure(page, 'compounds'),
    oldCompounds: await figure(page, 'oldCompounds'),
    renovatedOldCompounds: await figure(page, 'renovatedOldCompounds'),
    coverage: await figure(page, 'coverage'),
    householdsBenefiting: await figure(page, 'householdsBenefiting'),
  }
}

async function downloadedBytes(download: Download): Promise<Buffer> {
  const file = await download.path()
  return readFileSync(file)
}

// CI always has Chromium (.ci/run installs it), so there a missing browser fails instead of skipping.
describe.skipIf(!haveBrowser && !process.env.CI)('the leadership dashboard in headless Chromium', () => {
  let app: TestApp
  let browser: Browser
  let streets: CoverageResponse['rows']

  async function open(hash = '#view=dashboard', width = 1600, height = 1000): Promise<OpenedPage> {
    const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true })
    const outside: string[] = []
    page.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith(app.url) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url)
    })
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    await page.goto(`${app.url}/${hash}`)
    await dashboardReady(page)
    return { page, outside, consoleErrors }
  }

  async function json<T>(pathAndQuery: string): Promise<T> {
    const res = await app.get(pathAndQuery)
    expect(res.status, pathAndQuery).toBe(200)
    return (await res.json()) as T
  }

  /** A street that has old compounds, by its rank in coverage (0 = the highest). */
  function streetRanked(rank: number) {
    const ranked = rankCoverage(streets).filter((row) => row.oldCompounds > 0)
    const row = ranked[rank]
    if (!row) throw new Error(`no street ranked ${rank}`)
    return row
  }

  beforeAll(async () => {
    app = await startTestApp('embedded')
    streets = (await json<CoverageResponse>('/api/v1/stats/coverage?groupBy=street')).rows
    browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--enable-unsafe-swiftshader',
        '--use-angle=swiftshader',
        '--disable-background-networking',
      ],
    })
    mkdirSync(screenshots, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('shows the district: 1,189 compounds, 751 on the register, 477 renovated, 63.5% coverage, as of 2023', async () => {
    const { page, outside, consoleErrors } = await open()
    expect(await shownFigures(page)).toEqual({
      compounds: '1,189',
      oldCompounds: '751',
      renovatedOldCompounds: '477',
      coverage: '63.5%',
      householdsBenefiting: '54,000',
    })
    expect(await page.getByTestId('as-of').textContent()).toBe('截至2023年底')
    // Year on year: the register keeps no history, so its change is a dash that explains itself.
    const registerChange = page.locator('[data-figure="oldCompounds"] [data-change] abbr')
    expect(await registerChange.textContent()).toBe('—')
    expect(await registerChange.getAttribute('title')).toMatch(/无法计算同比/)
    expect(await page.locator('[data-figure="renovatedOldCompounds"] [data-change]').textContent()).toMatch(
      /^▲ \+\d+ \+\d+\.\d%/,
    )
    // The floor area and its change in one way of writing: 402万 m² beside +75.8万 m², never a raw +758,230.
    const area = page.locator('[data-figure="floorAreaRenovatedM2"]')
    expect(await area.locator('[data-value]').textContent()).toMatch(/^\d+万$/)
    expect(await area.locator('.headline-card__unit').textContent()).toBe('m²')
    expect(await area.locator('[data-change]').textContent()).toMatch(/^▲ \+[\d.]+万 m² \+\d+\.\d%/)
    // Progress: both measures in words under the chart, and a verdict that is not green while behind the path.
    const pace = page.getByTestId('pace')
    expect(await pace.getByTestId('pace-path').textContent()).toMatch(
      /^截至2023年底累计改造 477 个，落后目标进度线 \d+ 个（按进度线应为 \d+ 个）。$/,
    )
    expect(await pace.getByTestId('pace-pace').textContent()).toMatch(
      /^完成目标需在2024–2027年每年改造 68\.5 个；近三年平均每年 [\d.]+ 个，按此速度将于2027年完成目标。$/,
    )
    const verdict = pace.getByTestId('pace-verdict')
    expect(await verdict.textContent()).toMatch(/^结论：正在追赶/)
    expect(await verdict.getAttribute('class')).toContain('pace__verdict--warning')
    // The chart marks the gap to the path in the last year, and says 无老旧小区 for streets with none.
    const progressChart = page.locator('[data-panel="progress"] .chart')
    expect(await progressChart.locator('text', { hasText: /^落后 \d+$/ }).count()).toBe(1)
    expect(
      await page
        .locator('[data-panel="coverage"] .chart')
        .first()
        .locator('text', { hasText: '无老旧小区' })
        .count(),
    ).toBe(2)
    // Every panel is there, each chart labelled for screen readers, and the 11 streets are ranked.
    expect(await page.locator('[data-panel]').count()).toBe(8)
    const charts = page.locator('.chart[role="img"]')
    expect(await charts.count()).toBeGreaterThanOrEqual(7)
    for (const label of await charts.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))) {
      expect(label).toBeTruthy()
    }
    expect(
      await page
        .locator('[data-panel="coverage"] .chart')
        .first()
        .locator('text', { hasText: '街道' })
        .count(),
    ).toBe(11)
    expect(outside).toEqual([])
    expect(consoleErrors).toEqual([])
    await page.screenshot({ path: path.join(screenshots, 'dashboard.png') })
    await page.close()
  })

  it('when leadership clicks a street’s bar, every figure becomes that street’s row, and the link keeps it', async () => {
    const { page, consoleErrors } = await open()
    const street = streetRanked(0)
    // Click the bar itself: just right of the street's name on the axis.
    const point = await page
      .locator('[data-panel="coverage"] .chart')
      .first()
      .locator('svg text', { hasText: street.name })
      .first()
      .boundingBox()
    expect(point).not.toBeNull()
    await page.mouse.click(
      (point?.x ?? 0) + (point?.width ?? 0) + 40,
      (point?.y ?? 0) + (point?.height ?? 0) / 2,
    )

    await expect.poll(() => shownFigures(page), settle).toEqual(expectedFigures(street))
    await dashboardReady(page)
    expect(page.url()).toContain(`street=${street.key}`)
    expect(page.url()).toContain('view=dashboard')
    // Drilled down: the breadcrumb leads back to the district, the bars are the street's communities.
    const coverage = page.locator('[data-panel="coverage"]')
    expect(await coverage.locator('.breadcrumb [aria-current="page"]').textContent()).toBe(street.name)
    const communities = await json<CoverageResponse>(
      `/api/v1/stats/coverage?groupBy=community&street=${street.key}`,
    )
    expect(communities.rows.length).toBeGreaterThan(0)
    expect(communities.rows.reduce((sum, row) => sum + row.compounds, 0)).toBe(street.compounds)
    for (const row of communities.rows) {
      expect(
        await coverage.locator('.chart').first().locator('svg text', { hasText: row.name }).count(),
      ).toBe(1)
    }
    await page.screenshot({ path: path.join(screenshots, 'dashboard-street.png') })

    // The same link opened again shows the same street.
    const again = await open(new URL(page.url()).hash)
    expect(await shownFigures(again.page)).toEqual(expectedFigures(street))
    await again.page.close()

    // Back to the district by the breadcrumb.
    await coverage.locator('.breadcrumb button').click()
    await expect.poll(() => figure(page, 'compounds'), settle).toBe('1,189')
    expect(page.url()).not.toContain('street=')
    expect(consoleErrors).toEqual([])
    await page.close()
  })

  it('choosing a street in the filter changes every figure to that street’s row; 重置 returns to the district', async () => {
    const { page } = await open()
    const street = streetRanked(3)
    await page.locator('select[name="dashboard-street"]').selectOption(street.key)
    await expect.poll(() => shownFigures(page), settle).toEqual(expectedFigures(street))
    await dashboardReady(page)
    // The summary endpoint, the cards and the coverage row agree.
    const summary = await json<SummaryResponse>(`/api/v1/stats/summary?street=${street.key}`)
    expect(summary.rows.find((r) => r.key === 'renovatedOldCompounds')?.value).toBe(
      street.renovatedOldCompounds,
    )
    // A renovation-year range narrows the renovations, not the stock.
    await page.locator('select[name="dashboard-year-to"]').selectOption('2020')
    await expect.poll(() => page.getByTestId('as-of').textContent(), settle).toBe('截至2020年底')
    const narrowed = await json<CoverageResponse>(`/api/v1/stats/coverage?groupBy=street&yearTo=2020`)
    const narrowedRow = narrowed.rows.find((row) => row.key === street.key)
    expect(narrowedRow).toBeDefined()
    if (narrowedRow) await expect.poll(() => shownFigures(page), settle).toEqual(expectedFigures(narrowedRow))
    expect(page.url()).toContain('years=-2020')

    await page.getByRole('button', { name: '重置' }).click()
    await expect.poll(() => figure(page, 'compounds'), settle).toBe('1,189')
    await expect.poll(() => figure(page, 'renovatedOldCompounds'), settle).toBe('477')
    await page.close()
  })

  it('the PDF report carries the filter and the headline numbers', async () => {
    const { page } = await open()
    const link = page.getByRole('link', { name: '下载PDF' })
    expect(await link.getAttribute('href')).toBe('/api/v1/stats/report.pdf?lang=zh')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    const bytes = await downloadedBytes(download)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = await pdfText(bytes)
    for (const number of ['1,189', '751', '477', '63.5%', '54,000']) expect(text).toContain(number)
    // The report says what the dashboard says: the same progress sentences, and 无老旧小区 where it does.
    const squash = (words: string | null) => (words ?? '').replace(/\s+/g, '')
    const said = squash(text)
    for (const id of ['pace-path', 'pace-pace', 'pace-verdict']) {
      expect(said).toContain(squash(await page.getByTestId(id).textContent()))
    }
    // Once per street with no old compounds in the ranking, once as the grey class of the map's legend.
    const without = streets.filter((row) => row.oldCompounds === 0).length
    expect(without).toBeGreaterThan(0)
    expect(said.match(/无老旧小区/g)).toHaveLength(without + 1)

    // Under a street filter the report is that street's.
    const street = streetRanked(1)
    await page.locator('select[name="dashboard-street"]').selectOption(street.key)
    await expect
      .poll(() => link.getAttribute('href'), settle)
      .toBe(`/api/v1/stats/report.pdf?street=${street.key}&lang=zh`)
    const [streetDownload] = await Promise.all([page.waitForEvent('download'), link.click()])
    const streetText = await pdfText(await downloadedBytes(streetDownload))
    expect(streetText).toContain(street.name)
    expect(streetText).toContain(percent.format(street.coverage))
    expect(streetText).toContain(int.format(street.compounds))
    await page.close()
  })

  it('the Excel download of coverage by street opens, with Chinese headers and totals that match the API', async () => {
    const { page } = await open()
    const link = page.locator('[data-panel="coverage"]').getByRole('link', { name: '下载 Excel' })
    expect(await link.getAttribute('href')).toBe('/api/v1/stats/coverage?groupBy=street&format=xlsx&lang=zh')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    // The browser names it by the header's UTF-8 title when it can, else by the ASCII name.
    expect(download.suggestedFilename()).toMatch(/^(各街道改造覆盖率|coverage-street)\.xlsx$/)
    const sheets = await readExcelFile(await downloadedBytes(download))
    const data = sheets[0]?.data ?? []
    const header = (data[0] ?? []).map(String)
    expect(header).toEqual([
      '街道代码',
      '街道',
      '小区（院落）数',
      '老旧小区数',
      '已改造老旧小区数',
      '改造覆盖率',
      '户数',
      '受益户数',
    ])
    const body = data.slice(1)
    expect(body).toHaveLength(streets.length)
    const total = (column: string) =>
      body.reduce((sum, row) => sum + Number(row[header.indexOf(column)] ?? Number.NaN), 0)
    const sumOf = (key: 'compounds' | 'oldCompounds' | 'renovatedOldCompounds' | 'householdsBenefiting') =>
      streets.reduce((sum, row) => sum + row[key], 0)
    expect(total('小区（院落）数')).toBe(1189)
    expect(total('老旧小区数')).toBe(751)
    expect(total('已改造老旧小区数')).toBe(477)
    expect(total('受益户数')).toBe(54000)
    expect(total('户数')).toBe(streets.reduce((sum, row) => sum + row.households, 0))
    expect([sumOf('compounds'), sumOf('oldCompounds'), sumOf('renovatedOldCompounds')]).toEqual([
      1189, 751, 477,
    ])
    await page.close()
  })

  it('saves the dashboard as a PNG at twice its size on a white background', async () => {
    const { page } = await open('#view=dashboard', 1366, 768)
    const width = await page.getByTestId('dashboard').evaluate((el) => el.getBoundingClientRect().width)
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: '下载PNG' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('renewal-atlas-dashboard.png')
    const png = await downloadedBytes(download)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect(Math.abs(png.readUInt32BE(16) - 2 * width)).toBeLessThanOrEqual(2)
    expect(png.readUInt32BE(20)).toBeGreaterThan(2 * 768)
    await page.close()
  })

  it('在地图上查看 opens the map with the street filter applied, showing only that street’s compounds', async () => {
    const street = streetRanked(2)
    const { page, outside } = await open(`#view=dashboard&street=${street.key}`)
    await page.getByTestId('show-on-map').click()
    await page.waitForSelector('html[data-map-ready="true"]', { timeout: readyTimeout })
    expect(await page.getByRole('tab', { name: '地图' }).getAttribute('aria-selected')).toBe('true')
    expect(page.url()).not.toContain('view=dashboard')
    expect(page.url()).toContain(`street=${street.key}`)
    expect(await page.locator('select[name="street"]').inputValue()).toBe(street.key)
    await expect
      .poll(() => page.getByTestId('filter-count').textContent(), settle)
      .toBe(`符合条件的小区：${int.format(street.compounds)} 个`)
    await page.waitForFunction(() => {
      const map = window.__atlasMap
      return map?.loaded() && !map.isMoving() && map.areTilesLoaded()
    })
    const drawnStreets = await page.evaluate(() => {
      const features = window.__atlasMap?.queryRenderedFeatures({ layers: ['compounds-fill'] }) ?? []
      return [...new Set(features.map((f) => String(f.properties?.streetCode)))]
    })
    expect(drawnStreets).toEqual([street.key])
    // And back: the dashboard tab keeps the street.
    await page.getByRole('tab', { name: '统计' }).click()
    await dashboardReady(page)
    expect(await shownFigures(page)).toEqual(expectedFigures(street))
    expect(outside).toEqual([])
    await page.close()
  })

  it('clicking a community of a street opens the map on that community’s compounds', async () => {
    const street = streetRanked(0)
    const communities = await json<CoverageResponse>(
      `/api/v1/stats/coverage?groupBy=community&street=${street.key}`,
    )
    const community = communities.rows.find((row) => row.compounds > 0)
    expect(community).toBeDefined()
    const { page } = await open(`#view=dashboard&street=${street.key}`)
    const name = page
      .locator('[data-panel="coverage"] .chart')
      .first()
      .locator('svg text', { hasText: community?.name ?? '' })
      .first()
    const box = await name.boundingBox()
    await page.mouse.click((box?.x ?? 0) + (box?.width ?? 0) + 40, (box?.y ?? 0) + (box?.height ?? 0) / 2)
    await page.waitForSelector('html[data-map-ready="true"]', { timeout: readyTimeout })
    expect(page.url()).toContain(`community=${community?.key}`)
    expect(await page.locator('select[name="community"]').inputValue()).toBe(community?.key)
    await expect
      .poll(() => page.getByTestId('filter-count').textContent(), settle)
      .toBe(`符合条件的小区：${int.format(community?.compounds ?? -1)} 个`)
    await page.close()
  })

  it('定位 on the review list opens that compound on the map with its panel', async () => {
    const { page } = await open()
    const review = await json<ReviewListResponse>('/api/v1/stats/review-list?limit=10')
    const first = review.rows[0]
    expect(first).toBeDefined()
    expect(await page.locator('[data-panel="review-list"] tbody tr').count()).toBe(
      Math.min(10, review.numberMatched),
    )
    await page
      .locator('[data-panel="review-list"]')
      .getByRole('link', { name: `在地图上定位 ${first?.name}` })
      .click()
    await page.waitForSelector('html[data-map-ready="true"]', { timeout: readyTimeout })
    await expect.poll(() => page.locator('#compound-panel-title').textContent(), settle).toBe(first?.name)
    expect(page.url()).toContain(`c=${first?.id}`)
    await page.close()
  })

  it('speaks English when switched, and its downloads follow the language', async () => {
    const { page } = await open()
    await page.getByRole('button', { name: 'English' }).click()
    expect(await page.locator('[data-figure="coverage"] .headline-card__label').textContent()).toBe(
      'Coverage',
    )
    expect(await page.getByRole('tab', { name: 'Dashboard' }).getAttribute('aria-selected')).toBe('true')
    expect(
      await page
        .locator('[data-panel="coverage"]')
        .getByRole('link', { name: 'Download CSV' })
        .getAttribute('href'),
    ).toBe('/api/v1/stats/coverage?groupBy=street&format=csv&lang=en')
    expect(await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toBe(
      '/api/v1/stats/report.pdf?lang=en',
    )
    expect(page.url()).toContain('lang=en')
    expect(await page.getByTestId('pace-verdict').textContent()).toMatch(/^Verdict: catching up — /)
    expect(await page.getByTestId('pace-path').textContent()).toMatch(
      /^477 renovated by the end of 2023: \d+ behind/,
    )
    await page.screenshot({ path: path.join(screenshots, 'dashboard-en.png') })
    await page.close()
  })
})

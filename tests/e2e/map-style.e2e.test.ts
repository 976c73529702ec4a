// The map and the dashboard as a reader sees them, in English and Chinese at a common laptop size (1366 × 768):
// nothing wraps or is cut off, the map's colours and filters read, fits leave the panels clear, the small map's
// names stay apart, and the header stays the same on every page. Screenshots go to test-results/.
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const haveBrowser = existsSync(executablePath)
const screenshots = path.resolve(import.meta.dirname, '../../test-results')
const readyTimeout = 90_000
const laptop = { width: 1366, height: 768 }

interface Box {
  left: number
  right: number
  top: number
  bottom: number
  height: number
}

function boxOf(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel)
    if (!element) return null
    const { left, right, top, bottom, height } = element.getBoundingClientRect()
    return { left, right, top, bottom, height }
  }, selector)
}

/** Lines of text an element takes: its height over its line height. */
function linesOf(page: Page, selector: string): Promise<number[]> {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll<HTMLElement>(sel)].map((element) => {
      const style = getComputedStyle(element)
      const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2
      const padding = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom)
      const border = Number.parseFloat(style.borderTopWidth) + Number.parseFloat(style.borderBottomWidth)
      return Math.round((element.getBoundingClientRect().height - padding - border) / lineHeight)
    })
  }, selector)
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = window.__atlasMap
    return map?.loaded() && !map.isMoving() && map.areTilesLoaded()
  })
}

function filterCount(page: Page): Promise<number> {
  return page
    .getByTestId('filter-count')
    .textContent()
    .then((text) => {
      const digits = (text ?? '').replace(/[^\d]/g, '')
      return digits === '' ? Number.NaN : Number(digits)
    })
}

/** The pixel extent of what a layer draws in view (every vertex projected). */
function drawnExtent(page: Page, layer: string) {
  return page.evaluate((id) => {
    const map = window.__atlasMap
    if (!map) return null
    const features = map.queryRenderedFeatures({ layers: [id] })
    const xs: number[] = []
    const ys: number[] = []
    for (const feature of features) {
      const rings =
        feature.geometry.type === 'Polygon'
          ? feature.geometry.coordinates
          : feature.geometry.type === 'MultiPolygon'
            ? feature.geometry.coordinates.flat()
            : []
      for (const [lng = 0, lat = 0] of rings.flat()) {
        const point = map.project([lng, lat])
        xs.push(point.x)
        ys.push(point.y)
      }
    }
    const canvas = map.getCanvas().getBoundingClientRect()
    return {
      ids: new Set(features.map((f) => f.id)).size,
      left: Math.min(...xs) + canvas.left,
      right: Math.max(...xs) + canvas.left,
      top: Math.min(...ys) + canvas.top,
      bottom: Math.max(...ys) + canvas.top,
    }
  }, layer)
}

describe.skipIf(!haveBrowser && !process.env.CI)('the map and the dashboard at 1366 × 768', () => {
  let app: TestApp
  let browser: Browser

  async function open(hash: string, size = laptop): Promise<Page> {
    const page = await browser.newPage({ viewport: size })
    await page.goto(`${app.url}/${hash}`)
    if (hash.includes('view=dashboard')) {
      await page.waitForSelector('html[data-dashboard-ready="true"]', { timeout: readyTimeout })
    } else {
      await page.waitForSelector('html[data-map-ready="true"]', { timeout: readyTimeout })
    }
    return page
  }

  beforeAll(async () => {
    app = await startTestApp('embedded')
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

  it.each(['en', 'zh'])(
    'lays the map page out in %s without a wrapped line, a cut-off placeholder or a hidden button',
    async (lang) => {
      const page = await open(`#lang=${lang}`)
      await expect.poll(() => filterCount(page)).toBe(1189)
      // The count, the status choices and the two buttons each take one line.
      expect(await linesOf(page, '[data-testid="filter-count"]')).toEqual([1])
      expect(await linesOf(page, '.filter-panel__actions button')).toEqual([1, 1])
      expect(await linesOf(page, '.filter-panel .check')).toEqual([1, 1, 1, 1])
      // The whole panel shows without scrolling, above the legend.
      const panel = await page.evaluate(() => {
        const element = document.querySelector('.filter-panel') as HTMLElement
        return { scroll: element.scrollHeight, client: element.clientHeight }
      })
      expect(panel.scroll).toBeLessThanOrEqual(panel.client + 1)
      const filters = (await boxOf(page, '.filter-panel')) as Box
      const legend = (await boxOf(page, '.legend')) as Box
      expect(filters.bottom).toBeLessThanOrEqual(legend.top)
      // The search box's placeholder fits in it, measured in the box's own font.
      const search = await page.evaluate(() => {
        const input = document.querySelector('.search-box input') as HTMLInputElement
        const style = getComputedStyle(input)
        const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
        const room =
          input.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight)
        return { text: context.measureText(input.placeholder).width, room }
      })
      expect(search.text).toBeLessThanOrEqual(search.room)
      // The header's buttons keep to one line each, and the compound count is said once (in the filter panel).
      expect((await boxOf(page, '.app-header'))?.height).toBeLessThan(60)
      const counts = await page.evaluate(() => (document.body.textContent?.match(/1,189/g) ?? []).length)
      expect(counts).toBe(2) // the filter panel's count and the legend's total
      expect(await page.locator('.app-header').textContent()).not.toMatch(/1,189/)
      await page.screenshot({ path: path.join(screenshots, `map-status-${lang}-1366.png`) })
      await page.close()
    },
  )

  it('draws roads in neutral greys, so that the status colours belong to the compounds alone', async () => {
    const page = await open('#lang=en')
    const colours = await page.evaluate(() => {
      const map = window.__atlasMap
      return JSON.stringify([
        map?.getPaintProperty('roads-line', 'line-color'),
        map?.getPaintProperty('roads-casing', 'line-color'),
      ])
    })
    const hexes = colours.match(/#[0-9a-f]{6}/gi) ?? []
    expect(hexes.length).toBeGreaterThan(4)
    for (const hex of hexes) {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))
      expect(Math.max(r ?? 0, g ?? 0, b ?? 0) - Math.min(r ?? 0, g ?? 0, b ?? 0), hex).toBeLessThan(16)
    }
    await page.close()
  })

  it('hides the buildings of compounds that the filters hide, with their compounds', async () => {
    // Close up around 五福苑 (completed), where buildings are drawn.
    const page = await open('#map=16.2/30.6472/104.1017&lang=en')
    await settled(page)
    const statuses = () =>
      page.evaluate(() => {
        const features = window.__atlasMap?.queryRenderedFeatures({ layers: ['buildings-fill'] }) ?? []
        return [...new Set(features.map((f) => String(f.properties?.compoundStatus)))].sort()
      })
    expect(await statuses()).toContain('completed')
    await page.locator('input[name="status"][value="not_planned"]').check()
    await page.locator('input[name="status"][value="planned"]').check()
    await expect.poll(() => filterCount(page)).toBeLessThan(1189)
    await settled(page)
    const shown = await statuses()
    expect(shown.every((status) => status === 'not_planned' || status === 'planned')).toBe(true)
    await page.screenshot({ path: path.join(screenshots, 'map-filtered-en-1366.png') })
    await page.close()
  })

  it('zooms to a result clear of the filter panel, and to a search result clear of the compound panel too', async () => {
    const page = await open('#lang=en')
    const k = app.server.db.knex
    const inStreet = Number(
      (
        await k('compounds as c')
          .join('communities as cm', 'cm.id', 'c.community_id')
          .join('streets as s', 's.id', 'cm.street_id')
          .where('s.code', '510104017')
          .count('* as n')
          .first()
      )?.n,
    )
    expect(inStreet).toBeGreaterThan(0)
    await page.locator('select[name="street"]').selectOption('510104017')
    await expect.poll(() => filterCount(page)).toBe(inStreet)
    await page.getByRole('button', { name: 'Zoom to result' }).click()
    await settled(page)
    const filters = (await boxOf(page, '.filter-panel')) as Box
    const result = await drawnExtent(page, 'compounds-fill')
    expect(result?.ids).toBe(inStreet)
    expect(result?.left).toBeGreaterThanOrEqual(filters.right)

    await page.getByRole('button', { name: 'Clear filters' }).click()
    const search = page.getByRole('combobox', { name: 'Search compounds (name or address)' })
    await search.fill('五福苑')
    await page
      .getByRole('option', { name: /五福苑/ })
      .first()
      .waitFor()
    await search.press('ArrowDown')
    await search.press('Enter')
    await page.locator('.compound-panel').waitFor()
    await settled(page)
    const id = await page.locator('.compound-panel').getAttribute('data-compound-id')
    const chosen = await page.evaluate((compoundId) => {
      const map = window.__atlasMap
      if (!map) return null
      const canvas = map.getCanvas().getBoundingClientRect()
      const features = map
        .queryRenderedFeatures({ layers: ['compounds-fill'] })
        .filter((f) => String(f.id) === compoundId)
      const points = features.flatMap((f) =>
        f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : [],
      )
      const xs = points.map(([lng = 0, lat = 0]) => map.project([lng, lat]).x + canvas.left)
      return { left: Math.min(...xs), right: Math.max(...xs) }
    }, id)
    const panel = (await boxOf(page, '.compound-panel')) as Box
    expect(chosen?.left).toBeGreaterThanOrEqual((await boxOf(page, '.filter-panel'))?.right ?? 0)
    expect(chosen?.right).toBeLessThanOrEqual(panel.left)
    await page.close()
  })

  it('classes the streets’ coverage by natural breaks on the map, more than two classes, with the breaks in the legend', async () => {
    const page = await open('#theme=coverage-street&lang=en')
    await expect.poll(() => page.locator('.legend__item[data-class^="class-"]').count()).toBeGreaterThan(2)
    const rows = await page.locator('.legend__item[data-class^="class-"]').evaluateAll((items) =>
      items.map((item) => ({
        label: item.querySelector('.legend__label')?.textContent ?? '',
        count: Number(item.querySelector('.legend__count')?.textContent),
      })),
    )
    expect(rows.filter((row) => row.count > 0).length).toBeGreaterThan(2)
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(9)
    // One decimal where the breaks need it to differ, none where a class is one whole percentage.
    for (const row of rows) expect(row.label).toMatch(/^\d+(\.\d)?(–\d+(\.\d)?)?%$/)
    await page.screenshot({ path: path.join(screenshots, 'map-coverage-en-1366.png') })
    await page.close()
  })

  it('orders the renovation-content legend as its bars, and keeps the small map’s street names apart', async () => {
    const page = await open('#view=dashboard&lang=en')
    const content = page.locator('[data-panel="content"]')
    const bars = await content.locator('svg text').allTextContents()
    const legend = await content.locator('.class-legend li').allTextContents()
    const drawn = legend.filter((name) => bars.includes(name))
    expect(drawn.length).toBeGreaterThan(1)
    expect(drawn).toEqual(bars.filter((name) => legend.includes(name)))
    // The coverage panel's small map: no two names overlap.
    const boxes = await page.locator('[data-panel="coverage"] .coverage-map svg text').evaluateAll((texts) =>
      texts
        .filter((t) => (t.textContent ?? '').trim() !== '')
        .map((t) => {
          const { left, right, top, bottom } = t.getBoundingClientRect()
          return { left, right, top, bottom }
        }),
    )
    expect(boxes.length).toBeGreaterThan(5)
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
        expect(overlap, JSON.stringify([a, b])).toBe(false)
      }
    }
    await page.screenshot({ path: path.join(screenshots, 'dashboard-en-1366.png'), fullPage: true })
    await page.close()
  })

  it('keeps 导出 in the header on the import page, as on the map', async () => {
    const page = await browser.newPage({ viewport: laptop })
    await page.goto(`${app.url}/#view=imports`)
    await page.getByTestId('import-page').waitFor()
    await expect.poll(() => page.getByTestId('export-button').count()).toBe(1)
    await page.close()
  })

  it('answers a path that is no page with 404 and a page that says so, linking to the map', async () => {
    const page = await browser.newPage({ viewport: laptop })
    const response = await page.goto(`${app.url}/nowhere?lang=en`)
    expect(response?.status()).toBe(404)
    await expect.poll(() => page.getByTestId('not-found').textContent()).toContain('/nowhere')
    expect(await page.getByRole('link').getAttribute('href')).toBe('/')
    await page.close()
  })
})

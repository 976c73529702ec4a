// A planner opens Renewal Atlas in a real browser: the district and every compound are drawn, offline.
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const haveBrowser = existsSync(executablePath)
if (!haveBrowser && !process.env.CI) {
  console.warn(
    `browser tests skipped: no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`,
  )
}
const screenshots = path.resolve(import.meta.dirname, '../../test-results')

// CI always has Chromium (.ci/run installs it), so there a missing browser fails instead of skipping.
describe.skipIf(!haveBrowser && !process.env.CI)('the map in headless Chromium', () => {
  let app: TestApp
  let browser: Browser
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
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('draws the 1,189 compounds coloured by renovation status, requesting nothing from outside', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const outside: string[] = []
    page.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith(app.url) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url)
    })
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })

    await page.goto(app.url)
    await page.waitForSelector('html[data-map-ready="true"]', { timeout: 90_000 })

    const rendered = await page.evaluate(() => {
      const map = window.__atlasMap
      if (!map) return null
      const features = map.queryRenderedFeatures({ layers: ['compounds-fill'] })
      return {
        ids: [...new Set(features.map((f) => f.id))].length,
        statuses: [...new Set(features.map((f) => String(f.properties?.renovationStatus)))].sort(),
        zoom: map.getZoom(),
      }
    })
    expect(rendered).not.toBeNull()
    expect(rendered?.ids).toBe(1189)
    expect(rendered?.statuses).toEqual(['completed', 'not_planned', 'planned', 'under_way'])
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await expect.poll(() => page.locator('body').textContent()).toMatch(/1,189/)
    expect(outside).toEqual([])
    expect(consoleErrors).toEqual([])

    mkdirSync(screenshots, { recursive: true })
    await page.screenshot({ path: path.join(screenshots, 'map.png') })
    await page.close()
  })

  it('opens a compound’s details when a planner clicks it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(app.url)
    await page.waitForSelector('html[data-map-ready="true"]', { timeout: 90_000 })
    const point = await page.evaluate(() => {
      const map = window.__atlasMap
      const [feature] = map?.queryRenderedFeatures({ layers: ['compounds-fill'] }) ?? []
      if (!map || !feature || feature.geometry.type !== 'Polygon') return null
      const ring = feature.geometry.coordinates[0] ?? []
      const lng = ring.reduce((s, p) => s + (p[0] ?? 0), 0) / ring.length
      const lat = ring.reduce((s, p) => s + (p[1] ?? 0), 0) / ring.length
      map.jumpTo({ center: [lng, lat], zoom: 17 })
      return { name: String(feature.properties?.name) }
    })
    expect(point).not.toBeNull()
    await page.waitForFunction(() => window.__atlasMap?.loaded())
    const box = await page.locator('canvas.maplibregl-canvas').boundingBox()
    await page.mouse.click((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2)
    await expect.poll(() => page.locator('body').textContent()).toContain(point?.name ?? '')
    await page.close()
  })
})

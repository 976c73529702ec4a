// Time to the first rendered map in headless Chromium: from navigation to `html[data-map-ready="true"]`, which the
// web app sets once every tile source and the area labels are loaded and drawn.
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const haveChromium = () => existsSync(CHROMIUM)

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--disable-background-networking',
    ],
  })
}

/**
 * ms from `goto` to the ready mark, in a new browser context (empty HTTP cache) with a 1280 × 800 viewport. On a
 * timeout the error says which requests failed and what the page logged as errors.
 */
export const firstMapMs = (browser: Browser, url: string, timeoutMs = 120_000) =>
  firstReadyMs(browser, url, 'html[data-map-ready="true"]', timeoutMs)

/** ms from `goto` to the `ready` selector being attached, in a new browser context. */
export async function firstReadyMs(
  browser: Browser,
  url: string,
  ready: string,
  timeoutMs = 120_000,
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const problems: string[] = []
  let pending = 0
  try {
    const page = await context.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text().slice(0, 200)}`)
    })
    page.on('request', () => pending++)
    page.on('requestfinished', () => pending--)
    page.on('requestfailed', (r) => {
      pending--
      problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`)
    })
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`)
    })
    const t0 = performance.now()
    await page.goto(url)
    try {
      await page.waitForSelector(ready, { timeout: timeoutMs, state: 'attached' })
    } catch (error) {
      throw new Error(
        `not ready (${ready}) within ${timeoutMs / 1000} s (${pending} requests open): ${problems.slice(0, 8).join('; ') || 'no failed request, no console error'}`,
        { cause: error },
      )
    }
    return performance.now() - t0
  } finally {
    await context.close()
  }
}

// Statistics latency (every endpoint the dashboard calls, and the downloads) and the dashboard's first full
// render in headless Chromium, on the servers the map benchmark has already loaded for one scale.
import type { Browser } from 'playwright-core'
import { firstReadyMs } from './map.ts'
import { median, ms, s } from './stats.ts'

type Backend = 'embedded' | 'server'

/** What the dashboard asks for on first load, then a street drill-down, the downloads and the printed report. */
export const STATS_PATHS = [
  '/api/v1/stats/summary',
  '/api/v1/stats/coverage?groupBy=street',
  '/api/v1/stats/coverage?groupBy=community&street=510104030',
  '/api/v1/stats/progress',
  '/api/v1/stats/renovation-content?groupBy=itemType',
  '/api/v1/stats/funding?groupBy=street',
  '/api/v1/stats/build-era',
  '/api/v1/stats/review-list?limit=20',
  '/api/v1/stats/summary?street=510104030&yearFrom=2019&yearTo=2021',
  '/api/v1/stats/coverage?groupBy=street&format=xlsx',
  '/api/v1/stats/report.pdf',
] as const

/** The dashboard view of the web app; ready when every panel has its data and its chart drawn. */
export const DASHBOARD_PATH = '/#view=dashboard'
export const DASHBOARD_READY = 'html[data-dashboard-ready="true"]'

export interface DashboardFigures {
  /** ms per request, per path, per backend. */
  latency: Partial<Record<Backend, Record<string, number[]>>>
  /** ms from navigation to the ready mark, a new browser context each run. */
  firstRender: Partial<Record<Backend, number[]>>
  failures: number
}

export interface DashboardBenchOptions {
  servers: { backend: Backend; url: string }[]
  requests: number
  runs: number
  browser: Browser | undefined
  label: string
  log(line: string): void
}

export async function benchDashboard(o: DashboardBenchOptions): Promise<DashboardFigures> {
  const figures: DashboardFigures = { latency: {}, firstRender: {}, failures: 0 }
  for (const { backend, url } of o.servers) {
    const perPath: Record<string, number[]> = {}
    for (const p of STATS_PATHS) {
      const samples: number[] = []
      for (let i = 0; i < 3; i++) await drain(url + p) // warm-up
      // The PDF is the slowest by far; fewer samples keep the run short.
      const n = p.endsWith('.pdf') ? Math.min(o.requests, 10) : o.requests
      for (let i = 0; i < n; i++) {
        const t0 = performance.now()
        await drain(url + p)
        samples.push(performance.now() - t0)
      }
      perPath[p] = samples
    }
    figures.latency[backend] = perPath
    o.log(
      `  ${o.label} ${backend}: stats ${STATS_PATHS.map((p) => `${p.replace('/api/v1/stats/', '')} ${ms(median(perPath[p] ?? []))}`).join(', ')}`,
    )
    if (o.browser) {
      const samples: number[] = []
      for (let i = 0; i < o.runs; i++) {
        try {
          samples.push(await firstReadyMs(o.browser, url + DASHBOARD_PATH, DASHBOARD_READY))
        } catch (error) {
          figures.failures++
          o.log(`  ${o.label} ${backend}: dashboard run ${i + 1}: ${(error as Error).message}`)
        }
      }
      figures.firstRender[backend] = samples
      o.log(`  ${o.label} ${backend}: first full dashboard ${samples.length ? s(median(samples)) : 'n/a'}`)
    }
  }
  return figures
}

async function drain(url: string): Promise<void> {
  const res = await fetch(url)
  await res.arrayBuffer()
  if (!res.ok) throw new Error(`${url} answered ${res.status}`)
}

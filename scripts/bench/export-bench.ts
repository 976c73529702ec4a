// Export benchmark: the buildings layer as GeoJSON through the API (features/s, and how much the API process's
// resident memory grows while it streams), side by side with `ogr2ogr -f GeoJSON` reading the same table from the
// same PostGIS. The API runs in a child process (scripts/bench/export-server.ts) so its memory is its own.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { openThrowawayDatabase, prepareDatabase } from '@renewal-atlas/db'
import { median } from './stats.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface ExportRun {
  features: number
  seconds: number
  bytes: number
  /** Peak VmRSS during the export minus VmRSS just before it, bytes. */
  memoryGrowth: number
}

export interface ExportFigures {
  features: number
  api: { server: ExportRun[]; embedded: ExportRun[] }
  ogr2ogr: { seconds: number[]; features: number; version: string } | undefined
}

export interface ExportBenchOptions {
  datasetDir: string | undefined
  serverUrl: string | undefined
  runs: number
  log: (line: string) => void
}

const EXPORT_PATH = '/api/v1/exports/buildings?format=geojson'

export async function benchExport(o: ExportBenchOptions): Promise<ExportFigures> {
  const figures: ExportFigures = { features: 0, api: { server: [], embedded: [] }, ogr2ogr: undefined }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-export-bench-'))
  try {
    if (o.serverUrl) {
      const fresh = await openThrowawayDatabase(o.serverUrl, { prefix: 'atlas_bench' })
      try {
        await prepareDatabase(fresh.db, { datasetDir: o.datasetDir })
        const [count] = (await fresh.db.knex('buildings').count('* as n')) as { n: string }[]
        figures.features = Number(count?.n ?? 0)
        const url = fresh.url as string
        figures.api.server = await apiRuns({ ...o, databaseUrl: url }, tmp, 'server')
        figures.ogr2ogr = ogrRuns(url, tmp, o)
      } finally {
        await fresh.dispose()
      }
    }
    figures.api.embedded = await apiRuns({ ...o, databaseUrl: undefined }, tmp, 'embedded')
    if (!figures.features) figures.features = figures.api.embedded[0]?.features ?? 0
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  return figures
}

async function apiRuns(
  o: ExportBenchOptions & { databaseUrl: string | undefined },
  tmp: string,
  backend: string,
): Promise<ExportRun[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/export-server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      BENCH_DATASET_DIR: o.datasetDir ?? '',
      BENCH_DATABASE_URL: o.databaseUrl ?? '',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const url = await readyUrl(child)
    const out = path.join(tmp, `api-${backend}.geojson`)
    // One warm-up export: code paths compiled, connections open, pages cached, as for the measured ones.
    await exportOnce(url, out, child.pid as number)
    const runs: ExportRun[] = []
    for (let i = 0; i < o.runs; i++) {
      const run = await exportOnce(url, out, child.pid as number)
      runs.push(run)
      o.log(
        `  export ${backend}: ${run.features.toLocaleString('en')} buildings in ${run.seconds.toFixed(2)} s ` +
          `(${Math.round(run.features / run.seconds).toLocaleString('en')}/s), memory +${mb(run.memoryGrowth)}`,
      )
    }
    return runs
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
}

/**
 * One export into a file, with curl as the client when it is installed (as ogr2ogr is a native program writing a
 * file, so the reference and ours are timed alike), else Node's fetch.
 */
async function exportOnce(url: string, out: string, pid: number): Promise<ExportRun> {
  const before = rss(pid)
  let peak = before
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss(pid))
  }, 20)
  const t0 = performance.now()
  try {
    const features = HAS_CURL ? await curlTo(url + EXPORT_PATH, out) : await fetchTo(url + EXPORT_PATH, out)
    const seconds = (performance.now() - t0) / 1000
    peak = Math.max(peak, rss(pid))
    return { features, seconds, bytes: statSync(out).size, memoryGrowth: Math.max(0, peak - before) }
  } finally {
    clearInterval(sampler)
  }
}

const HAS_CURL = spawnSync('curl', ['--version']).status === 0

/** The body into `out`; the feature count from the response's header. */
function curlTo(url: string, out: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const curl = spawn('curl', ['-sS', '--fail', '-D', '-', '-o', out, url])
    let headers = ''
    curl.stdout.on('data', (chunk: Buffer) => {
      headers += chunk.toString()
    })
    curl.once('error', reject)
    curl.once('exit', (code) => {
      const count = headers.match(/^x-feature-count: (\d+)/im)?.[1]
      if (code === 0 && count) resolve(Number(count))
      else reject(new Error(`curl exited with ${code}: ${headers.split('\n')[0]}`))
    })
  })
}

async function fetchTo(url: string, out: string): Promise<number> {
  const response = await fetch(url)
  if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`)
  await pipeline(Readable.fromWeb(response.body as never), createWriteStream(out))
  return Number(response.headers.get('X-Feature-Count'))
}

/** Resident set size of a process, bytes (Linux /proc). */
function rss(pid: number): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)
  return match ? Number(match[1]) * 1024 : 0
}

function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const match = text.match(/ready (\S+)/)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`export server exited with ${code} before it was ready`)))
  })
}

/** ogr2ogr reading the buildings table from the same database into a GeoJSON file (RFC 7946 options on). */
function ogrRuns(databaseUrl: string, tmp: string, o: ExportBenchOptions): ExportFigures['ogr2ogr'] {
  const version = spawnSync('ogr2ogr', ['--version'], { encoding: 'utf8' })
  if (version.status !== 0) {
    o.log('  ogr2ogr: not installed (apt-get install gdal-bin); no reference figure')
    return undefined
  }
  const url = new URL(databaseUrl)
  const pg = `PG:host=${url.hostname} port=${url.port || 5432} dbname=${url.pathname.slice(1)} user=${decodeURIComponent(url.username) || 'postgres'}`
  const out = path.join(tmp, 'ogr2ogr.geojson')
  const seconds: number[] = []
  for (let i = 0; i < o.runs + 1; i++) {
    rmSync(out, { force: true })
    const t0 = performance.now()
    const run = spawnSync('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'RFC7946=YES', out, pg, 'buildings'], {
      encoding: 'utf8',
    })
    if (run.status !== 0) throw new Error(`ogr2ogr failed: ${run.stderr}`)
    // The first run warms the same caches the API's warm-up does.
    if (i > 0) seconds.push((performance.now() - t0) / 1000)
  }
  const features = (readFileSync(out, 'utf8').match(/"type": ?"Feature"/g) ?? []).length
  o.log(`  ogr2ogr: ${features.toLocaleString('en')} buildings in ${median(seconds).toFixed(2)} s`)
  return { seconds, features, version: version.stdout.trim() }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`

export function exportMarkdown(scale: string, f: ExportFigures): string {
  const rate = (runs: ExportRun[]) =>
    runs.length ? Math.round(median(runs.map((r) => r.features / r.seconds))) : Number.NaN
  const grow = (runs: ExportRun[]) =>
    runs.length ? Math.max(...runs.map((r) => r.memoryGrowth)) : Number.NaN
  const server = rate(f.api.server)
  const ogr = f.ogr2ogr ? Math.round(f.ogr2ogr.features / median(f.ogr2ogr.seconds)) : Number.NaN
  const fmt = (n: number) => (Number.isFinite(n) ? n.toLocaleString('en') : 'n/a')
  const ratio = Number.isFinite(server) && Number.isFinite(ogr) ? server / ogr : Number.NaN
  const mbOf = (runs: ExportRun[]) => (runs.length ? mb(grow(runs)) : 'n/a')
  const memory = (runs: ExportRun[]) => {
    const g = grow(runs)
    return Number.isFinite(g) ? `${mb(g)} (${g < 100 * 2 ** 20 ? 'met' : '**not met**'})` : 'n/a'
  }
  return [
    `| measure (${scale}: ${f.features.toLocaleString('en')} buildings) | figure | goal |`,
    '| --- | --- | --- |',
    `| GeoJSON export through the API, server backend | ${fmt(server)} features/s | |`,
    `| \`ogr2ogr -f GeoJSON -lco RFC7946=YES\` from the same PostGIS table | ${fmt(ogr)} features/s | |`,
    `| API ÷ ogr2ogr | ${Number.isFinite(ratio) ? `${ratio.toFixed(1)}× (${ratio >= 5 ? 'met' : '**not met**'})` : 'n/a'} | ≥ 5× |`,
    `| peak memory growth of the API process during the export, server backend | ${memory(f.api.server)} | < 100 MB |`,
    `| GeoJSON export through the API, embedded backend | ${fmt(rate(f.api.embedded))} features/s | |`,
    `| peak memory growth of the API process during the export, embedded backend | ${mbOf(f.api.embedded)} | (see below) |`,
  ].join('\n')
}

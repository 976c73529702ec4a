// `npm run bench`: measures start-up, migrate + load and API latency on both backends, and writes docs/benchmarks.md.
// The server backend is measured when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a database whose user may
// create databases. Figures are medians of several runs; nothing here is asserted.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLogger, startServer } from '@renewal-atlas/api'
import { type Database, openDatabase, prepareDatabase } from '@renewal-atlas/db'
import knexFactory from 'knex'
import { median, ms, quantile, s } from './stats.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const runs = Number(process.env.BENCH_RUNS ?? 3)
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
const quiet = createLogger('silent')

interface Row {
  measure: string
  embedded: string
  server: string
  note: string
}
const rows: Row[] = []

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now()
  const value = await fn()
  return [performance.now() - t0, value]
}

/** `npm start` as a new user runs it, into an empty data folder: ms until /api/v1/health answers. */
async function coldStart(dataDir: string): Promise<number> {
  const port = 20000 + Math.floor(Math.random() * 20000)
  const t0 = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      RENEWAL_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  })
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`)
        if (res.ok) return performance.now() - t0
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
  }
}

interface Fresh {
  db: Database
  dispose(): Promise<void>
}

async function freshServerDb(): Promise<Fresh> {
  if (!serverUrl) throw new Error('no server')
  const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } })
  const name = `atlas_bench_${randomBytes(5).toString('hex')}`
  await admin.raw('create database ??', [name])
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const db = await openDatabase({ databaseUrl: url.toString() })
  return {
    db,
    async dispose() {
      await db.close()
      await admin.raw('drop database ?? with (force)', [name])
      await admin.destroy()
    },
  }
}

async function freshEmbeddedDb(): Promise<Fresh> {
  const db = await openDatabase({ dataDir: 'memory://' })
  return { db, dispose: () => db.close() }
}

async function migrateAndLoad(fresh: () => Promise<Fresh>): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const f = await fresh()
    const [t] = await timed(() => prepareDatabase(f.db))
    samples.push(t)
    await f.dispose()
  }
  return samples
}

async function latency(fresh: () => Promise<Fresh>, paths: string[], requests: number) {
  const f = await fresh()
  const server = await startServer({ port: 0, host: '127.0.0.1', db: f.db, logger: quiet })
  const out: Record<string, number[]> = {}
  try {
    for (const p of paths) {
      const samples: number[] = []
      for (let i = 0; i < 5; i++) await (await fetch(server.url + p)).arrayBuffer() // warm-up
      for (let i = 0; i < requests; i++) {
        const [t] = await timed(async () => (await fetch(server.url + p)).arrayBuffer())
        samples.push(t)
      }
      out[p] = samples
    }
  } finally {
    await server.close()
    await f.dispose()
  }
  return out
}

const fmtLatency = (x: number[] | undefined) =>
  x ? `${ms(median(x))} (p95 ${ms(quantile(x, 0.95))})` : 'n/a'

console.log(
  `bench: ${runs} run(s) per figure; server backend: ${serverUrl ? 'yes' : 'no (set BENCH_DATABASE_URL)'}`,
)

const cold: number[] = []
const warm: number[] = []
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'))
  try {
    cold.push(await coldStart(dir))
    warm.push(await coldStart(dir))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(`  start-up run ${i + 1}: cold ${s(cold.at(-1) ?? 0)}, warm ${s(warm.at(-1) ?? 0)}`)
}
rows.push({
  measure: '`npm start` into an empty data folder → first answered request',
  embedded: s(median(cold)),
  server: '—',
  note: 'process start, PGlite + PostGIS init, migrations, demo data load',
})
rows.push({
  measure: '`npm start` again on the same folder → first answered request',
  embedded: s(median(warm)),
  server: '—',
  note: 'data already there',
})

const loadEmbedded = await migrateAndLoad(freshEmbeddedDb)
const loadServer = serverUrl ? await migrateAndLoad(freshServerDb) : undefined
console.log(
  `  migrate + load: embedded ${s(median(loadEmbedded))}, server ${loadServer ? s(median(loadServer)) : 'n/a'}`,
)
rows.push({
  measure: 'migrate + load the Jinjiang data set',
  embedded: s(median(loadEmbedded)),
  server: loadServer ? s(median(loadServer)) : 'n/a',
  note: 'all migrations, then every file of data/jinjiang in one transaction',
})

const paths = [
  '/api/v1/compounds?limit=100',
  '/api/v1/compounds?limit=2000',
  '/api/v1/compounds?limit=100&street=510104030&onRegister=true&status=completed',
  '/api/v1/compounds?limit=100&bbox=104.10,30.64,104.13,30.67',
  '/api/v1/district',
]
const requests = Number(process.env.BENCH_REQUESTS ?? 50)
const latEmbedded = await latency(freshEmbeddedDb, paths, requests)
const latServer = serverUrl ? await latency(freshServerDb, paths, requests) : undefined
for (const p of paths) {
  rows.push({
    measure: `GET \`${p}\``,
    embedded: fmtLatency(latEmbedded[p]),
    server: fmtLatency(latServer?.[p]),
    note: `median of ${requests} sequential requests`,
  })
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
const md = `# Benchmarks

Written by \`npm run bench\` (scripts/bench/run.ts); do not edit by hand. Figures are medians of
${runs} runs (latencies: median and 95th percentile of ${requests} sequential requests after a warm-up),
measured through real HTTP on loopback against the Jinjiang demo data set.

- date: ${new Date().toISOString().slice(0, 10)}
- machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}
- Node.js ${process.version}
- server backend: ${serverUrl ? 'PostgreSQL/PostGIS on the same machine (pg pool)' : 'not measured (set BENCH_DATABASE_URL)'}

| measure | embedded (PGlite + PostGIS) | server (PostgreSQL + PostGIS) | note |
| --- | --- | --- | --- |
${rows.map((r) => `| ${r.measure} | ${r.embedded} | ${r.server} | ${r.note} |`).join('\n')}
`
writeFileSync(path.join(root, 'docs/benchmarks.md'), md)
console.log(md)

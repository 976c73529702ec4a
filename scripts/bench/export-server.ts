// A child process of the export benchmark: serves the API over a database loaded with the given data set, so that
// the parent can measure this process's memory (VmRSS) while an export streams out of it.
// Environment: BENCH_DATASET_DIR (the data set), BENCH_DATABASE_URL (a server database: loaded here if empty;
// without it the embedded backend in memory). Prints `ready <url>` on standard output when it serves.
import { createLogger, startServer } from '@renewal-atlas/api'
import { openDatabase, prepareDatabase } from '@renewal-atlas/db'
import { UNLIMITED } from './tile-bench.ts'

const datasetDir = process.env.BENCH_DATASET_DIR || undefined
const databaseUrl = process.env.BENCH_DATABASE_URL || undefined
const db = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: 'memory://' })
await prepareDatabase(db, { datasetDir })
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  db,
  logger: createLogger('silent'),
  publicRead: true,
  rateLimits: UNLIMITED,
  demoAccounts: false,
})
process.stdout.write(`ready ${server.url}\n`)
process.once('SIGTERM', () => {
  void server.close().then(() => db.close())
})

// Starts the real API in-process on port 0 over a fresh database of the given backend, with the demo data loaded
// (copied from the run's template; the server still migrates and checks the data as at any start).
import { Writable } from 'node:stream'
import { type createLogger, type RunningServer, startServer, WEB_DIST } from '@renewal-atlas/api'
import pino from 'pino'
import { type BackendName, createTestDatabase } from './backends.ts'

export interface LogLine {
  level: number
  msg?: string
  err?: { stack?: string }
}

export interface TestApp {
  url: string
  server: RunningServer
  /** Every line the app logged, parsed. */
  logs: LogLine[]
  get(path: string, init?: RequestInit): Promise<Response>
  close(): Promise<void>
}

export interface TestAppOptions {
  loadDemo?: boolean
  /** Whether visitors may read without signing in; on by default in tests, on both backends. */
  publicRead?: boolean
  rateLimits?: Parameters<typeof startServer>[0]['rateLimits']
  corsOrigins?: string[]
  /** One demo account per role (default: the embedded backend with the demo data, as `npm start` does). */
  demoAccounts?: boolean
}

export async function startTestApp(backend: BackendName, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(backend, { demo: options.loadDemo !== false })
  const logs: LogLine[] = []
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line))
      done()
    },
  })
  const logger = pino({ level: 'info' }, sink) as unknown as ReturnType<typeof createLogger>
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    db: database.db,
    logger,
    webDist: WEB_DIST,
    loadDemo: options.loadDemo,
    // The read tests predate sign-in; closed reading is tested on its own (tests/api/access-matrix.test.ts).
    publicRead: options.publicRead ?? true,
    rateLimits: options.rateLimits,
    corsOrigins: options.corsOrigins,
    // As `npm start` configures a demo: demo accounts with the embedded database.
    demoAccounts: options.demoAccounts ?? backend === 'embedded',
  })
  return {
    url: server.url,
    server,
    logs,
    get: (path, init) => fetch(`${server.url}${path}`, init),
    async close() {
      await server.close()
      await database.dispose()
    },
  }
}

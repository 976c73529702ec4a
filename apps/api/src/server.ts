// Opens the database, prepares it (migrations, demo data on first start) and serves the app on a port.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Database, type DatabaseOptions, openDatabase, prepareDatabase } from '@renewal-atlas/db'
import { AccountRepository } from './accounts/account.repository.ts'
import { type DemoAccount, ensureFirstAccounts } from './accounts/first-accounts.ts'
import { type AppOptions, createApp } from './app.ts'
import { answerClientError, MAX_HEADER_BYTES } from './http/request-size.ts'
import { createLogger, type Logger } from './logger.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
export const ROOT_DIR = path.resolve(here, '../../..')
export const WEB_DIST = path.join(ROOT_DIR, 'apps/web/dist')
export const VERSION: string = JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')).version

export interface ServerOptions {
  port: number
  host?: string | undefined
  /** An open database to serve; otherwise one is opened from `database`. */
  db?: Database | undefined
  database?: DatabaseOptions | undefined
  logger?: Logger | undefined
  webDist?: string | undefined
  loadDemo?: boolean | undefined
  /** See AppOptions.publicRead (default off; main.ts passes ATLAS_PUBLIC_READ, on for a demo). */
  publicRead?: boolean | undefined
  corsOrigins?: AppOptions['corsOrigins']
  rateLimits?: AppOptions['rateLimits']
  tileCacheBytes?: AppOptions['tileCacheBytes']
  /**
   * Make one demo account per role on first start (no user yet), with passwords returned in demoAccounts (default off;
   * main.ts passes it for a demo). Only with the demo data loaded.
   */
  demoAccounts?: boolean | undefined
  /** An administrator to make on first start (ATLAS_ADMIN_USERNAME and ATLAS_ADMIN_PASSWORD). */
  initialAdmin?: { username: string; password: string } | undefined
}

export interface RunningServer {
  url: string
  port: number
  db: Database
  /** Demo accounts made by this start, with their one-time-shown passwords; empty on later starts. */
  demoAccounts: DemoAccount[]
  /** Whether any user exists: without one, nobody can sign in (main.ts says how to make the first). */
  hasUsers: boolean
  /** Whether visitors who have not signed in may read. */
  publicRead: boolean
  close(): Promise<void>
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger()
  const ownsDb = !options.db
  const db = options.db ?? (await openDatabase(options.database ?? {}))
  let demoAccounts: DemoAccount[]
  let hasUsers: boolean
  try {
    const prepared = await prepareDatabase(db, { loadDemo: options.loadDemo })
    if (prepared.migrationsApplied.length)
      logger.info({ applied: prepared.migrationsApplied }, 'migrations applied')
    if (prepared.loaded) logger.info({ loaded: prepared.loaded }, 'Jinjiang demo data loaded')
    demoAccounts = await ensureFirstAccounts(db.knex, {
      demo: (options.demoAccounts ?? false) && options.loadDemo !== false,
      admin: options.initialAdmin,
    })
    if (demoAccounts.length)
      logger.info({ usernames: demoAccounts.map((a) => a.username) }, 'demo accounts made')
    hasUsers = (await new AccountRepository(db.knex).count()) > 0
  } catch (error) {
    if (ownsDb) await db.close()
    throw error
  }
  const publicRead = options.publicRead ?? false
  const app = createApp({
    db,
    logger,
    version: VERSION,
    webDist: options.webDist ?? WEB_DIST,
    publicRead,
    corsOrigins: options.corsOrigins,
    rateLimits: options.rateLimits,
    tileCacheBytes: options.tileCacheBytes,
  })
  // Requests the HTTP parser refuses (too large, not HTTP) get problem+json too, not a bare status and a reset.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app)
  server.on('clientError', answerClientError(logger))
  server.listen(options.port, options.host ?? '0.0.0.0')
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    demoAccounts,
    hasUsers,
    publicRead,
    async close() {
      // Let requests in flight finish; cut what is still open after a grace period.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const force = setTimeout(() => server.closeAllConnections(), 5000)
      await closed
      clearTimeout(force)
      if (ownsDb) await db.close()
    },
  }
}

// `npm start`: serve Renewal Atlas on PORT with DATABASE_URL's server or the embedded database in RENEWAL_DATA_DIR.
import { ConfigurationError, databaseOptionsFromEnv, PostgisMissingError } from '@renewal-atlas/db'
import { FirstAccountError, formatDemoAccounts, formatFirstAdminAdvice } from './accounts/first-accounts.ts'
import { securitySettingsFromEnv } from './auth/settings.ts'
import { createLogger } from './logger.ts'
import { startServer } from './server.ts'

const logger = createLogger()

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigurationError(`PORT must be a whole number from 0 to 65535, not "${process.env.PORT}"`)
  }
  const database = databaseOptionsFromEnv()
  const security = securitySettingsFromEnv()
  const where = database.databaseUrl
    ? 'the PostgreSQL/PostGIS server in DATABASE_URL'
    : `the embedded database in ${database.dataDir}`
  logger.info(
    `starting Renewal Atlas with ${where} (a first start loads PostGIS and the demo data: allow a minute)`,
  )

  const server = await startServer({
    port,
    host: process.env.HOST || undefined,
    database,
    logger,
    ...security,
  })
  const { backend, postgisVersion } = server.db.capabilities
  // Straight to the console, not the log: the passwords are shown this once and must not be kept in log files.
  if (server.demoAccounts.length) process.stdout.write(formatDemoAccounts(server.demoAccounts))
  if (!server.hasUsers) process.stdout.write(formatFirstAdminAdvice(server.publicRead))
  logger.info(
    `Renewal Atlas 焕新图谱 is ready at http://localhost:${server.port} (${backend} database, PostGIS ${postgisVersion}); ` +
      (server.publicRead
        ? 'anyone may read (ATLAS_PUBLIC_READ=false to require sign-in)'
        : 'reading needs a signed-in user or an API token'),
  )
  const stop = async (signal: string) => {
    logger.info(`${signal} received, shutting down`)
    await server.close()
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  if (
    error instanceof PostgisMissingError ||
    error instanceof ConfigurationError ||
    error instanceof FirstAccountError
  )
    logger.fatal(error.message)
  else logger.fatal({ err: error }, 'Renewal Atlas could not start')
  // Let the logger flush, then leave with a failure code.
  process.exitCode = 1
})

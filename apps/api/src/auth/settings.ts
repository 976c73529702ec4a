// Security settings from the environment, read once by main.ts: ATLAS_DEMO, ATLAS_PUBLIC_READ, CORS_ORIGINS,
// RATE_LIMIT_PER_MINUTE, and ATLAS_ADMIN_USERNAME with ATLAS_ADMIN_PASSWORD for the first administrator. Policy comes
// from here and nowhere else: the app and the server take these values and never look at which database they run on.
import { ConfigurationError } from '@renewal-atlas/db'
import type { RateLimits } from './rate-limit.ts'

export interface SecuritySettings {
  /** Whether visitors who have not signed in may read. Default: on for a demo, off otherwise. */
  publicRead: boolean
  /** Make one demo account per role on a first start with no user (a demo only). */
  demoAccounts: boolean
  corsOrigins: string[]
  rateLimits: Partial<RateLimits>
  initialAdmin: { username: string; password: string } | undefined
}

export function securitySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SecuritySettings {
  // A demo is what `npm start` runs without a database server: the embedded database with the Jinjiang demo data,
  // open to read and with an account per role to try. ATLAS_DEMO=false closes an embedded installation in earnest.
  const demo = booleanSetting(env.ATLAS_DEMO, 'ATLAS_DEMO') ?? !env.DATABASE_URL
  return {
    publicRead: booleanSetting(env.ATLAS_PUBLIC_READ, 'ATLAS_PUBLIC_READ') ?? demo,
    demoAccounts: demo,
    corsOrigins: origins(env.CORS_ORIGINS),
    rateLimits: rateLimits(env.RATE_LIMIT_PER_MINUTE),
    initialAdmin: initialAdmin(env.ATLAS_ADMIN_USERNAME, env.ATLAS_ADMIN_PASSWORD),
  }
}

function booleanSetting(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined || value === '') return undefined
  if (/^(true|1|yes|on)$/i.test(value)) return true
  if (/^(false|0|no|off)$/i.test(value)) return false
  throw new ConfigurationError(`${name} must be true or false, not "${value}"`)
}

function origins(value: string | undefined): string[] {
  if (!value) return []
  return value.split(',').map((origin) => {
    const trimmed = origin.trim()
    let url: URL
    try {
      url = new URL(trimmed)
    } catch {
      throw new ConfigurationError(
        `CORS_ORIGINS must list origins such as https://gis.example.org, not "${trimmed}"`,
      )
    }
    if (url.origin !== trimmed.replace(/\/$/, '')) {
      throw new ConfigurationError(`CORS_ORIGINS entries are origins without a path, not "${trimmed}"`)
    }
    return url.origin
  })
}

function rateLimits(perMinute: string | undefined): Partial<RateLimits> {
  if (!perMinute) return {}
  const n = Number(perMinute)
  if (!Number.isInteger(n) || n < 1) {
    throw new ConfigurationError(
      `RATE_LIMIT_PER_MINUTE must be a whole number of at least 1, not "${perMinute}"`,
    )
  }
  return { perMinute: n, tilesPerMinute: n * 10 }
}

function initialAdmin(
  username: string | undefined,
  password: string | undefined,
): SecuritySettings['initialAdmin'] {
  if (!username && !password) return undefined
  if (!username || !password) {
    throw new ConfigurationError('ATLAS_ADMIN_USERNAME and ATLAS_ADMIN_PASSWORD must be set together')
  }
  return { username: username.trim().toLowerCase(), password }
}

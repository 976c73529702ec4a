// `npm run atlas -- <command>`: operator commands against the configured database (DATABASE_URL, or the
// embedded one in RENEWAL_DATA_DIR; stop the server first when it is embedded, PGlite is single-process).
// Exit codes: 0 done, 1 failed, 2 wrong usage. `runAtlas` takes its input and output as arguments, so the
// commands run the same from scripts/atlas.ts and in a test's own process.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { databaseOptionsFromEnv, migrateToLatest, openDatabase } from '@renewal-atlas/db'
import { type Role, role as roleEnum, usernameSchema } from '@renewal-atlas/domain'
import { AccountRepository } from '../../apps/api/src/accounts/account.repository.ts'
import { AccountService, accountWorkOn } from '../../apps/api/src/accounts/account.service.ts'
import { TokenRepository } from '../../apps/api/src/accounts/token.repository.ts'
import { generateAcceptablePassword, newPasswordProblem } from '../../apps/api/src/auth/password-policy.ts'
import { DataChanges } from '../../apps/api/src/changes/data-changed.ts'
import { WritePath } from '../../apps/api/src/changes/write-path.ts'
import { HttpError } from '../../apps/api/src/http/errors.ts'
import { CommandError, exitCodeOf, ImportRefusedError, UsageError } from './errors.ts'
import { EXCHANGE_OPTIONS, EXCHANGE_USAGE, exportCommand, importCommand } from './exchange.ts'
import type { CliIo } from './io.ts'

const USAGE = `Usage: npm run atlas -- <command> [options]

Commands:
  user:create --username <name> --role <role> [--streets <code,code>] [--display-name <name>] [--password-stdin]
      Create a user. Without --password-stdin a random password is made and printed once.
  user:list
      List users with their role, streets and state.
  user:set-password --username <name> [--password-stdin]
      Set a user's password (random and printed once without --password-stdin) and end their sessions.
  backup --out <file.tar.gz>
      Embedded database only, server stopped: write the data folder to one archive and check that it opens.
  restore --from <file.tar.gz>
      Embedded database only: unpack a backup into RENEWAL_DATA_DIR, which must be new or empty, and open it.
${EXCHANGE_USAGE}
Roles: ${roleEnum.values.join(', ')}
Passwords: at least 10 characters, not the user name, and not easy to guess (zxcvbn score 3 or more).
The database is DATABASE_URL, or the embedded one in RENEWAL_DATA_DIR (default .data).
A database server is backed up with pg_dump and pg_restore instead: see docs/operations.md.
Exit codes: 0 done, 1 failed, 2 wrong usage, 3 import refused for invalid features (nothing written).`

const OPTIONS = {
  username: { type: 'string' },
  role: { type: 'string' },
  streets: { type: 'string' },
  'display-name': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  out: { type: 'string' },
  from: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...EXCHANGE_OPTIONS,
} as const

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

/** Run one command; the exit code it ends with. Failures are written to `io.err`, never thrown. */
export async function runAtlas(argv: string[], io: CliIo): Promise<number> {
  try {
    await dispatch(argv, io)
    return 0
  } catch (error) {
    if (error instanceof UsageError) io.err(`atlas: ${error.message}\n\n${USAGE}`)
    else if (!(error instanceof ImportRefusedError)) io.err(`atlas: ${(error as Error).message}`)
    return exitCodeOf(error)
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<void> {
  let parsed: { values: Values; positionals: string[] }
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const [command, ...extra] = positionals
  if (values.help || !command) {
    io.out(USAGE)
    if (!command && !values.help) throw new UsageError('no command given')
    return
  }
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`)
  const run = COMMANDS[command]
  if (!run) throw new UsageError(`unknown command "${command}"`)
  await run(values, io)
}

const COMMANDS: Record<string, (values: Values, io: CliIo) => Promise<void>> = {
  export: exportCommand,
  import: importCommand,

  'user:create': async (values, io) => {
    const username = requireUsername(values)
    const role = values.role
    if (!role) throw new UsageError('--role is required')
    if (!roleEnum.values.includes(role as Role)) {
      throw new UsageError(`--role must be one of ${roleEnum.values.join(', ')}, not "${role}"`)
    }
    const streets = values.streets
      ? values.streets
          .split(',')
          .map((code) => code.trim())
          .filter(Boolean)
      : []
    const given = values['password-stdin'] ? await passwordFromStdin(io) : undefined
    refuseWeakPassword(username, given)
    const password = given ?? generateAcceptablePassword(username)
    const displayName = values['display-name']?.trim()
    await withAccounts(io, (accounts) =>
      accounts.createUserWithPassword(
        { username, role: role as Role, streets, ...(displayName ? { displayName } : {}) },
        password,
        'atlas user:create',
      ),
    )
    io.out(`created ${username} (${role}${streets.length ? `, streets ${streets.join(', ')}` : ''})`)
    if (!given) io.out(`password: ${password}\n(shown once; sign in and change it under 账户 Account)`)
  },

  'user:list': async (_values, io) => {
    await withDatabase(io, async (knex) => {
      const { users } = await new AccountRepository(knex).list({ limit: 10_000, offset: 0 })
      if (!users.length) {
        io.out('no users yet: create one with `npm run atlas -- user:create --username <name> --role admin`')
        return
      }
      const rows = users.map((u) => [
        u.username,
        u.role,
        u.streets.map((s) => s.code).join(',') || '-',
        [
          u.active ? 'active' : 'inactive',
          u.demo ? 'demo' : '',
          u.mustChangePassword ? 'must change password' : '',
        ]
          .filter(Boolean)
          .join(', '),
        u.displayName ?? '',
      ])
      const header = ['username', 'role', 'streets', 'state', 'display name']
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
      for (const row of [header, ...rows])
        io.out(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '))
    })
  },

  'user:set-password': async (values, io) => {
    const username = requireUsername(values)
    const given = values['password-stdin'] ? await passwordFromStdin(io) : undefined
    refuseWeakPassword(username, given)
    const password = given ?? generateAcceptablePassword(username)
    await withAccounts(io, (accounts) =>
      accounts.setPasswordByName(username, password, 'atlas user:set-password'),
    )
    io.out(`password of ${username} set; their sessions are ended`)
    if (!given) io.out(`password: ${password}\n(shown once)`)
  },

  backup: async (values, io) => {
    if (!values.out) throw new UsageError('--out <file.tar.gz> is required')
    const out = path.resolve(values.out)
    const dataDir = embeddedDataDir(io, 'backup')
    if (!existsSync(path.join(dataDir, 'PG_VERSION')))
      throw new CommandError(`there is no embedded database in ${dataDir}`)
    refuseWhileOpen(dataDir)
    if (existsSync(out)) throw new CommandError(`${out} exists already; name a new file`)
    if (!existsSync(path.dirname(out)))
      throw new CommandError(`the folder ${path.dirname(out)} does not exist`)

    const pglite = await PGlite.create(dataDir, { extensions: { postgis } })
    let archive: Blob
    let contents: DataSummary
    try {
      contents = await summarise(pglite)
      // Write everything to the table files first, so the copy opens without replaying the write-ahead log.
      await pglite.exec('checkpoint')
      archive = await pglite.dumpDataDir('gzip')
    } finally {
      await pglite.close()
    }
    // Written beside the target and renamed once it has been opened, so a half-written backup never has its name.
    const partial = `${out}.partial`
    writeFileSync(partial, Buffer.from(await archive.arrayBuffer()))
    try {
      const copy = await PGlite.create({
        loadDataDir: new Blob([readFileSync(partial)]),
        extensions: { postgis },
      })
      try {
        const found = await summarise(copy)
        if (JSON.stringify(found) !== JSON.stringify(contents))
          throw new CommandError(
            `the archive holds ${summaryText(found)}, the database ${summaryText(contents)}`,
          )
      } finally {
        await copy.close()
      }
      renameSync(partial, out)
    } catch (error) {
      rmSync(partial, { force: true })
      throw error
    }
    const megabytes = (statSync(out).size / 1e6).toFixed(1)
    io.out(`backed up ${dataDir} to ${out} (${megabytes} MB): ${summaryText(contents)}`)
    io.out('the archive was opened and checked; restore it with `npm run atlas -- restore --from <file>`')
  },

  restore: async (values, io) => {
    if (!values.from) throw new UsageError('--from <file.tar.gz> is required')
    const from = path.resolve(values.from)
    const dataDir = embeddedDataDir(io, 'restore')
    if (!existsSync(from)) throw new CommandError(`${from} does not exist`)
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new CommandError(
        `${dataDir} is not empty: restore into a new RENEWAL_DATA_DIR, or move the current folder aside first`,
      )
    }
    const archive = readBackupArchive(from)
    mkdirSync(dataDir, { recursive: true })
    let contents: DataSummary
    try {
      const pglite = await PGlite.create(dataDir, {
        loadDataDir: archive,
        extensions: { postgis },
      })
      try {
        contents = await summarise(pglite)
      } finally {
        await pglite.close()
      }
    } catch (error) {
      // The folder was empty before: whatever is in it now is this failed restore's.
      if (existsSync(dataDir))
        for (const name of readdirSync(dataDir))
          rmSync(path.join(dataDir, name), { recursive: true, force: true })
      throw new CommandError(`${from} could not be restored: ${(error as Error).message}`)
    }
    io.out(`restored ${from} into ${dataDir}: ${summaryText(contents)}`)
    io.out('start the server with this RENEWAL_DATA_DIR; it applies any newer migrations on start')
  },
}

/** The embedded database folder (RENEWAL_DATA_DIR/pglite); refuses when DATABASE_URL names a server. */
function embeddedDataDir(io: CliIo, command: string): string {
  const options = databaseOptionsFromEnv(io.env)
  if (options.databaseUrl) {
    throw new CommandError(
      `${command} is for the embedded database; DATABASE_URL is set, so use pg_dump and pg_restore (docs/operations.md)`,
    )
  }
  return options.dataDir ?? path.resolve('.data', 'pglite')
}

/**
 * PGlite writes postmaster.pid while a process has the folder open and removes it on a clean close; two processes
 * on one folder damage it, and a copy taken while it is open may miss what is still in memory.
 */
function refuseWhileOpen(dataDir: string): void {
  if (!existsSync(path.join(dataDir, 'postmaster.pid'))) return
  throw new CommandError(
    `${dataDir} is open in another process (postmaster.pid is there): stop the server first. ` +
      'If no server is running, it was not stopped cleanly: start it once and stop it with Ctrl+C.',
  )
}

/**
 * The archive of a backup, checked before PGlite sees it (PGlite stops the process on a broken one): gzip that
 * unpacks whole, and a tar with PostgreSQL's PG_VERSION at its root.
 */
function readBackupArchive(file: string): Blob {
  const packed = readFileSync(file)
  let tar: Buffer
  try {
    tar = gunzipSync(packed)
  } catch (error) {
    throw new CommandError(
      `${file} is not a whole gzip archive (${(error as Error).message}); a backup made by \`npm run atlas -- backup\` is`,
    )
  }
  const names = tarEntryNames(tar).map((name) => name.replace(/^\.?\//, ''))
  if (names.includes('PG_VERSION')) return new Blob([packed])
  if (names.some((name) => /(^|\/)pglite\/PG_VERSION$/.test(name))) {
    throw new CommandError(
      `${file} is a copy of a whole data folder, not an archive of \`npm run atlas -- backup\`: unpack it with ` +
        '`tar -xzf <file> -C <new RENEWAL_DATA_DIR>` instead (docs/operations.md)',
    )
  }
  throw new CommandError(
    `${file} holds no PostgreSQL data folder; it was not made by \`npm run atlas -- backup\``,
  )
}

/** The file names in a tar archive (ustar headers: name at 0, size in octal at 124, prefix at 345). */
function tarEntryNames(tar: Buffer): string[] {
  const names: string[] = []
  const text = (from: number, length: number) =>
    tar.toString('utf8', from, from + length).replace(/\0[\s\S]*$/, '')
  for (let at = 0; at + 512 <= tar.length; ) {
    const name = text(at, 100)
    if (!name) break
    const prefix = text(at + 345, 155)
    names.push(prefix ? `${prefix}/${name}` : name)
    const size = Number.parseInt(text(at + 124, 12).trim() || '0', 8)
    at += 512 + Math.ceil(size / 512) * 512
  }
  return names
}

/** What a backup holds, to compare the archive with the database and to show the operator. */
interface DataSummary {
  tables: number
  migrations: number | null
  users: number | null
  compounds: number | null
}

async function summarise(pglite: PGlite): Promise<DataSummary> {
  const count = async (table: string) => {
    const { rows } = await pglite.query<{ present: boolean }>(
      'select to_regclass($1) is not null as present',
      [`public.${table}`],
    )
    if (!rows[0]?.present) return null
    // Table names come from this file, never from input.
    const counted = await pglite.query<{ n: number }>(`select count(*)::int as n from public.${table}`)
    return counted.rows[0]?.n ?? 0
  }
  const tables = await pglite.query<{ n: number }>(
    "select count(*)::int as n from pg_tables where schemaname = 'public'",
  )
  return {
    tables: tables.rows[0]?.n ?? 0,
    migrations: await count('knex_migrations'),
    users: await count('users'),
    compounds: await count('compounds'),
  }
}

function summaryText(summary: DataSummary): string {
  const part = (n: number | null, what: string) => (n === null ? `no ${what} table` : `${n} ${what}`)
  return [
    `${summary.tables} tables`,
    part(summary.migrations, 'migrations'),
    part(summary.users, 'users'),
    part(summary.compounds, 'compounds'),
  ].join(', ')
}

function requireUsername(values: Values): string {
  const username = values.username?.trim().toLowerCase()
  if (!username) throw new UsageError('--username is required')
  const parsed = usernameSchema.safeParse(username)
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid --username')
  return username
}

/**
 * A given password that the account service would refuse, refused before the database is opened: the same rule and
 * the same words, sooner. (The service checks again; it is the rule's owner.)
 */
function refuseWeakPassword(username: string, password: string | undefined): void {
  const problem = password === undefined ? undefined : newPasswordProblem(username, password)
  if (problem) throw new CommandError(problem)
}

/** The whole of standard input without its final line break, for `echo "$PW" | npm run atlas -- …`. */
async function passwordFromStdin(io: CliIo): Promise<string> {
  if (io.stdin.isTTY) throw new UsageError('--password-stdin reads the password from a pipe, not a terminal')
  const chunks: Buffer[] = []
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk))
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
  if (!password) throw new CommandError('standard input held no password')
  return password
}

/**
 * The account service over the configured database, as the API makes it: the command's writes take the same path
 * (checks, audit entry, sessions ended) as an administrator's in the web app. Its refusals become the command's.
 */
async function withAccounts(io: CliIo, work: (accounts: AccountService) => Promise<unknown>): Promise<void> {
  await withDatabase(io, async (knex) => {
    const writes = new WritePath(knex, accountWorkOn, new DataChanges())
    const accounts = new AccountService(new AccountRepository(knex), new TokenRepository(knex), writes)
    try {
      await work(accounts)
    } catch (error) {
      if (error instanceof HttpError) throw new CommandError(refusalText(error))
      throw error
    }
  })
}

/** A refusal in words: the field reasons when there are some, else the detail. */
function refusalText(error: HttpError): string {
  return error.errors?.map((e) => e.reason).join('; ') || error.message
}

async function withDatabase(
  io: CliIo,
  work: (knex: Awaited<ReturnType<typeof openDatabase>>['knex']) => Promise<void>,
) {
  const db = await openDatabase(databaseOptionsFromEnv(io.env))
  try {
    await migrateToLatest(db.knex)
    await work(db.knex)
  } finally {
    await db.close()
  }
}

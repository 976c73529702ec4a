// Accounts made on first start: the demo's one account per role (embedded demo), or the administrator named in
// the environment (server). Nothing is made once any user exists, so no default password ever works.
import { type Role, usernameSchema } from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import { hashPassword } from '../auth/password.ts'
import { generateAcceptablePassword, newPasswordProblem } from '../auth/password-policy.ts'
import { AccountRepository } from './account.repository.ts'

export interface DemoAccount {
  username: string
  role: Role
  password: string
  streets: string[]
}

/** 沙河街道 and 春熙路街道 of the Jinjiang demo. */
const SHAHE = '510104030'
const CHUNXILU = '510104022'

const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; streets: string[] }[] = [
  { username: 'demo-admin', displayName: '演示管理员', role: 'admin', streets: [] },
  { username: 'demo-planner', displayName: '演示规划人员', role: 'planner', streets: [SHAHE, CHUNXILU] },
  { username: 'demo-leadership', displayName: '演示领导', role: 'leadership', streets: [] },
  { username: 'demo-design', displayName: '演示设计院', role: 'design_institute', streets: [SHAHE] },
  { username: 'demo-viewer', displayName: '演示只读用户', role: 'viewer', streets: [] },
]

export interface FirstAccountsOptions {
  /** Make the demo accounts (embedded backend with the demo data). */
  demo: boolean
  /** ATLAS_ADMIN_USERNAME and ATLAS_ADMIN_PASSWORD. */
  admin?: { username: string; password: string } | undefined
}

export class FirstAccountError extends Error {
  override readonly name = 'FirstAccountError'
}

/** Creates the first accounts when there is no user yet; returns the demo accounts made, with their passwords. */
export async function ensureFirstAccounts(knex: Knex, options: FirstAccountsOptions): Promise<DemoAccount[]> {
  if (!options.demo && !options.admin) return []
  const accounts = new AccountRepository(knex)
  if ((await accounts.count()) > 0) return []
  if (options.admin) {
    if (!usernameSchema.safeParse(options.admin.username).success) {
      throw new FirstAccountError(
        `ATLAS_ADMIN_USERNAME "${options.admin.username}" is not acceptable: use 2–64 lower-case letters, digits, dot, underscore or hyphen`,
      )
    }
    const problem = newPasswordProblem(options.admin.username, options.admin.password)
    if (problem) throw new FirstAccountError(`ATLAS_ADMIN_PASSWORD is not acceptable: ${problem}`)
  }
  const demo = options.demo
    ? await Promise.all(
        DEMO_ACCOUNTS.map(async (account) => {
          const password = generateAcceptablePassword(account.username)
          return { ...account, password, passwordHash: await hashPassword(password) }
        }),
      )
    : []
  const adminHash = options.admin ? await hashPassword(options.admin.password) : null

  return knex.transaction(async (trx) => {
    // Instances starting together on one server queue here, and only the first makes accounts.
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['renewal-atlas:first-accounts'])
    const inTransaction = new AccountRepository(trx)
    if ((await inTransaction.count()) > 0) return []
    if (options.admin && adminHash) {
      await inTransaction.create(
        {
          username: options.admin.username,
          displayName: null,
          role: 'admin',
          streetIds: [],
          passwordHash: adminHash,
        },
        trx,
      )
    }
    const made: DemoAccount[] = []
    for (const account of demo) {
      const { ids, unknown } = await inTransaction.streetIds(account.streets)
      await inTransaction.create(
        {
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          streetIds: ids,
          passwordHash: account.passwordHash,
          demo: true,
        },
        trx,
      )
      made.push({
        username: account.username,
        role: account.role,
        password: account.password,
        streets: account.streets.filter((code) => !unknown.includes(code)),
      })
    }
    return made
  })
}

/** The console block that shows the demo passwords once. */
export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.username.length))
  const lines = accounts.map(
    (a) =>
      `  ${a.username.padEnd(width)}  ${a.password}  ${a.role}${a.streets.length ? ` (streets ${a.streets.join(', ')})` : ''}`,
  )
  return [
    '',
    '==================== DEMO ACCOUNTS 演示账户 ====================',
    'One account per role, made on this first start. The passwords are shown only now:',
    ...lines,
    'Sign in at /, or create real accounts with `npm run atlas -- user:create`.',
    '================================================================',
    '',
  ].join('\n')
}

/**
 * The console block for a start that leaves nobody able to sign in (a server with no user yet): exactly what to run
 * to make the first administrator.
 */
export function formatFirstAdminAdvice(publicRead: boolean): string {
  return [
    '',
    '==================== NO ACCOUNT YET 尚无账户 ====================',
    `Nobody can sign in yet${publicRead ? '' : ', and reading needs a signed-in user (public read is off)'}.`,
    'Make the first administrator in one of two ways:',
    '  1. start again with it named (made on this first start only; remove the password from the environment after):',
    "     ATLAS_ADMIN_USERNAME=chief ATLAS_ADMIN_PASSWORD='<a long, uncommon password>' DATABASE_URL=… npm start",
    '  2. or make it from another terminal while the server runs:',
    '     DATABASE_URL=… npm run atlas -- user:create --username chief --role admin',
    '     (a password is made and printed once; --password-stdin reads yours)',
    'Then sign in at / and make the other accounts under 用户管理 Users. See docs/operations.md.',
    '================================================================',
    '',
  ].join('\n')
}

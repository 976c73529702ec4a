// Vitest global setup: the databases that integration tests start from, prepared once per run instead of once per
// test file. Embedded, an empty PGlite cluster costs ~10 s (initdb and the PostGIS install script) and the demo
// data ~3 s more, where opening a data folder archive costs ~2 s; on a server, CREATE DATABASE … TEMPLATE copies
// the demo database in well under a second. The embedded archives are kept in node_modules/.cache under a hash of
// everything that shapes them (migrations, database and domain code, the demo data, the lockfile), so a second run
// reuses them; the server template lives for the run.
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Database, makeThrowawayTemplate, prepareDatabase } from '@renewal-atlas/db'
import type { TestProject } from 'vitest/node'

export interface DatabaseTemplates {
  /** Files of embedded data folder archives: `bare` has PostGIS and nothing else, `demo` the migrated demo data. */
  embedded: { bare: string; demo: string }
  /** The server database holding the migrated demo data, when TEST_DATABASE_URL is set. */
  server?: { demo: string }
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const INPUTS = ['migrations', 'packages/db/src', 'packages/domain/src', 'data/jinjiang', 'package-lock.json']
const CACHE = path.join(ROOT, 'node_modules/.cache/renewal-atlas/test-databases')

const prepareDemo = async (db: Database) => {
  await prepareDatabase(db)
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const embedded = await embeddedTemplates()
  const serverUrl = process.env.TEST_DATABASE_URL
  const server = serverUrl ? await makeThrowawayTemplate(serverUrl, prepareDemo) : undefined
  project.provide('databaseTemplates', {
    embedded,
    ...(server ? { server: { demo: server.template as string } } : {}),
  })
  return async () => {
    await server?.dispose()
  }
}

async function embeddedTemplates(): Promise<DatabaseTemplates['embedded']> {
  const key = inputsHash()
  const files = { bare: path.join(CACHE, `bare-${key}.tar.gz`), demo: path.join(CACHE, `demo-${key}.tar.gz`) }
  if (existsSync(files.bare) && existsSync(files.demo)) return files
  mkdirSync(CACHE, { recursive: true })
  // One cluster: dumped once empty (with PostGIS), then again with the demo data.
  await makeThrowawayTemplate(undefined, async (db) => {
    await write(files.bare, await (db.dumpDataDir as () => Promise<Blob>)())
    await prepareDemo(db)
  }).then(({ template }) => write(files.demo, template as Blob))
  return files
}

/** Written beside and renamed, so a run stopped halfway never leaves an archive under a valid name. */
async function write(file: string, archive: Blob): Promise<void> {
  const partial = `${file}.${process.pid}.partial`
  writeFileSync(partial, Buffer.from(await archive.arrayBuffer()))
  renameSync(partial, file)
}

function inputsHash(): string {
  const hash = createHash('sha256')
  const visit = (relative: string) => {
    const full = path.join(ROOT, relative)
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) visit(path.join(relative, entry))
      return
    }
    hash.update(relative).update('\0').update(readFileSync(full)).update('\0')
  }
  for (const input of INPUTS) visit(input)
  return hash.digest('hex').slice(0, 16)
}

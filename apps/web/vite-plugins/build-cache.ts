// Generated build files (the UI font subsets, the map's glyph ranges) kept in node_modules/.cache, keyed by a hash
// of everything they are made from: the first build makes them (about a minute of font work on two cores), later
// builds read them back unless a font, the character list or a tool changed.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const cacheRoot = fileURLToPath(new URL('../../../node_modules/.cache/renewal-atlas/', import.meta.url))

/** A short hash of the inputs, in order. */
export function hashOf(...inputs: Array<string | Uint8Array>): string {
  const hash = createHash('sha256')
  for (const input of inputs) {
    hash.update(input)
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

/**
 * The files `make` returns (flat names → bytes), from the cache when an earlier build made them for the same `key`.
 * A folder is renamed into place only once complete, and older folders of the same `name` are removed.
 */
export async function cachedFiles(
  name: string,
  key: string,
  make: () => Promise<Map<string, Buffer>>,
): Promise<Map<string, Buffer>> {
  const dir = path.join(cacheRoot, `${name}-${key}`)
  if (existsSync(dir)) {
    return new Map(readdirSync(dir).map((file) => [file, readFileSync(path.join(dir, file))]))
  }
  const files = await make()
  const partial = `${dir}.partial-${process.pid}`
  mkdirSync(partial, { recursive: true })
  for (const [file, data] of files) writeFileSync(path.join(partial, file), data)
  for (const old of readdirSync(cacheRoot)) {
    if (old.slice(0, -17) === name && /-[0-9a-f]{16}$/.test(old)) {
      rmSync(path.join(cacheRoot, old), { recursive: true, force: true })
    }
  }
  try {
    renameSync(partial, dir)
  } catch (error) {
    // Another build made the same files meanwhile: theirs are as good as these.
    rmSync(partial, { recursive: true, force: true })
    if (!existsSync(dir)) throw error
  }
  return files
}

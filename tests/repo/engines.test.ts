// `npm install` on the Node.js the README names prints no engine warning: every package of the lockfile accepts the
// oldest Node.js version the project supports (package.json `engines`).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const json = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'))

describe('the Node.js version the README names', () => {
  const supported = json('package.json').engines.node as string
  const oldest = semver.minVersion(supported)?.version as string

  it('is the one package.json states', () => {
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(
      `Node.js ${oldest.replace(/\.0$/, '')}`,
    )
  })

  it('is accepted by every installed package, so npm warns of no engine', () => {
    const packages = json('package-lock.json').packages as Record<string, { engines?: { node?: string } }>
    const refusing = Object.entries(packages)
      .filter(([, p]) => typeof p.engines?.node === 'string')
      .filter(([, p]) => !semver.satisfies(oldest, p.engines?.node as string))
      .map(([name, p]) => `${name} wants node ${p.engines?.node}`)
    expect(refusing).toEqual([])
  })
})

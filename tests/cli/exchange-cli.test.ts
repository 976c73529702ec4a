// `npm run atlas -- export` and `… import` as a script runs them, against the real API: the files they write, what
// they print, and exit codes a script can trust (0 done, 1 failed, 2 wrong usage, 3 import refused for its features).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import gcoord from 'gcoord'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pointIn, rowCounts, SHAHE } from '../api/imports-support.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { atlasInProcess } from '../support/atlas-cli.ts'
import { createBearerToken, createUser } from '../support/auth.ts'

// The commands in this process against the test server (tests/api/auth.test.ts runs the script as a process too).
const atlas = (args: string[], env: Record<string, string> = {}) =>
  atlasInProcess(args, { ...process.env, ...env })

describe('the atlas CLI for exports and imports', () => {
  let app: TestApp
  let tmp: string
  let token: string
  let env: Record<string, string>

  beforeAll(async () => {
    app = await startTestApp('embedded')
    tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-cli-'))
    const planner = await createUser(app.server.db, { role: 'planner', streets: [SHAHE] })
    token = await createBearerToken(app.server.db, planner.id)
    env = { ATLAS_URL: app.url }
  })
  afterAll(async () => {
    rmSync(tmp, { recursive: true, force: true })
    await app?.close()
  })

  it('exports a layer into the named file, in the asked system, and exits 0', async () => {
    const out = path.join(tmp, 'compounds.geojson')
    const run = await atlas(
      ['export', '--layers', 'compounds', '--street', SHAHE, '--crs', '4544', '--out', out],
      env,
    )
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/wrote .*compounds\.geojson \(\d+ features/)
    const collection = JSON.parse(readFileSync(out, 'utf8'))
    expect(collection.features.length).toBeGreaterThan(0)
    expect(collection.features[0].geometry.coordinates[0][0][0]).toBeGreaterThan(300_000)
    expect(existsSync(`${out}.partial`)).toBe(false)
  })

  it('writes several layers as one zip named by the server', async () => {
    const run = await atlas(
      [
        'export',
        '--layers',
        'compounds,roads',
        '--format',
        'dxf',
        '--near',
        '805',
        '--radius',
        '200',
        '--name',
        'wufuyuan',
      ],
      { ...env, INIT_CWD: tmp },
    )
    expect(run.code, run.stderr).toBe(0)
    // Where the command was run (npm's INIT_CWD), under the name the server gave.
    expect(run.stdout).toContain(`wrote ${path.join(tmp, 'wufuyuan_EPSG4544.zip')}`)
    expect(readFileSync(path.join(tmp, 'wufuyuan_EPSG4544.zip')).subarray(0, 2).toString()).toBe('PK')
  })

  it('exits 1 with the server’s reason when the request is refused, leaving no file', async () => {
    const out = path.join(tmp, 'refused.dxf')
    const run = await atlas(
      ['export', '--layers', 'compounds', '--format', 'dxf', '--crs', '4326', '--out', out],
      env,
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/400: .*crs.*4544 or 4523/)
    expect(existsSync(out)).toBe(false)
    expect(existsSync(`${out}.partial`)).toBe(false)
  })

  it('exits 2 on wrong usage, with the usage text', async () => {
    const run = await atlas(['export', '--format', 'geojson'], env)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--layers is required/)
    expect(run.stderr).toMatch(/Usage: npm run atlas/)
    expect((await atlas(['import', '--target', 'facilities'], env)).code).toBe(2)
  })

  it('exits 1 when the server cannot be reached', async () => {
    const run = await atlas(['export', '--layers', 'roads'], { ATLAS_URL: 'http://127.0.0.1:9' })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9/)
  })

  it('checks an import without writing, exits 3 for invalid features, and imports once with --commit', async () => {
    const db = app.server.db
    const [lon, lat] = await pointIn(db, 'communities', `${SHAHE}004`)
    const [gLon, gLat] = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]
    const good = path.join(tmp, 'markets_GCJ02.csv')
    writeFileSync(
      good,
      `code,name,facilityType,lon,lat\r\nCLI-1,菜市场一,vegetable_market,${gLon.toFixed(7)},${gLat.toFixed(7)}\r\n`,
    )
    const bad = path.join(tmp, 'bad.csv')
    writeFileSync(bad, `code,name,facilityType,lon,lat\r\nCLI-2,,vegetable_market,${lon},${lat}\r\n`)
    const auth = { ...env, ATLAS_TOKEN: token }
    const before = await rowCounts(db)

    const refused = await atlas(['import', '--file', bad, '--target', 'facilities', '--commit'], auth)
    expect(refused.code).toBe(3)
    expect(refused.stdout).toMatch(/1 invalid/)
    expect(refused.stdout).toMatch(/missing_attribute/)
    // The report's reasons are codes and parameters; the CLI says them in English from the domain's words.
    expect(refused.stdout).toContain('missing_attribute [name]: Name is required but column name is empty')
    expect(refused.stdout).toMatch(
      /coordinate system: 4326 \(longitudes 104\.\d{3}–104\.\d{3} and latitudes 30\.\d{3}–30\.\d{3} are degrees in China: WGS84 assumed/,
    )
    expect(refused.stdout).not.toContain('[object Object]')
    expect((await rowCounts(db)).facilities).toBe(before.facilities)

    const checked = await atlas(['import', '--file', good, '--target', 'facilities', '--crs', 'gcj02'], auth)
    expect(checked.code, checked.stderr).toBe(0)
    expect(checked.stdout).toMatch(/nothing written/)
    expect((await rowCounts(db)).facilities).toBe(before.facilities)

    const args = ['import', '--file', good, '--target', 'facilities', '--crs', 'gcj02', '--commit']
    const committed = await atlas(args, auth)
    expect(committed.code, committed.stderr).toBe(0)
    expect(committed.stdout).toMatch(/committed: 1 facilities created/)
    // The same command again: the same import, not a second one.
    const again = await atlas(args, auth)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(
      /imported already as import \d+ \(1 facilities created\); nothing written again/,
    )
    const stored = await db.knex('facilities').where({ code: 'CLI-1' }).count({ n: '*' }).first()
    expect(Number(stored?.n)).toBe(1)

    const anonymous = await atlas(['import', '--file', good, '--target', 'facilities'], env)
    expect(anonymous.code).toBe(1)
    expect(anonymous.stderr).toMatch(/401.*ATLAS_TOKEN/)
  })
})

// A planner exchanges data with Renewal Atlas in a real browser against the real API: exports the surroundings of
// Wufuyuan as GeoJSON in CGCS2000 Gauss-Kruger metres and as DXF for AutoCAD from the export dialog, imports a
// Shapefile of surveyed buildings and a GCJ-02 CSV of facilities through the wizard, and rolls one import back.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { ExportFeature } from '@renewal-atlas/exchange'
import { writeShapefile, zipStream } from '@renewal-atlas/exchange'
import gcoord from 'gcoord'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { type Credentials, createUser } from '../support/auth.ts'
import { unzipAll } from '../support/zip.ts'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const haveBrowser = existsSync(executablePath)
if (!haveBrowser && !process.env.CI) {
  console.warn(
    `browser tests skipped: no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`,
  )
}
const haveGdal = existsSync('/usr/bin/ogrinfo')
const screenshots = path.resolve(import.meta.dirname, '../../test-results')
const readyTimeout = 90_000

/** 沙河街道, where Wufuyuan (五福苑) lies: the planner's street. */
const SHAHE = '510104030'
const WUFUYUAN_CODE = 'C510104030004-013'

const launchOptions = {
  executablePath,
  args: [
    '--no-sandbox',
    '--enable-unsafe-swiftshader',
    '--use-angle=swiftshader',
    '--disable-background-networking',
  ],
}

/** Every entry of a zip file, by name. */
async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  return unzipAll(await readFile(file))
}

function entryEndingWith(entries: Map<string, Buffer>, suffix: string): Buffer {
  const name = [...entries.keys()].find((n) => n.endsWith(suffix))
  if (!name) throw new Error(`no ${suffix} in the zip: ${[...entries.keys()].join(', ')}`)
  return entries.get(name) as Buffer
}

/** Every position of a GeoJSON geometry. */
function positions(coordinates: unknown): number[][] {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') return [coordinates as number[]]
  return Array.isArray(coordinates) ? coordinates.flatMap(positions) : []
}

/** A rectangle in WGS84 of about 25 × 12 m, `i` steps east of a corner inside Wufuyuan. */
function footprint(i: number): ExportFeature['geometry'] {
  const west = 104.1014 + i * 0.0003
  const south = 30.6471
  const ring = [
    [west, south],
    [west, south + 0.0001],
    [west + 0.00025, south + 0.0001],
    [west + 0.00025, south],
    [west, south],
  ]
  return { type: 'Polygon', coordinates: [ring] }
}

/**
 * Three surveyed buildings of Wufuyuan, defined in WGS84, and a fourth the surveyor left without a code and with
 * 300 storeys, as a zipped Shapefile (.shp/.shx/.dbf/.prj/.cpg).
 */
async function surveyShapefile(dir: string): Promise<string> {
  const features: ExportFeature[] = [1, 2, 3, 4].map((i) => ({
    id: i,
    properties: {
      id: i,
      code: i === 4 ? '' : `SURVEY-WFY-0${i}`,
      name: `测绘${i}栋`,
      compoundCode: WUFUYUAN_CODE,
      compoundName: '五福苑',
      streetCode: SHAHE,
      storeys: i === 4 ? 300 : 5 + i,
      households: 20 * i,
      builtYear: 1996,
      hasLift: i === 3,
      structure: 'brick_concrete',
      synthetic: true,
    },
    geometry: footprint(i),
  }))
  async function* batches() {
    yield features
  }
  const { files } = await writeShapefile('buildings', batches(), {
    dir,
    baseName: 'survey-buildings',
    crs: '4326',
  })
  const chunks: Buffer[] = []
  for await (const chunk of zipStream(files.map((file) => ({ name: path.basename(file), path: file })))) {
    chunks.push(chunk as Buffer)
  }
  const zipFile = path.join(dir, 'survey-buildings.zip')
  await writeFile(zipFile, Buffer.concat(chunks))
  return zipFile
}

/** Two facilities near Wufuyuan with their positions in WGS84, written as GCJ-02 lon/lat as Amap would give. */
const surveyFacilities = [
  { code: 'SURVEY-FAC-01', name: '五福苑社区菜店', type: '菜市场', wgs84: [104.1019, 30.6466] },
  { code: 'SURVEY-FAC-02', name: '五福苑口袋公园', type: '公园', wgs84: [104.1022, 30.6479] },
]

async function surveyCsv(dir: string): Promise<string> {
  const rows = surveyFacilities.map((f) => {
    const [lon, lat] = gcoord.transform(f.wgs84 as [number, number], gcoord.WGS84, gcoord.GCJ02)
    return [f.code, f.name, f.type, lon.toFixed(7), lat.toFixed(7)].join(',')
  })
  const file = path.join(dir, 'survey-facilities-gcj02.csv')
  await writeFile(file, `编码,名称,类型,lon,lat\r\n${rows.join('\r\n')}\r\n`)
  return file
}

/**
 * Three surveyed buildings of Wufuyuan as GeoJSON, each with a problem the check names: a bow tie whose edges cross
 * at `crossing`, a storeys value written as the character 六, and the footprint of an existing building of the
 * compound surveyed again under a new code.
 */
async function problemBuildings(
  dir: string,
  existing: unknown,
): Promise<{ file: string; crossing: number[] }> {
  const [x, y, d] = [104.1017, 30.6474, 0.00008]
  const bowTie = [
    [x - d, y - d],
    [x + d, y + d],
    [x + d, y - d],
    [x - d, y + d],
    [x - d, y - d],
  ]
  const feature = (code: string, storeys: unknown, geometry: unknown) => ({
    type: 'Feature',
    properties: { code, name: `${code} 测绘`, compoundCode: WUFUYUAN_CODE, storeys },
    geometry,
  })
  const file = path.join(dir, 'survey-problems.geojson')
  const features = [
    feature('SURVEY-WFY-X1', 6, { type: 'Polygon', coordinates: [bowTie] }),
    feature('SURVEY-WFY-X2', '六', footprint(7)),
    feature('SURVEY-WFY-X3', 5, existing),
  ]
  await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features }))
  return { file, crossing: [x, y] }
}

/**
 * Latin words left in a text once what may stay Latin in Chinese is taken out: values as written (in quotes),
 * feature codes, PostGIS and the systems' names.
 */
function englishWords(text: string): string[] {
  const kept = text
    .replace(/“[^”]*”/g, '')
    .replace(/SURVEY-WFY-X\d|B\d{12}-\d{3}-\d{2}|C\d{12}-\d{3}/g, '')
    .replace(/PostGIS|EPSG|WGS84|GCJ-02|BD-09|CGCS2000|GeoJSON/g, '')
  return kept.match(/[A-Za-z]{2,}/g) ?? []
}

describe.skipIf(!haveBrowser && !process.env.CI)('data exchange in headless Chromium', () => {
  let app: TestApp
  let browser: Browser
  let planner: Credentials
  let workDir: string

  async function openSignedIn(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    })
    const page = await context.newPage()
    page.on('pageerror', (error) => console.error('page error:', error.message))
    await page.goto(`${app.url}/`)
    await page.waitForSelector('html[data-map-ready="true"]', { timeout: readyTimeout })
    await page.getByTestId('sign-in-button').click()
    const dialog = page.getByTestId('sign-in-dialog')
    await dialog.getByLabel('用户名').fill(planner.username)
    await dialog.getByLabel('密码').fill(planner.password)
    await dialog.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => page.getByTestId('account-button').getAttribute('data-role')).toBe('planner')
    return page
  }

  /** Rows of a table whose code starts with `prefix`, read straight from the database. */
  async function countCodes(table: 'buildings' | 'facilities', prefix: string): Promise<number> {
    const [row] = await app.server.db.knex(table).whereLike('code', `${prefix}%`).count({ n: '*' })
    return Number(row?.n)
  }

  /** Start the export and wait for the file the browser saves; its name and where the test can read it. */
  async function exportFile(page: Page, dialog: Locator): Promise<{ name: string; file: string }> {
    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: '导出', exact: true }).click()
    const saved = await download
    const name = saved.suggestedFilename()
    const file = path.join(workDir, name)
    await saved.saveAs(file)
    await expect.poll(() => dialog.getByTestId('export-saved').getAttribute('data-file-name')).toBe(name)
    return { name, file }
  }

  beforeAll(async () => {
    app = await startTestApp('embedded')
    planner = await createUser(app.server.db, { role: 'planner', streets: [SHAHE] })
    browser = await chromium.launch(launchOptions)
    workDir = await mkdtemp(path.join(os.tmpdir(), 'atlas-exchange-e2e-'))
    mkdirSync(screenshots, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    if (workDir) await rm(workDir, { recursive: true, force: true })
  })

  it('when a planner exports the buildings and compounds around 五福苑 in EPSG:4544, then the zip holds metre coordinates and a README; DXF opens in GDAL', async () => {
    const page = await openSignedIn()
    const search = page.getByRole('combobox', { name: '搜索小区（名称或地址）' })
    await search.fill('五福苑')
    await page
      .getByRole('option', { name: /五福苑/ })
      .first()
      .waitFor()
    await search.press('ArrowDown')
    await search.press('Enter')
    await expect.poll(() => page.locator('#compound-panel-title').textContent()).toBe('五福苑')

    // The map's street filter applies to the export and is listed in the dialog.
    await page.locator('.filter-panel select[name="street"]').selectOption(SHAHE)
    await page.getByTestId('export-button').click()
    const dialog = page.getByTestId('export-dialog')
    expect(await dialog.getByTestId('export-filters').textContent()).toContain('街道：沙河街道')
    await dialog.getByRole('checkbox', { name: '楼栋' }).check()
    expect(await dialog.getByRole('checkbox', { name: '小区' }).isChecked()).toBe(true)
    await dialog.getByLabel('格式').selectOption('geojson')
    await dialog.getByLabel('坐标系').selectOption('4544')
    await dialog.getByRole('radio', { name: /所选小区周边（五福苑）/ }).check()
    await dialog.getByLabel('半径（米）').fill('300')
    await expect
      .poll(() => dialog.getByTestId('export-file-name').textContent())
      .toBe('renewal-atlas_EPSG4544.zip')
    expect(await dialog.textContent()).toContain('文件名和元数据中注明了所用坐标系')
    await page.screenshot({ path: path.join(screenshots, 'exchange-export-dialog.png') })

    const geojson = await exportFile(page, dialog)
    expect(geojson.name).toBe('renewal-atlas_EPSG4544.zip')
    const entries = await zipEntries(geojson.file)
    expect([...entries.keys()].some((name) => name.endsWith('README.md'))).toBe(true)
    const compounds = JSON.parse(
      entryEndingWith(entries, '/compounds_EPSG4544.geojson').toString('utf8'),
    ) as {
      features: { properties: { name: string }; geometry: { coordinates: unknown } }[]
    }
    expect(compounds.features.map((f) => f.properties.name)).toContain('五福苑')
    // Gauss-Kruger CM 105E around Chengdu: eastings about 400 km, northings about 3,390 km.
    for (const [x, y] of compounds.features.flatMap((f) => positions(f.geometry.coordinates))) {
      expect(x).toBeGreaterThan(400_000)
      expect(x).toBeLessThan(500_000)
      expect(y).toBeGreaterThan(3_380_000)
      expect(y).toBeLessThan(3_400_000)
    }
    const buildings = JSON.parse(
      entryEndingWith(entries, '/buildings_EPSG4544.geojson').toString('utf8'),
    ) as {
      features: unknown[]
    }
    expect(buildings.features.length).toBeGreaterThanOrEqual(9)

    // DXF is drawn in Gauss-Kruger metres only: the system stays 4544 and GDAL reads the drawing.
    await dialog.getByLabel('格式').selectOption('dxf')
    expect(await dialog.getByLabel('坐标系').inputValue()).toBe('4544')
    const dxf = await exportFile(page, dialog)
    expect(dxf.name).toBe('renewal-atlas_EPSG4544.zip')
    const drawing = entryEndingWith(await zipEntries(dxf.file), '.dxf')
    expect(drawing.toString('latin1')).toContain('AC1009')
    if (haveGdal || process.env.CI) {
      const dxfFile = path.join(workDir, 'wufuyuan.dxf')
      await writeFile(dxfFile, drawing)
      const { stdout } = await promisify(execFile)('ogrinfo', ['-ro', '-al', '-so', dxfFile])
      const count = Number(/Feature Count: (\d+)/.exec(stdout)?.[1])
      expect(count).toBeGreaterThan(buildings.features.length)
    }

    // One layer in WGS84 is a single RFC 7946 file, not a bundle.
    await dialog.getByRole('checkbox', { name: '楼栋' }).uncheck()
    await dialog.getByLabel('格式').selectOption('geojson')
    await dialog.getByLabel('坐标系').selectOption('4326')
    const single = await exportFile(page, dialog)
    expect(single.name).toBe('compounds.geojson')
    const collection = JSON.parse(await readFile(single.file, 'utf8')) as typeof compounds
    expect(collection.features.length).toBe(compounds.features.length)
    const [lon, lat] = positions(collection.features[0]?.geometry.coordinates)[0] ?? []
    expect(lon).toBeCloseTo(104.1, 1)
    expect(lat).toBeCloseTo(30.65, 1)
    await page.context().close()
  })

  it('when a planner checks a file with a bow tie, storeys written 六 and a building surveyed twice, then the Chinese wizard says why in Chinese, keeps PostGIS’s words as a detail and marks the crossing on the map; in English the same in English', async () => {
    const existing = (await app.server.db
      .knex('buildings as b')
      .join('compounds as c', 'c.id', 'b.compound_id')
      .where('c.code', WUFUYUAN_CODE)
      .orderBy('b.code')
      .first('b.code', app.server.db.knex.raw('ST_AsGeoJSON(b.geom) as geojson'))) as {
      code: string
      geojson: string
    }
    const { file, crossing } = await problemBuildings(workDir, JSON.parse(existing.geojson))
    const page = await openSignedIn()
    await page.getByTestId('import-button').click()
    const wizard = page.getByTestId('import-wizard')
    const step = () => wizard.getAttribute('data-import-step')
    await wizard.getByLabel('选择文件，或拖放到此处').setInputFiles(file)
    await wizard.getByLabel('导入为').selectOption('buildings')
    await wizard.getByRole('button', { name: '上传并分析' }).click()
    await expect.poll(step).toBe('mapping')
    // ② why the system was taken to be WGS84, in Chinese
    const crsReason = wizard.getByTestId('import-crs-reason')
    expect(await crsReason.getAttribute('data-reason')).toBe('crs_degrees')
    expect(await crsReason.textContent()).toContain('是中国境内的经纬度：按 WGS84 处理')
    expect(englishWords((await crsReason.textContent()) ?? '')).toEqual([])
    await wizard.getByRole('button', { name: '检查' }).click()
    await expect.poll(step).toBe('check')

    // ③ every reason in Chinese; PostGIS's own words only as the detail beneath
    const issues = wizard.getByTestId('import-issues')
    const bowTie = issues.locator('tr[data-n="1"] li[data-reason="postgis_invalid"]')
    expect(await bowTie.locator('.issue-reason').textContent()).toBe('PostGIS 判定几何无效：边自相交')
    expect(await bowTie.locator('.issue-detail').textContent()).toBe('详情：Self-intersection')
    expect(await issues.locator('tr[data-n="2"] li[data-reason="not_a_number"]').textContent()).toBe(
      '属性值无效：层数“六”不是数字',
    )
    expect(
      await issues.locator('tr[data-n="3"] li[data-reason="overlaps_building"] .issue-reason').textContent(),
    ).toContain(`压在本小区已有楼栋 ${existing.code} 上`)
    const shown = await issues.evaluate((table) => {
      const copy = table.cloneNode(true) as HTMLElement
      for (const detail of copy.querySelectorAll('.issue-detail')) detail.remove()
      return copy.textContent ?? ''
    })
    expect(englishWords(shown)).toEqual([])
    expect(englishWords((await wizard.getByTestId('import-issue-counts').textContent()) ?? '')).toEqual([])

    // The crossing is a marker on the preview map; its row flies there and the marker stands out.
    await page.locator('[data-testid="import-preview-map"][data-preview-ready="true"]').waitFor()
    const markers = await page.evaluate(() =>
      (window.__importPreviewMap?.queryRenderedFeatures({ layers: ['import-preview-location'] }) ?? []).map(
        (f) => ({ n: f.properties?.n, coordinates: (f.geometry as { coordinates: number[] }).coordinates }),
      ),
    )
    expect(markers.map((m) => m.n)).toEqual([1])
    expect(markers[0]?.coordinates[0]).toBeCloseTo(crossing[0] as number, 5)
    expect(markers[0]?.coordinates[1]).toBeCloseTo(crossing[1] as number, 5)
    await bowTie.getByTestId('import-issue-location').click()
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const map = window.__importPreviewMap
            if (!map || map.isMoving()) return null
            const { lng, lat } = map.getCenter()
            return { zoom: Math.round(map.getZoom()), lng: lng.toFixed(4), lat: lat.toFixed(4) }
          }),
        { timeout: 20_000 },
      )
      .toEqual({ zoom: 19, lng: (crossing[0] as number).toFixed(4), lat: (crossing[1] as number).toFixed(4) })
    expect(await issues.locator('tr[data-n="1"]').getAttribute('class')).toContain(
      'issue-table__row--focused',
    )
    const focusedRadius = await page.evaluate(
      () =>
        window.__importPreviewMap?.getPaintProperty('import-preview-location', 'circle-radius') as unknown,
    )
    expect(JSON.stringify(focusedRadius)).toContain('["==",["get","n"],1]')
    await page.screenshot({ path: path.join(screenshots, 'exchange-import-reasons-zh.png'), fullPage: true })

    // The same check in English, with no Chinese sentence and the same detail.
    await page.getByRole('button', { name: 'English' }).click()
    await expect
      .poll(() => wizard.getByTestId('import-issue-counts').textContent())
      .toContain('Invalid geometry')
    expect(await issues.locator('tr[data-n="2"] li[data-reason="not_a_number"]').textContent()).toBe(
      'Invalid attribute value: Storeys "六" is not a number',
    )
    expect(await bowTie.locator('.issue-reason').textContent()).toBe(
      'PostGIS finds the geometry invalid: its edges cross (self-intersection)',
    )
    expect(await bowTie.locator('.issue-detail').textContent()).toBe('Detail: Self-intersection')
    await page.screenshot({ path: path.join(screenshots, 'exchange-import-reasons-en.png'), fullPage: true })
    await page.context().close()
  })

  it('when a planner imports a Shapefile of 3 buildings (and 1 invalid) and a GCJ-02 CSV of 2 facilities, then both are written, recorded, and one can be rolled back', async () => {
    const knex = app.server.db.knex
    const shapefile = await surveyShapefile(workDir)
    const csv = await surveyCsv(workDir)
    const page = await openSignedIn()
    await page.getByTestId('import-button').click()
    const wizard = page.getByTestId('import-wizard')
    expect(new URL(page.url()).hash).toContain('view=imports')
    const step = () => wizard.getAttribute('data-import-step')

    // ① the Shapefile, as buildings
    await wizard.getByLabel('选择文件，或拖放到此处').setInputFiles(shapefile)
    await wizard.getByLabel('导入为').selectOption('buildings')
    await wizard.getByRole('button', { name: '上传并分析' }).click()
    await expect.poll(step).toBe('mapping')
    // ② the fields the file's dBASE columns were matched to
    const mapping = wizard.getByTestId('import-mapping')
    expect(await mapping.locator('tr[data-field="code"] select').inputValue()).toBe('code')
    expect(await mapping.locator('tr[data-field="storeys"] select').inputValue()).toBe('storeys')
    expect(await mapping.locator('tr[data-field="storeys"] td').last().textContent()).toContain('6')
    await wizard.getByRole('button', { name: '检查' }).click()
    // ③ three buildings are importable, the fourth is not and says why; all four are drawn on the preview map
    await expect.poll(step).toBe('check')
    const count = (status: string) =>
      wizard.locator(`[data-testid="import-counts"] [data-status="${status}"] dd`).getAttribute('data-count')
    expect(Number(await count('valid')) + Number(await count('warning'))).toBe(3)
    expect(await count('invalid')).toBe('1')
    const invalidRow = wizard.locator('[data-testid="import-issues"] tr[data-n="4"]')
    expect(await invalidRow.getAttribute('data-status')).toBe('invalid')
    expect(await invalidRow.locator('li[data-code="missing_attribute"]').textContent()).toContain(
      '缺少必填属性',
    )
    await page.locator('[data-testid="import-preview-map"][data-preview-ready="true"]').waitFor()
    const drawn = await page.evaluate(() => {
      const map = window.__importPreviewMap
      const features = map?.queryRenderedFeatures({ layers: ['import-preview-fill'] }) ?? []
      return [...new Set(features.map((f) => `${f.properties?.n}:${f.properties?.status}`))].sort()
    })
    expect(drawn.map((d) => d.split(':')[0])).toEqual(['1', '2', '3', '4'])
    expect(drawn).toContain('4:invalid')
    await page.screenshot({ path: path.join(screenshots, 'exchange-import-check.png'), fullPage: true })
    // ④ import, skipping the invalid one: nothing can be imported before it is skipped
    expect(await wizard.getByRole('button', { name: /^导入 4 个要素$/ }).isDisabled()).toBe(true)
    await wizard.getByLabel(/跳过无效要素/).check()
    await wizard.getByRole('button', { name: /^导入 3 个要素$/ }).click()
    await expect.poll(step).toBe('done')
    expect(await wizard.getByTestId('import-result').getAttribute('data-created')).toBe('3')
    expect(await wizard.getByTestId('import-result').getAttribute('data-skipped')).toBe('1')
    expect(await countCodes('buildings', 'SURVEY-WFY-')).toBe(3)
    const history = page.getByTestId('import-history')
    const shapefileRow = history.locator('tr', { hasText: 'survey-buildings.zip' })
    await expect.poll(() => shapefileRow.getAttribute('data-status')).toBe('committed')

    // The CSV of facilities, declared GCJ-02, with its lon/lat columns
    await wizard.getByRole('button', { name: '导入另一个文件' }).click()
    await wizard.getByLabel('选择文件，或拖放到此处').setInputFiles(csv)
    await wizard.getByLabel('导入为').selectOption('facilities')
    await wizard.getByRole('button', { name: '上传并分析' }).click()
    await expect.poll(step).toBe('mapping')
    await wizard.getByLabel('坐标系', { exact: true }).selectOption('gcj02')
    await wizard.getByLabel('经度列').selectOption('lon')
    await wizard.getByLabel('纬度列').selectOption('lat')
    expect(await mapping.locator('tr[data-field="facilityType"] select').inputValue()).toBe('类型')
    await page.screenshot({ path: path.join(screenshots, 'exchange-import-mapping.png'), fullPage: true })
    await wizard.getByRole('button', { name: '检查' }).click()
    await expect.poll(step).toBe('check')
    expect(Number(await count('valid')) + Number(await count('warning'))).toBe(2)
    await wizard.getByRole('button', { name: /^导入 2 个要素$/ }).click()
    await expect.poll(step).toBe('done')
    expect(await wizard.getByTestId('import-result').getAttribute('data-created')).toBe('2')
    // Stored in WGS84: within a few metres of where the facilities are, not 500 m off as GCJ-02 would put them.
    const stored = await knex('facilities')
      .whereLike('code', 'SURVEY-FAC-%')
      .orderBy('code')
      .select('code', knex.raw('ST_X(geom) as x'), knex.raw('ST_Y(geom) as y'))
    expect(stored.map((f) => f.code)).toEqual(surveyFacilities.map((f) => f.code))
    stored.forEach((f, i) => {
      const [lon, lat] = surveyFacilities[i]?.wgs84 ?? []
      expect(Math.abs(Number(f.x) - (lon ?? 0))).toBeLessThan(0.00005)
      expect(Math.abs(Number(f.y) - (lat ?? 0))).toBeLessThan(0.00005)
    })

    // Roll the CSV import back: its two facilities go, the buildings stay.
    const csvRow = history.locator('tr', { hasText: 'survey-facilities-gcj02.csv' })
    await expect.poll(() => csvRow.getAttribute('data-status')).toBe('committed')
    await csvRow.getByRole('button', { name: '撤销' }).click()
    const confirm = page.getByTestId('rollback-dialog')
    await confirm.getByRole('button', { name: '撤销导入' }).click()
    await expect.poll(() => csvRow.getAttribute('data-status')).toBe('rolled_back')
    expect(await countCodes('facilities', 'SURVEY-FAC-')).toBe(0)
    expect(await countCodes('buildings', 'SURVEY-WFY-')).toBe(3)
    expect(await shapefileRow.getAttribute('data-status')).toBe('committed')
    await page.context().close()
  })
})

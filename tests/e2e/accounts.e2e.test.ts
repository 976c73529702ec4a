// People with different roles use Renewal Atlas in a real browser against the real API: what each role is offered,
// a planner's edit and its history, two people editing one compound at once, an administrator restoring a version
// and undeleting a compound, signing out, and the sign-in page when reading is not public.
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { type Credentials, createUser } from '../support/auth.ts'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const haveBrowser = existsSync(executablePath)
if (!haveBrowser && !process.env.CI) {
  console.warn(
    `browser tests skipped: no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`,
  )
}
const screenshots = path.resolve(import.meta.dirname, '../../test-results')

/** 沙河街道: the planner's street in these tests. */
const SHAHE = '510104030'

interface CompoundRef {
  id: number
  name: string
  households: number
  streetCode: string
}

/** Compounds of a street (or of every other street), as the API lists them. */
async function compoundsOf(app: TestApp, street: string, limit = 5): Promise<CompoundRef[]> {
  const res = await app.get(`/api/v1/compounds?street=${street}&limit=${limit}`)
  if (res.status !== 200) throw new Error(`listing compounds of ${street}: ${res.status}`)
  const page = (await res.json()) as {
    features: { properties: { id: number; name: string; households: number; streetCode: string } }[]
  }
  return page.features.map(({ properties: p }) => ({
    id: p.id,
    name: p.name,
    households: p.households,
    streetCode: p.streetCode,
  }))
}

async function compoundProperties(app: TestApp, id: number): Promise<Record<string, unknown>> {
  const res = await app.get(`/api/v1/compounds/${id}`)
  if (res.status !== 200) throw new Error(`compound ${id}: ${res.status}`)
  return ((await res.json()) as { properties: Record<string, unknown> }).properties
}

const launchOptions = {
  executablePath,
  args: [
    '--no-sandbox',
    '--enable-unsafe-swiftshader',
    '--use-angle=swiftshader',
    '--disable-background-networking',
  ],
}

describe.skipIf(!haveBrowser && !process.env.CI)('accounts, roles and editing in headless Chromium', () => {
  let app: TestApp
  let browser: Browser
  let viewer: Credentials
  let planner: Credentials
  let admin: Credentials
  let inShahe: CompoundRef[]
  let elsewhere: CompoundRef

  const contexts: BrowserContext[] = []

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (error) => console.error('page error:', error.message))
    return page
  }

  /** Open the app with a compound chosen (the panel opens from the URL) and wait for its details. */
  async function openCompound(page: Page, id: number): Promise<void> {
    await page.goto(`${app.url}/#c=${id}`)
    await page
      .locator(`aside.compound-panel[data-compound-id="${id}"] [data-testid="compound-details"]`)
      .waitFor()
  }

  async function signIn(page: Page, who: Credentials, screenshot?: string): Promise<void> {
    await page.getByTestId('sign-in-button').click()
    const dialog = page.getByTestId('sign-in-dialog')
    if (screenshot) await page.screenshot({ path: screenshot })
    await dialog.getByLabel('用户名').fill(who.username)
    await dialog.getByLabel('密码').fill(who.password)
    await dialog.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => page.getByTestId('account-button').getAttribute('data-role')).toBe(who.role)
  }

  const panel = (page: Page) => page.locator('aside.compound-panel')
  const editButton = (page: Page) => panel(page).getByRole('button', { name: '编辑', exact: true })

  beforeAll(async () => {
    app = await startTestApp('embedded')
    const db = app.server.db
    viewer = await createUser(db, { role: 'viewer' })
    planner = await createUser(db, { role: 'planner', streets: [SHAHE] })
    admin = await createUser(db, { role: 'admin' })
    inShahe = await compoundsOf(app, SHAHE, 5)
    const streets = (await (await app.get('/api/v1/streets')).json()) as {
      features: { properties: { code: string } }[]
    }
    const other = streets.features.map((f) => f.properties.code).find((code) => code !== SHAHE)
    if (!other || inShahe.length < 4) throw new Error('the demo data needs 沙河街道 and another street')
    const [first] = await compoundsOf(app, other, 1)
    if (!first) throw new Error(`street ${other} has no compound`)
    elsewhere = first
    browser = await chromium.launch(launchOptions)
    mkdirSync(screenshots, { recursive: true })
  })
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    await browser?.close()
    await app?.close()
  })

  it('when a viewer signs in, then the header shows their role and no compound offers 编辑 or 删除', async () => {
    const page = await newPage()
    await openCompound(page, inShahe[0]?.id ?? 0)
    await signIn(page, viewer, '/tmp/acc-sign-in-dialog.png')
    await expect.poll(() => page.getByTestId('account-button').textContent()).toContain('只读用户')
    await panel(page).getByTestId('compound-details').waitFor()
    expect(await editButton(page).count()).toBe(0)
    expect(await panel(page).getByRole('button', { name: '删除' }).count()).toBe(0)
    // The viewer may read the dashboard but not download it.
    expect(await page.getByRole('tab', { name: '统计' }).count()).toBe(1)
    await page.getByTestId('account-button').click()
    expect(await page.getByRole('button', { name: '用户管理' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '访问令牌' }).count()).toBe(1)
  })

  it('when a planner edits a compound of their street, then the change stays after a reload and shows in 历史记录', async () => {
    const target = inShahe[0] as CompoundRef
    const page = await newPage()
    await openCompound(page, target.id)
    await signIn(page, planner)
    await editButton(page).click()
    const form = page.getByTestId('compound-edit-form')

    // Checked in the browser with the API's own rules before anything is sent.
    await form.getByLabel('改造状态').selectOption('completed')
    await form.getByLabel('改造年份').fill('')
    await form.getByRole('button', { name: '保存' }).click()
    await expect
      .poll(() => form.locator('[data-field="renovationYear"] .form-error').textContent())
      .toContain('须填写改造年份')
    await page.screenshot({ path: '/tmp/acc-edit-form.png' })
    await form.getByRole('button', { name: '取消' }).click()

    // The tiles the map asks for, by layer: each URL carries the revision the API gives the layer.
    const tileUrls = () =>
      page.evaluate(() =>
        Object.fromEntries(
          ['compounds', 'compound-labels', 'buildings', 'facilities', 'roads'].map((id) => [
            id,
            (window.__atlasMap?.getSource(id) as { tiles?: string[] } | undefined)?.tiles?.[0] ?? '',
          ]),
        ),
      )
    const before = await tileUrls()
    expect(before.compounds).toMatch(/\?rev=[\w.]+$/)
    await editButton(page).click()
    const households = target.households + 7
    await form.getByLabel('户数', { exact: true }).fill(String(households))
    await form.getByRole('button', { name: '保存' }).click()
    await panel(page).getByText('已保存').waitFor()
    expect((await compoundProperties(app, target.id)).households).toBe(households)
    // The API stepped the revisions of the layers whose tiles the edit changed: those are asked anew, the others not.
    await expect.poll(async () => (await tileUrls()).compounds).not.toBe(before.compounds)
    const urls = await tileUrls()
    expect(urls['compound-labels']).not.toBe(before['compound-labels'])
    // Building tiles carry their compound's filter fields (old, status), so they are asked anew too.
    expect(urls.buildings).not.toBe(before.buildings)
    expect(urls.facilities).toBe(before.facilities)
    expect(urls.roads).toBe(before.roads)

    await page.reload()
    await panel(page).getByTestId('compound-details').waitFor()
    await expect
      .poll(() => panel(page).locator('dd[data-field="households"]').textContent())
      .toContain(String(households))

    await panel(page).getByRole('tab', { name: '历史记录' }).click()
    const entry = panel(page).locator('.history__entry').first()
    await entry.waitFor()
    expect(await entry.getAttribute('data-action')).toBe('update')
    expect(await entry.textContent()).toContain(planner.username)
    const change = entry.locator('li[data-field="households"]')
    expect(await change.locator('.history__before').textContent()).toBe(
      target.households.toLocaleString('zh-CN'),
    )
    expect(await change.locator('.history__after').textContent()).toBe(households.toLocaleString('zh-CN'))
    await page.screenshot({ path: '/tmp/acc-history.png' })
  })

  it('when a planner opens a compound outside their streets, then there is no 编辑 and the panel says why', async () => {
    const page = await newPage()
    await openCompound(page, elsewhere.id)
    await signIn(page, planner)
    await panel(page).getByTestId('outside-streets').waitFor()
    expect(await editButton(page).count()).toBe(0)
    // Whereas in their own street the same planner is offered it.
    await openCompound(page, inShahe[1]?.id ?? 0)
    await editButton(page).waitFor()
  })

  it('when two people save the same compound, then the second sees both versions and can re-apply their change', async () => {
    const target = inShahe[2] as CompoundRef
    const first = await newPage()
    const second = await newPage()
    for (const page of [first, second]) {
      await openCompound(page, target.id)
      await signIn(page, planner)
      await editButton(page).click()
    }
    const renamed = `${target.name}（东区）`
    const households = target.households + 11

    const firstForm = first.getByTestId('compound-edit-form')
    await firstForm.getByLabel('小区名称').fill(renamed)
    await firstForm.getByRole('button', { name: '保存' }).click()
    await panel(first).getByText('已保存').waitFor()

    const secondForm = second.getByTestId('compound-edit-form')
    await secondForm.getByLabel('户数', { exact: true }).fill(String(households))
    await secondForm.getByRole('button', { name: '保存' }).click()
    const dialog = second.getByTestId('conflict-dialog')
    await dialog.waitFor()
    expect(await dialog.getByRole('heading').textContent()).toBe('有人已修改此小区')
    const nameRow = dialog.locator('tr[data-field="name"]')
    expect(await nameRow.getAttribute('data-differs')).toBe('true')
    expect(await nameRow.locator('[data-side="mine"]').textContent()).toBe(target.name)
    expect(await nameRow.locator('[data-side="current"]').textContent()).toBe(renamed)
    const householdsRow = dialog.locator('tr[data-field="households"]')
    expect(await householdsRow.getAttribute('data-differs')).toBe('true')
    expect(await householdsRow.textContent()).toContain('您修改的')
    expect(await dialog.locator('tr[data-field="address"]').getAttribute('data-differs')).toBe('false')
    await second.screenshot({ path: '/tmp/acc-conflict.png' })

    await dialog.getByRole('button', { name: '在最新版本上重新应用我的修改' }).click()
    await panel(second).getByText('已保存').waitFor()
    const now = await compoundProperties(app, target.id)
    expect(now.name).toBe(renamed)
    expect(now.households).toBe(households)
  })

  it('when an administrator restores an earlier version, then the compound is as it was after that change', async () => {
    // The compound of the previous test: first renamed, then its households changed on top.
    const target = inShahe[2] as CompoundRef
    const page = await newPage()
    await openCompound(page, target.id)
    await signIn(page, admin)
    await panel(page).getByRole('tab', { name: '历史记录' }).click()
    const entries = panel(page).locator('.history__entry')
    await expect.poll(() => entries.count()).toBe(2)
    expect(await entries.first().locator('.history__current').count()).toBe(1)
    await entries.nth(1).getByRole('button', { name: '恢复到此版本' }).click()
    await page.getByTestId('restore-dialog').getByRole('button', { name: '恢复' }).click()
    await expect
      .poll(async () => (await compoundProperties(app, target.id)).households)
      .toBe(target.households)
    expect((await compoundProperties(app, target.id)).name).toBe(`${target.name}（东区）`)
    await expect.poll(() => entries.first().getAttribute('data-action')).toBe('restore')
    await expect.poll(() => entries.count()).toBe(3)
  })

  it('when an administrator deletes a compound and undeletes it under 已删除小区, then it is back', async () => {
    const target = inShahe[3] as CompoundRef
    const page = await newPage()
    await openCompound(page, target.id)
    await signIn(page, admin)
    await panel(page).getByRole('button', { name: '删除' }).click()
    const confirm = page.getByTestId('delete-dialog')
    expect(await confirm.textContent()).toContain('管理员可以在“已删除小区”中恢复')
    await confirm.getByRole('button', { name: '删除' }).click()
    await expect.poll(() => page.locator('aside.compound-panel').count()).toBe(0)
    expect((await app.get(`/api/v1/compounds/${target.id}`)).status).toBe(404)

    await page.getByTestId('account-button').click()
    await page.getByRole('button', { name: '已删除小区' }).click()
    const row = page.getByTestId('deleted-table').locator(`tr[data-compound-id="${target.id}"]`)
    await row.waitFor()
    expect(await row.textContent()).toContain(target.name)
    await row.getByRole('button', { name: '恢复' }).click()
    await page.getByText(`已恢复“${target.name}”`).waitFor()
    expect((await app.get(`/api/v1/compounds/${target.id}`)).status).toBe(200)
    await expect.poll(() => row.count()).toBe(0)
  })

  it('when an administrator opens 用户管理, then a new planner gets a one-time password shown once', async () => {
    const page = await newPage()
    await page.goto(`${app.url}/`)
    await signIn(page, admin)
    await page.getByTestId('account-button').click()
    await page.getByRole('button', { name: '用户管理' }).click()
    const form = page.getByTestId('user-create-form')
    await form.getByLabel('用户名').fill('e2e-new-planner')
    await form.getByLabel('姓名').fill('新规划员')
    await form.getByLabel('角色').selectOption('planner')
    await form.getByLabel('沙河街道').check()
    await form.getByRole('button', { name: '创建用户' }).click()
    const secret = page.getByTestId('one-time-password')
    await secret.waitFor()
    const password = (await secret.locator('code').textContent()) ?? ''
    expect(password.length).toBeGreaterThanOrEqual(10)
    const row = page.getByTestId('users-table').locator('tr[data-username="e2e-new-planner"]')
    await row.waitFor()
    expect(await row.textContent()).toContain('沙河街道')
    await page.screenshot({ path: '/tmp/acc-users.png', fullPage: true })
  })

  it('when a signed-in user signs out, then the page is anonymous again', async () => {
    const page = await newPage()
    await openCompound(page, inShahe[1]?.id ?? 0)
    await signIn(page, planner)
    await editButton(page).waitFor()
    await page.getByTestId('account-button').click()
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.getByTestId('sign-in-button').waitFor()
    const session = await page.evaluate(() => fetch('/api/v1/auth/session').then((r) => r.json()))
    expect(session.authenticated).toBe(false)
    await openCompound(page, inShahe[1]?.id ?? 0)
    expect(await editButton(page).count()).toBe(0)
  })
})

describe.skipIf(!haveBrowser && !process.env.CI)('with public reading turned off', () => {
  let app: TestApp
  let browser: Browser
  let viewer: Credentials

  beforeAll(async () => {
    app = await startTestApp('embedded', { publicRead: false, rateLimits: { loginPerUser: 2 } })
    viewer = await createUser(app.server.db, { role: 'viewer' })
    browser = await chromium.launch(launchOptions)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('when nobody is signed in, then the sign-in page shows instead of the map, and signing in opens the app', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${app.url}/`)
    await page.getByTestId('sign-in-required').waitFor()
    expect(await page.locator('.map-view').count()).toBe(0)
    await page.screenshot({ path: '/tmp/acc-sign-in.png' })
    await page.getByLabel('用户名').fill(viewer.username)
    await page.getByLabel('密码').fill(viewer.password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByTestId('account-button').waitFor()
    await page.waitForSelector('html[data-map-ready="true"]', { timeout: 90_000 })
    await page.close()
  })

  it('when a password is wrong too often, then the page says so and asks to wait', async () => {
    const page = await browser.newPage()
    await page.goto(`${app.url}/`)
    await page.getByTestId('sign-in-required').waitFor()
    const error = page.locator('.sign-in-form .form-error')
    const statuses: number[] = []
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.getByLabel('用户名').fill(viewer.username)
      await page.getByLabel('密码').fill('not-the-password')
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
        page.getByRole('button', { name: '登录' }).click(),
      ])
      statuses.push(answer.status())
      if (answer.status() === 401) await expect.poll(() => error.textContent()).toBe('用户名或密码不正确')
    }
    // Two failed sign-ins are allowed in this app; the third is refused before the password is checked.
    expect(statuses).toEqual([401, 401, 429])
    await expect.poll(() => error.getAttribute('data-refusal')).toMatch(/^refusal\.rateLimited/)
    expect(await error.textContent()).toContain('操作过于频繁，请稍后再试')
    await page.close()
  })
})

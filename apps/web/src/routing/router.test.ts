// @vitest-environment happy-dom
import { createMemoryHistory } from '@tanstack/history'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import type { AtlasSearch } from './atlas-search.ts'
import { hashOf, routerHrefOf } from './hash-history.ts'
import { createAtlasRouter } from './router.tsx'

async function openLink(hash: string) {
  const history = createMemoryHistory({ initialEntries: [routerHrefOf(hash)] })
  const router = createAtlasRouter(new QueryClient(), history)
  await router.load()
  return { router, history }
}

function pageOf(router: Awaited<ReturnType<typeof openLink>>['router']): string {
  return router.state.matches.at(-1)?.routeId ?? ''
}

describe('the router', () => {
  it('opens a shared map link on the map with its position, theme, filters, compound and language', async () => {
    const { router } = await openLink(
      '#map=13.5/30.6512/104.0812&theme=era&street=510104001&status=planned,completed&built=1980-1999&c=42&lang=en',
    )
    expect(pageOf(router)).toBe('/')
    expect(router.state.location.search).toEqual({
      position: { zoom: 13.5, center: [104.0812, 30.6512] },
      theme: 'era',
      filters: { street: '510104001', status: ['planned', 'completed'], builtFrom: 1980, builtTo: 1999 },
      compoundId: 42,
      language: 'en',
    })
  })

  it('opens a shared dashboard link on the dashboard with its street and years', async () => {
    const { router } = await openLink('#view=dashboard&street=510104017&years=2019-2023')
    expect(pageOf(router)).toBe('/dashboard')
    expect(router.state.location.search).toMatchObject({
      filters: { street: '510104017' },
      years: { from: 2019, to: 2023 },
    })
  })

  it.each([
    ['#view=users', '/users'],
    ['#view=imports', '/imports'],
    ['#view=audit', '/audit'],
    ['#view=deleted', '/deleted'],
    ['#view=account', '/account'],
    ['#c=42', '/'],
  ])('opens %s on the page %s', async (hash, page) => {
    const { router } = await openLink(hash)
    expect(pageOf(router)).toBe(page)
  })

  it('keeps the view when changing page, in a new history entry that Back leaves', async () => {
    const { router, history } = await openLink('#street=510104017&c=42&lang=en')
    await router.navigate({ to: '/dashboard', search: (current: AtlasSearch) => current })
    expect(history.length).toBe(2)
    expect(hashOf(history.location.href)).toBe('view=dashboard&street=510104017&c=42&lang=en')
    history.back()
    await router.load()
    expect(pageOf(router)).toBe('/')
    expect(router.state.location.search).toMatchObject({ filters: { street: '510104017' }, compoundId: 42 })
  })

  it('replaces the entry when only the view changes (moving the map does not fill the history)', async () => {
    const { router, history } = await openLink('#c=42')
    await router.navigate({
      to: '.',
      search: (current: AtlasSearch) => ({ ...current, position: { zoom: 15, center: [104.08, 30.65] } }),
      replace: true,
    })
    expect(history.length).toBe(1)
    expect(hashOf(history.location.href)).toBe('map=15.00/30.65000/104.08000&c=42')
  })
})

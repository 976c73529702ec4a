import { describe, expect, it } from 'vitest'
import { hashOf, routerHrefOf } from './hash-history.ts'

/** Links users have shared, and the router location each must open. */
const sharedLinks = [
  [
    '#map=13.5/30.6512/104.0812&theme=era&street=510104001&status=planned,completed&built=1980-1999&c=42&lang=en',
    '/?map=13.5/30.6512/104.0812&theme=era&street=510104001&status=planned,completed&built=1980-1999&c=42&lang=en',
  ],
  ['#view=dashboard&street=510104017&years=2019-2023', '/dashboard?street=510104017&years=2019-2023'],
  ['#view=users', '/users'],
  ['#view=imports', '/imports'],
  ['#c=42', '/?c=42'],
  ['', '/'],
] as const

describe('the hash history', () => {
  it.each(sharedLinks)('opens the shared link %s at %s', (hash, href) => {
    expect(routerHrefOf(hash)).toBe(href)
  })

  it.each(sharedLinks)('writes %s back in the same form', (hash, href) => {
    expect(hashOf(href)).toBe(hash.replace(/^#/, ''))
  })

  it('reads view=map as the map, and a view in the middle of the link as its page', () => {
    expect(routerHrefOf('#view=map&c=7')).toBe('/?c=7')
    expect(routerHrefOf('#street=510104017&view=dashboard')).toBe('/dashboard?street=510104017')
  })

  it('opens the map for a view that is no page name', () => {
    expect(routerHrefOf('#view=../admin')).toBe('/')
  })
})

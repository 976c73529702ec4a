import { describe, expect, it } from 'vitest'
import { decodeUrlState, encodeUrlState, type UrlState } from './url-state.ts'

describe('the URL state', () => {
  it('round-trips position, theme, filters, the selected compound and the language', () => {
    const state: UrlState = {
      position: { zoom: 14.25, center: [104.08123, 30.65432] },
      theme: 'coverage-community',
      filters: {
        street: '510104001',
        community: '510104001001',
        status: ['planned', 'under_way'],
        onRegister: true,
        builtFrom: 1980,
        builtTo: 1999,
        householdsMin: 100,
      },
      compoundId: 42,
      language: 'en',
    }
    const hash = encodeUrlState(state)
    expect(hash).toContain('map=14.25/30.65432/104.08123')
    expect(hash).toContain('status=planned,under_way')
    expect(hash).toContain('hh=100-')
    expect(decodeUrlState(`#${hash}`)).toEqual(state)
  })

  it('round-trips the dashboard with its street and renovation-year range', () => {
    const state: UrlState = {
      view: 'dashboard',
      theme: 'status',
      filters: { street: '510104017' },
      years: { from: 2019, to: 2023 },
    }
    const hash = encodeUrlState(state)
    expect(hash).toBe('view=dashboard&street=510104017&years=2019-2023')
    expect(decodeUrlState(`#${hash}`)).toEqual(state)
    expect(decodeUrlState('#view=dashboard&years=2020-')).toEqual({
      view: 'dashboard',
      theme: 'status',
      filters: {},
      years: { from: 2020 },
    })
  })

  it('ignores a year range outside the years statistics accept, and unknown views', () => {
    expect(decodeUrlState('#view=report&years=1200-2023')).toEqual({
      theme: 'status',
      filters: {},
      years: { to: 2023 },
    })
    expect(decodeUrlState('#years=2023-2019')).toEqual({ theme: 'status', filters: {} })
  })

  it('round-trips the account pages, and leaves the map page out', () => {
    for (const view of ['account', 'users', 'audit', 'deleted'] as const) {
      const hash = encodeUrlState({ view, theme: 'status', filters: {} })
      expect(hash).toBe(`view=${view}`)
      expect(decodeUrlState(`#${hash}`).view).toBe(view)
    }
    expect(encodeUrlState({ view: 'map', theme: 'status', filters: {} })).toBe('')
  })

  it('leaves the defaults out', () => {
    expect(encodeUrlState({ theme: 'status', filters: {} })).toBe('')
    expect(decodeUrlState('')).toEqual({ theme: 'status', filters: {} })
  })

  it('ignores malformed values instead of failing', () => {
    expect(
      decodeUrlState('#map=99/1/2&theme=nope&street=12&status=bogus&built=2000-1990&hh=x&c=-3&lang=fr'),
    ).toEqual({ theme: 'status', filters: {} })
  })
})

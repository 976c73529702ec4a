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

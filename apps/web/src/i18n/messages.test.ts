import { describe, expect, it } from 'vitest'
import { languages, messageNamespaces, messages, translate } from './messages.ts'

describe('the translation table', () => {
  it('defines every key in exactly one namespace', () => {
    const seen = new Map<string, number>()
    for (const namespace of messageNamespaces) {
      for (const key of Object.keys(namespace.zh)) seen.set(key, (seen.get(key) ?? 0) + 1)
    }
    expect([...seen].filter(([, count]) => count > 1)).toEqual([])
    expect(Object.keys(messages['zh-CN']).length).toBe(seen.size)
  })

  it('has the same keys in every language', () => {
    const keys = Object.keys(messages['zh-CN']).sort()
    for (const language of languages) {
      expect(Object.keys(messages[language]).sort()).toEqual(keys)
    }
  })

  // The UI's web font is Noto Sans SC, which draws curly quotes and apostrophes full width, as Chinese sets them:
  // in English they would open a gap (Residents’ suggestions). English text uses straight ones.
  it('writes English without the quotes the Chinese font draws full width', () => {
    const curly = Object.entries(messages.en).filter(([, text]) => /[‘’“”]/.test(text))
    expect(curly).toEqual([])
  })

  it('fills placeholders in the chosen language', () => {
    expect(translate('zh-CN', 'filters.matching', { count: '1,189' })).toBe('符合条件的小区：1,189 个')
    expect(translate('en', 'filters.matching', { count: '1,189' })).toBe('1,189 matching compounds')
  })
})

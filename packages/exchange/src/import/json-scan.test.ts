import { describe, expect, it } from 'vitest'
import { FileRejected } from '../errors.ts'
import { ELIDED_ARRAY_MARKER, guardJsonText, parseJsonSafely } from './json-scan.ts'

describe('the scan before JSON.parse', () => {
  it('refuses nesting deeper than the limit and says how deep it went', () => {
    const deep = `${'{"a":'.repeat(70)}1${'}'.repeat(70)}`
    expect(() => guardJsonText(deep)).toThrowError(
      new FileRejected('json_too_deep', 'JSON is nested 70 levels deep (limit 64)'),
    )
  })

  it('does not count brackets inside strings', () => {
    const text = `{"name":"${'['.repeat(200)}\\"{{"}`
    expect(guardJsonText(text)).toBe(text)
  })

  it('cuts an array of too many positions out of the text, keeping its count', () => {
    const ring = Array.from({ length: 6 }, (_, i) => `[${i},0]`).join(',')
    const text = `{"coordinates":[[${ring}]],"after":[1,2]}`
    const guarded = guardJsonText(text, { maxDepth: 64, maxArrayOfArrays: 5 })
    expect(JSON.parse(guarded)).toEqual({ coordinates: [`${ELIDED_ARRAY_MARKER}6`], after: [1, 2] })
  })

  it('leaves arrays at the limit alone', () => {
    const ring = Array.from({ length: 5 }, (_, i) => `[${i},0]`).join(',')
    const text = `{"coordinates":[[${ring}]]}`
    expect(guardJsonText(text, { maxDepth: 64, maxArrayOfArrays: 5 })).toBe(text)
  })
})

describe('parsing', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s, however it is spelled', (key) => {
    const escaped = key.replace(/o/g, '\\u006f')
    expect(() => parseJsonSafely(`{"properties":{"${escaped}":{"polluted":true}}}`)).toThrowError(
      new FileRejected('json_invalid', `JSON key "${key}" is not allowed (it could alter object prototypes)`),
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reports broken JSON as json_invalid with the parser’s reason', () => {
    expect(() => parseJsonSafely('{"a":')).toThrowError(/The file is not valid JSON: /)
  })
})

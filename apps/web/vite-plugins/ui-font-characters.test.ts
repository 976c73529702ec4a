import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { notoSansScFile } from './font-sources.ts'
import { codePointsOf } from './fontnik.ts'
import { gb2312Level1, productText, splitCharacters, unicodeRangeOf } from './ui-font-characters.ts'

const points = (text: string) => [...text].map((char) => char.codePointAt(0) as number)

describe('the characters of the UI web font', () => {
  it('GB 2312 level 1 is its 3,755 common characters, from 啊 to 座', () => {
    const level1 = [...gb2312Level1()]
    expect(level1).toHaveLength(3755)
    expect(level1[0]).toBe('啊')
    expect(level1.at(-1)).toBe('座')
  })

  it('puts Latin, punctuation and the wanted characters in the first file and the rest of the font in the second', () => {
    const font = points('AZaz09，。、五福苑犇鑫')
    const split = splitCharacters(
      font.sort((a, b) => a - b),
      '五福苑',
    )
    expect(String.fromCodePoint(...split.common)).toBe('09AZaz、。五福苑，')
    expect(String.fromCodePoint(...split.rest)).toBe('犇鑫')
  })

  it('writes the second file’s range as whole blocks of 256, adjacent blocks joined', () => {
    expect(unicodeRangeOf(points('犇鑫'))).toBe('U+7200-72FF, U+9400-94FF')
    expect(unicodeRangeOf([0x4e00, 0x4f01, 0x50ff])).toBe('U+4E00-50FF')
  })

  it('the first file holds every Chinese character of the translation table, the domain and the demo data', async () => {
    const text = productText()
    for (const words of ['筛选小区', '已完成改造', '五福苑', '锦江区', '马家沟'])
      expect(text).toContain(words)
    const font = await codePointsOf(readFileSync(notoSansScFile(400)))
    const split = splitCharacters(font, gb2312Level1() + text)
    const common = new Set(split.common)
    const han = new Set(points(text).filter((point) => /\p{Script=Han}/u.test(String.fromCodePoint(point))))
    const missing = [...han].filter((point) => !common.has(point))
    expect(String.fromCodePoint(...missing)).toBe('')
    expect(split.common.length + split.rest.length).toBe(font.length)
  })
})

import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { FileRejected } from '../errors.ts'
import { decodeUpload, firstInvalidGbk, firstInvalidUtf8 } from './text.ts'

const CHINESE = 'code,name\nWFY-001,五福苑小区 锦江区 成都市\n'
const gbk = new Uint8Array(iconv.encode(CHINESE, 'gbk'))
const utf8 = new Uint8Array(Buffer.from(CHINESE, 'utf8'))

function rejection(run: () => unknown): FileRejected {
  try {
    run()
  } catch (error) {
    if (error instanceof FileRejected) return error
    throw error
  }
  throw new Error('expected a FileRejected')
}

describe('telling UTF-8 from GBK', () => {
  it('detects UTF-8 and GBK text and decodes both to the same words', () => {
    expect(decodeUpload(utf8, 'auto', 'a.csv')).toEqual({ text: CHINESE, encoding: 'utf-8' })
    expect(decodeUpload(gbk, 'auto', 'a.csv')).toEqual({ text: CHINESE, encoding: 'gbk' })
  })

  it('reads GBK text with the four-byte GB18030 forms', () => {
    const rare = '𠀀㐀'
    expect(decodeUpload(new Uint8Array(iconv.encode(rare, 'gb18030')), 'gbk', 'a.csv').text).toBe(rare)
  })

  it('drops a UTF-8 byte order mark and trusts it over a GBK declaration', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])
    expect(decodeUpload(withBom, 'gbk', 'a.csv')).toEqual({ text: CHINESE, encoding: 'utf-8' })
  })

  it('refuses GBK text declared UTF-8, saying where it breaks and that it reads as GBK', () => {
    const error = rejection(() => decodeUpload(gbk, 'utf-8', 'survey.csv'))
    expect(error.code).toBe('encoding_invalid')
    expect(error.reason).toMatch(
      /^survey\.csv was declared UTF-8 but byte 0x.. at offset 18 \(line 2\) is not UTF-8; it reads as GBK/,
    )
  })

  it('refuses UTF-8 Chinese declared GBK, where it breaks GBK', () => {
    const error = rejection(() => decodeUpload(utf8, 'gbk', 'survey.csv'))
    expect(error.code).toBe('encoding_invalid')
    expect(error.reason).toMatch(/is not GBK; it reads as UTF-8/)
  })

  it('refuses UTF-8 Chinese declared GBK even where the bytes happen to pair up as GBK', () => {
    const pairsUp = new Uint8Array(Buffer.from('中文', 'utf8'))
    expect(firstInvalidGbk(pairsUp)).toBe(-1)
    const error = rejection(() => decodeUpload(pairsUp, 'gbk', 'survey.csv'))
    expect(error.reason).toContain('its text is valid UTF-8')
  })

  it('accepts ASCII text declared either way', () => {
    const ascii = new Uint8Array(Buffer.from('code,lon,lat\nA,104.06,30.66\n'))
    expect(decodeUpload(ascii, 'gbk', 'a.csv').encoding).toBe('gbk')
    expect(decodeUpload(ascii, 'utf-8', 'a.csv').encoding).toBe('utf-8')
  })

  it('refuses bytes that are neither, naming both breaks', () => {
    const error = rejection(() => decodeUpload(new Uint8Array([0x61, 0x0a, 0xff, 0x62]), 'auto', 'x.csv'))
    expect(error.reason).toBe(
      'x.csv is neither UTF-8 (byte 0xFF at offset 2 (line 2)) nor GBK (byte 0xFF at offset 2 (line 2))',
    )
  })

  it('refuses UTF-16 with what to do instead', () => {
    const error = rejection(() => decodeUpload(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'auto', 'x.csv'))
    expect(error.reason).toContain('UTF-16')
  })
})

describe('validators', () => {
  it('finds overlong, surrogate and cut UTF-8 sequences', () => {
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0)
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xed, 0xa0, 0x80]))).toBe(1)
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe4, 0xb8]))).toBe(1)
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe4, 0xb8]), 0, 3, true)).toBe(-1)
  })

  it('finds bytes GBK never uses, which the platform decoder would skip silently', () => {
    expect(firstInvalidGbk(new Uint8Array([0xd6, 0xd0, 0xff]))).toBe(2)
    expect(firstInvalidGbk(new Uint8Array([0xd6, 0x20]))).toBe(0)
    expect(firstInvalidGbk(gbk)).toBe(-1)
  })
})

import { describe, expect, it } from 'vitest'
import { MINUS, numberFormat } from './number-format.ts'

const zh = numberFormat('zh')
const en = numberFormat('en')
const minus = (text: string) => text.replaceAll('-', MINUS)

describe('counts and decimals', () => {
  it('write whole numbers with thousands separators in both languages', () => {
    expect(zh.count(1189)).toBe('1,189')
    expect(en.count(54000)).toBe('54,000')
    expect(zh.count(4017390.4)).toBe('4,017,390')
  })

  it('round half away from zero and write negatives with the minus sign, never −0', () => {
    expect(en.count(2.5)).toBe('3')
    expect(en.count(-2.5)).toBe(minus('-3'))
    expect(zh.count(-0.4)).toBe('0')
    expect(zh.decimal(-0.04)).toBe('0')
    expect(zh.count(-1234)).toBe(minus('-1,234'))
  })

  it('keep up to the asked decimals, or exactly that many', () => {
    expect(zh.decimal(68.5)).toBe('68.5')
    expect(zh.decimal(82)).toBe('82')
    expect(en.decimal(82.0333, 2)).toBe('82.03')
    expect(en.fixed(88, 1)).toBe('88.0')
    expect(zh.fixed(57.75, 1)).toBe('57.8')
  })
})

describe('percentages and signed changes', () => {
  it('write 477 ÷ 751 as 63.5% in both languages', () => {
    expect(zh.percent(477 / 751)).toBe('63.5%')
    expect(en.percent(477 / 751)).toBe('63.5%')
    expect(en.percent(0.5)).toBe('50.0%')
    expect(en.percent(1 / 3, 0)).toBe('33%')
  })

  it('sign a change, with the minus sign for a fall and no sign for none', () => {
    expect(zh.signed(758230)).toBe('+758,230')
    expect(en.signed(-2)).toBe(`${MINUS}2`)
    expect(en.signed(0)).toBe('0')
    expect(en.signed(0.3)).toBe('0')
    expect(zh.signed(-0.167, (abs) => zh.percent(abs))).toBe(`${MINUS}16.7%`)
  })

  it('write a change of a share in percentage points', () => {
    expect(zh.points(0.051)).toBe('+5.1个百分点')
    expect(en.points(-0.111)).toBe(`${MINUS}11.1 pp`)
    expect(en.points(0)).toBe('0.0 pp')
  })
})

describe('money', () => {
  it('is written in 元, 万元 and 亿元 for Chinese readers', () => {
    expect(zh.money(8500)).toBe('8,500元')
    expect(zh.money(45_600)).toBe('4.6万元')
    expect(zh.money(17_120_000)).toBe('1,712万元')
    expect(zh.money(123_456_789)).toBe('1.23亿元')
  })

  it('is written with ¥ and k, M and B for English readers', () => {
    expect(en.money(8500)).toBe('¥8,500')
    expect(en.money(45_600)).toBe('¥46k')
    expect(en.money(17_120_000)).toBe('¥17.12M')
    expect(en.money(2_345_678_901)).toBe('¥2.35B')
  })

  it('moves to the larger unit when rounding reaches it', () => {
    expect(zh.money(99_999_999)).toBe('1亿元')
    expect(zh.money(999_960)).toBe('100万元')
    expect(en.money(999_600)).toBe('¥1M')
  })

  it('keeps the sign of a negative amount in front', () => {
    expect(zh.money(-45_600)).toBe(`${MINUS}4.6万元`)
    expect(en.money(-17_120_000)).toBe(`${MINUS}¥17.12M`)
  })

  it('is written without a unit on chart axes', () => {
    expect(zh.moneyShort(3_456_789)).toBe('346万')
    expect(en.moneyShort(123_456_789)).toBe('123.46M')
    expect(en.moneyShort(0)).toBe('0')
  })

  it('is written in the unit of a column heading in tables and the PDF', () => {
    expect(zh.moneyColumn.unit).toBe('万元')
    expect(zh.moneyColumn.format(794_276_500)).toBe('79,427.7')
    expect(en.moneyColumn.unit).toBe('million yuan')
    expect(en.moneyColumn.format(794_276_500)).toBe('794.28')
  })
})

describe('areas and quantities', () => {
  it('write areas in m² with the superscript, in full or in short', () => {
    expect(zh.area(12_345.4)).toBe('12,345 m²')
    expect(en.area(12_345)).toBe('12,345 m²')
    expect(zh.areaCompact(4_017_390)).toBe('402万 m²')
    expect(zh.areaCompact(758_230)).toBe('75.8万 m²')
    expect(en.areaCompact(4_017_390)).toBe('4.02M m²')
    expect(en.areaCompact(758_230)).toBe('758k m²')
    expect(zh.areaCompact(85_000)).toBe('85,000 m²')
  })

  it('write a large count in short: 万 in Chinese, k and M in English', () => {
    expect(zh.compact(3_124_600)).toBe('312万')
    expect(en.compact(3_124_600)).toBe('3.12M')
    expect(zh.compact(99_999)).toBe('99,999')
    expect(zh.signed(758_230, zh.compact)).toBe('+75.8万')
  })

  it('write a renovation item’s quantity with its unit: m2 as m², measure words in English', () => {
    expect(zh.quantity(1200, 'm2')).toBe('1,200 m²')
    expect(en.quantity(1200, 'm2')).toBe('1,200 m²')
    expect(zh.quantity(350.5, 'm')).toBe('350.5 m')
    expect(zh.quantity(12, '处')).toBe('12 处')
    expect(en.quantity(12, '处')).toBe('12 sites')
    expect(en.quantity(1, '部')).toBe('1 lift')
    expect(en.quantity(3, 'furlongs')).toBe('3 furlongs')
    expect(en.quantity(3, null)).toBe('3')
  })
})

describe('coverage', () => {
  it('is a percentage, or says there are no old compounds when there are none', () => {
    expect(zh.coverage({ oldCompounds: 7, coverage: 5 / 7 })).toBe('71.4%')
    expect(zh.coverage({ oldCompounds: 0, coverage: 0 })).toBe('无老旧小区')
    expect(en.coverage({ oldCompounds: 0, coverage: 0 })).toBe('No old compounds')
    expect(en.noOldCompounds).toBe('No old compounds')
  })
})

// How every screen, table, PDF and README writes a number, in Chinese or English: counts with thousands
// separators, percentages, signed changes, money (元/万元/亿元 in Chinese, ¥ with k/M/B in English), areas in m²
// (万 m² in Chinese when large), quantities with their unit, and "no old compounds" where a coverage has no meaning.
// The web app, the CSV/Excel tables, the PDF report and the exports' README all take their numbers from here.
import type { Label } from '../labels.ts'

export type FormatLanguage = keyof Label

/** The minus sign (U+2212), not the hyphen: "−2", "−16.7%". Downloads keep raw numbers with "-". */
export const MINUS = '\u2212'

/** The square-metre unit, with its superscript, in both languages. */
export const AREA_UNIT = 'm²'

/** Said instead of a coverage for an area with no old compounds: 0 ÷ 0 is no percentage. */
export const NO_OLD_COMPOUNDS: Label = { zh: '无老旧小区', en: 'No old compounds' }

/**
 * Units of renovation-item quantities as the data set writes them (`m`, `m2`, measure words), and how each
 * language writes them after a number. English measure words have a singular and a plural.
 */
export const QUANTITY_UNITS: Readonly<
  Record<string, { zh: string; en: readonly [one: string, many: string] }>
> = {
  m: { zh: 'm', en: ['m', 'm'] },
  m2: { zh: AREA_UNIT, en: [AREA_UNIT, AREA_UNIT] },
  个: { zh: '个', en: ['unit', 'units'] },
  处: { zh: '处', en: ['site', 'sites'] },
  套: { zh: '套', en: ['set', 'sets'] },
  户: { zh: '户', en: ['household', 'households'] },
  栋: { zh: '栋', en: ['building', 'buildings'] },
  盏: { zh: '盏', en: ['lamp', 'lamps'] },
  部: { zh: '部', en: ['lift', 'lifts'] },
  项: { zh: '项', en: ['item', 'items'] },
}

/** The same unit under another spelling. */
const UNIT_SPELLINGS: Readonly<Record<string, string>> = {
  'm^2': 'm2',
  'm²': 'm2',
  '㎡': 'm2',
  平方米: 'm2',
  米: 'm',
}

/** A column of money in a table or the PDF: the unit goes in the heading, the cells carry bare numbers. */
export interface MoneyColumn {
  /** The unit for the heading: 万元 or million yuan. */
  unit: string
  /** Yuan in that unit: 1,712.0 (万元) or 17.12 (million yuan). */
  format: (yuan: number) => string
}

export interface NumberFormat {
  readonly language: FormatLanguage
  /** A whole number with thousands separators, rounded: 1,189; −3. */
  count: (value: number) => string
  /** Up to `maxDigits` decimals (default 1), trailing zeros dropped: 68.5, 82. */
  decimal: (value: number, maxDigits?: number) => string
  /** Exactly `digits` decimals: 57.8, 88.0. */
  fixed: (value: number, digits: number) => string
  /** A 0–1 share as a percentage, one decimal by default: 63.5%. */
  percent: (share: number, digits?: number) => string
  /** A change with its sign, written by `magnitude` (default `count`): +758,230, −2; no sign when it rounds to 0. */
  signed: (value: number, magnitude?: (abs: number) => string) => string
  /** A change of a share in percentage points, signed: +5.1个百分点 / +5.1 pp. */
  points: (change: number) => string
  /** A large number in short, no unit: 312万 / 3.12M from 100,000; as `count` below. */
  compact: (value: number) => string
  /** Money with its unit: 8,500元, 4.6万元, 1,712万元, 1.23亿元 / ¥8,500, ¥46k, ¥17.12M, ¥1.23B. */
  money: (yuan: number) => string
  /** Money in short without a unit, for chart axes: 1,712万 / 17.12M. */
  moneyShort: (yuan: number) => string
  /** Money in a column whose heading names the unit: 万元 (zh), million yuan (en). */
  moneyColumn: MoneyColumn
  /** An area in full: 12,345 m². */
  area: (m2: number) => string
  /** An area in short: 402万 m² / 4.02M m² from 100,000 m²; as `area` below. */
  areaCompact: (m2: number) => string
  /** A quantity with its unit from the data: 1,200 m², 12 处 / 12 sites; an unknown unit as it is written. */
  quantity: (value: number, unit: string | null) => string
  /** An area's renovation coverage: 63.5%, or 无老旧小区 / No old compounds when it has none. */
  coverage: (row: { oldCompounds: number; coverage: number }) => string
  /** 无老旧小区 / No old compounds. */
  noOldCompounds: string
}

interface Scale {
  factor: number
  suffix: string
  /** Smallest absolute value written in this scale. */
  from: number
  /** Decimals kept for a value of this size. */
  digits: (abs: number) => number
}

/** Chinese reads large amounts in 万 (10⁴) and 亿 (10⁸); English in thousands, millions and billions. */
const SCALES: Record<FormatLanguage, readonly Scale[]> = {
  zh: [
    { factor: 1e8, suffix: '亿', from: 1e8, digits: () => 2 },
    { factor: 1e4, suffix: '万', from: 1e4, digits: (abs) => (abs >= 1e6 ? 0 : 1) },
  ],
  en: [
    { factor: 1e9, suffix: 'B', from: 1e9, digits: () => 2 },
    { factor: 1e6, suffix: 'M', from: 1e6, digits: () => 2 },
    { factor: 1e3, suffix: 'k', from: 1e4, digits: () => 0 },
  ],
}

/** Number formats are costly to make; each is made once per set of options. */
const intlCache = new Map<string, Intl.NumberFormat>()
function intl(minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${minDigits}-${maxDigits}`
  let format = intlCache.get(key)
  if (!format) {
    // One locale for both languages: Chinese and English write 1,234.5 alike, so tables line up.
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    })
    intlCache.set(key, format)
  }
  return format
}

/** Intl's rounding (half away from zero), with the minus sign and never "−0". */
function written(value: number, minDigits: number, maxDigits: number): string {
  const text = intl(minDigits, maxDigits).format(value)
  if (/^-[0.,]*$/.test(text)) return text.slice(1)
  return text.startsWith('-') ? MINUS + text.slice(1) : text
}

const isZeroText = (text: string) => /^[^1-9]*$/.test(text)

const formats = new Map<FormatLanguage, NumberFormat>()

/** The number format of a language; one shared object per language. */
export function numberFormat(language: FormatLanguage): NumberFormat {
  let format = formats.get(language)
  if (!format) {
    format = createNumberFormat(language)
    formats.set(language, format)
  }
  return format
}

function createNumberFormat(language: FormatLanguage): NumberFormat {
  const zh = language === 'zh'
  const count = (value: number) => written(value, 0, 0)
  const decimal = (value: number, maxDigits = 1) => written(value, 0, maxDigits)
  const fixed = (value: number, digits: number) => written(value, digits, digits)
  const percent = (share: number, digits = 1) => `${fixed(share * 100, digits)}%`

  /** The value in the largest scale it reaches once rounded, e.g. 99,999,999 → 1亿 rather than 10,000万. */
  const short = (value: number): { text: string; suffix: string } => {
    const abs = Math.abs(value)
    const scales = SCALES[language]
    for (let i = 0; i < scales.length; i++) {
      const scale = scales[i] as Scale
      const digits = scale.digits(abs)
      const rounded = Number((abs / scale.factor).toFixed(digits)) * scale.factor
      const larger = scales[i - 1]
      if (rounded < scale.from) continue
      if (larger && rounded >= larger.from) {
        return { text: decimal(value / larger.factor, larger.digits(rounded)), suffix: larger.suffix }
      }
      return { text: decimal(value / scale.factor, digits), suffix: scale.suffix }
    }
    return { text: count(value), suffix: '' }
  }
  const compact = (value: number) => {
    if (Math.abs(value) < 1e5) return count(value)
    const { text, suffix } = short(value)
    return text + suffix
  }
  const moneyShort = (yuan: number) => {
    const { text, suffix } = short(yuan)
    return text + suffix
  }
  const money = (yuan: number) => {
    const { text, suffix } = short(yuan)
    if (zh) return `${text}${suffix}元`
    return text.startsWith(MINUS) ? `${MINUS}¥${text.slice(1)}${suffix}` : `¥${text}${suffix}`
  }
  const signed = (value: number, magnitude: (abs: number) => string = count) => {
    const text = magnitude(Math.abs(value))
    if (isZeroText(text)) return text
    return `${value > 0 ? '+' : MINUS}${text}`
  }
  const area = (m2: number) => `${count(m2)} ${AREA_UNIT}`
  return {
    language,
    count,
    decimal,
    fixed,
    percent,
    signed,
    points: (change) => {
      const text = signed(change * 100, (abs) => fixed(abs, 1))
      return zh ? `${text}个百分点` : `${text} pp`
    },
    compact,
    money,
    moneyShort,
    moneyColumn: zh
      ? { unit: '万元', format: (yuan) => fixed(yuan / 1e4, 1) }
      : { unit: 'million yuan', format: (yuan) => fixed(yuan / 1e6, 2) },
    area,
    areaCompact: (m2) => (Math.abs(m2) < 1e5 ? area(m2) : `${compact(m2)} ${AREA_UNIT}`),
    quantity: (value, unit) => {
      const amount = decimal(value, 2)
      if (!unit) return amount
      const words = QUANTITY_UNITS[UNIT_SPELLINGS[unit] ?? unit]
      if (!words) return `${amount} ${unit}`
      if (zh) return `${amount} ${words.zh}`
      return `${amount} ${Math.abs(value) === 1 ? words.en[0] : words.en[1]}`
    },
    coverage: (row) => (row.oldCompounds === 0 ? NO_OLD_COMPOUNDS[language] : percent(row.coverage)),
    noOldCompounds: NO_OLD_COMPOUNDS[language],
  }
}

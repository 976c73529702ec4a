import { describe, expect, it } from 'vitest'
import { fundingSource, itemCategory } from './labels.ts'
import {
  buildEraStackValues,
  categoryColour,
  classifyCoverage,
  coverageClasses,
  fundingSourcePalette,
  itemCategoryColours,
  otherCategoryColour,
} from './palette.ts'
import type { BuildEraRow } from './stats.schema.ts'

describe('the coverage classes', () => {
  it('put an area in the class its coverage falls in, the upper bound in the next class, 100% in the last', () => {
    const key = (coverage: number, oldCompounds = 10) => classifyCoverage({ oldCompounds, coverage }).key
    expect(key(0)).toBe('0-20')
    expect(key(0.2)).toBe('20-40')
    expect(key(0.599)).toBe('40-60')
    expect(key(0.6)).toBe('60-80')
    expect(key(1)).toBe('80-100')
    expect(key(0, 0)).toBe('none')
  })

  it('cover 0–100% without a gap or an overlap', () => {
    const ranges = coverageClasses.flatMap((cls) => (cls.range ? [cls.range] : []))
    expect(ranges[0]?.[0]).toBe(0)
    expect(ranges.at(-1)?.[1]).toBe(1)
    expect(ranges.slice(1).map((range) => range[0])).toEqual(ranges.slice(0, -1).map((range) => range[1]))
  })

  it('each have their own colour', () => {
    const colours = coverageClasses.map((cls) => cls.colour)
    expect(new Set(colours).size).toBe(colours.length)
  })
})

describe('the category and funding colours', () => {
  it('give every category and every funding source a colour of its own', () => {
    expect(Object.keys(itemCategoryColours).sort()).toEqual([...itemCategory.values].sort())
    expect(new Set(Object.values(itemCategoryColours)).size).toBe(itemCategory.values.length)
    expect(fundingSourcePalette.map((s) => s.source)).toEqual([...fundingSource.values])
    expect(new Set(fundingSourcePalette.map((s) => s.colour)).size).toBe(fundingSource.values.length)
  })

  it('fall back to grey for a category outside the four', () => {
    expect(categoryColour('safety')).toBe(itemCategoryColours.safety)
    expect(categoryColour('unheard_of')).toBe(otherCategoryColour)
  })
})

describe('the build era stacks', () => {
  it('split a decade into on the register, to review and the rest, never below zero', () => {
    const row: BuildEraRow = {
      key: '1990',
      name: '1990–1999',
      compounds: 183,
      oldCompounds: 167,
      renovatedOldCompounds: 113,
      beforeCutoffNotOnRegister: 16,
      households: 27408,
    }
    expect(buildEraStackValues(row)).toEqual({ onRegister: 167, review: 16, other: 0 })
    expect(buildEraStackValues({ ...row, compounds: 200 }).other).toBe(17)
    expect(buildEraStackValues({ ...row, compounds: 150 }).other).toBe(0)
  })
})

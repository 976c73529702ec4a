import { describe, expect, it } from 'vitest'
import { fundingSource, itemCategory } from './labels.ts'
import {
  buildEraStackValues,
  categoryColour,
  fundingSourcePalette,
  itemCategoryColours,
  otherCategoryColour,
} from './palette.ts'
import type { BuildEraRow } from './stats.schema.ts'

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

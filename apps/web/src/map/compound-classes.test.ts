import { renovationStatus } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import {
  type ClassifiableCompound,
  classifyCompound,
  compoundFillColour,
  countByClass,
} from './compound-classes.ts'

function createCompound(overrides: Partial<ClassifiableCompound> = {}): ClassifiableCompound {
  return { onOldRegister: true, renovationStatus: 'not_planned', ...overrides }
}

describe('compound status classes', () => {
  it('puts a compound that is not on the old register in the neutral class whatever its status', () => {
    for (const status of renovationStatus.values) {
      expect(classifyCompound(createCompound({ onOldRegister: false, renovationStatus: status }))?.key).toBe(
        'not_old',
      )
    }
  })

  it('classes an old compound by its renovation status', () => {
    for (const status of renovationStatus.values) {
      expect(classifyCompound(createCompound({ renovationStatus: status }))?.key).toBe(status)
    }
  })

  it('counts every class, including the empty ones', () => {
    const counts = countByClass([
      createCompound({ renovationStatus: 'completed' }),
      createCompound({ renovationStatus: 'completed' }),
      createCompound({ onOldRegister: false }),
    ])
    expect(Object.fromEntries(counts)).toEqual({
      not_planned: 0,
      planned: 0,
      under_way: 0,
      completed: 2,
      not_old: 1,
    })
  })

  it('builds the fill colour from the same table: one branch per class and a fallback', () => {
    const expression = compoundFillColour()
    expect(expression[0]).toBe('case')
    expect(expression).toHaveLength(1 + 5 * 2 + 1)
    expect(expression).toContainEqual([
      'all',
      ['==', ['get', 'onOldRegister'], true],
      ['==', ['get', 'renovationStatus'], 'under_way'],
    ])
    expect(expression).toContainEqual(['==', ['get', 'onOldRegister'], false])
  })
})

import {
  type CoverageArea,
  classifyCoverage,
  coverageClassesOf,
  renovationStatus,
} from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import {
  type ClassifiableCompound,
  classFillColour,
  classifyCompound,
  compoundThemeClasses,
  coverageFillColour,
  coverageLegendLabel,
  eraClasses,
  householdClasses,
  statusClasses,
} from './compound-classes.ts'

function createCompound(overrides: Partial<ClassifiableCompound> = {}): ClassifiableCompound {
  return {
    onOldRegister: true,
    renovationStatus: 'not_planned',
    builtYear: 1996,
    households: 497,
    ...overrides,
  }
}

describe('the renovation status classes', () => {
  it('put a compound that is not on the old register in the neutral class whatever its status', () => {
    for (const status of renovationStatus.values) {
      const compound = createCompound({ onOldRegister: false, renovationStatus: status })
      expect(classifyCompound(statusClasses, compound)?.key).toBe('not_old')
    }
  })

  it('class an old compound by its renovation status', () => {
    for (const status of renovationStatus.values) {
      expect(classifyCompound(statusClasses, createCompound({ renovationStatus: status }))?.key).toBe(status)
    }
  })

  it('build the fill colour from the same table: one branch per class and a fallback', () => {
    const expression = classFillColour(statusClasses)
    expect(expression[0]).toBe('case')
    expect(expression).toHaveLength(1 + 5 * 2 + 1)
    expect(expression).toContainEqual([
      'all',
      ['in', ['get', 'renovationStatus'], ['literal', ['under_way']]],
      ['==', ['get', 'onOldRegister'], true],
    ])
  })
})

describe('the build era and household classes', () => {
  it('class Wufuyuan (built 1996, 497 households) in the 1990s and 300–499', () => {
    expect(classifyCompound(eraClasses, createCompound())?.key).toBe('1990s')
    expect(classifyCompound(householdClasses, createCompound())?.key).toBe('300-499')
  })

  it('put a compound with no built year in the catch-all class, drawn as the case fallback', () => {
    expect(classifyCompound(eraClasses, createCompound({ builtYear: null }))?.key).toBe('unknown')
    const expression = classFillColour(eraClasses)
    expect(expression.at(-1)).toBe('#BDBDBD')
  })

  it('leave no gap and no overlap between household classes', () => {
    for (const households of [0, 99, 100, 299, 300, 999, 1000, 5000]) {
      const matching = householdClasses.filter(
        (cls) => classifyCompound([cls], createCompound({ households })) !== undefined,
      )
      expect(matching).toHaveLength(1)
    }
  })

  it('every theme has distinct class keys', () => {
    for (const classes of Object.values(compoundThemeClasses)) {
      expect(new Set(classes.map((c) => c.key)).size).toBe(classes.length)
    }
  })
})

describe('the coverage choropleth', () => {
  it('colours each area by code in the class the domain gives it, grey where it has no old compounds', () => {
    const areas = [
      { key: '510104001', oldCompounds: 10, coverage: 0.5 },
      { key: '510104002', oldCompounds: 4, coverage: 0.9 },
      { key: '510104003', oldCompounds: 0, coverage: 0 },
    ]
    const classes = coverageClassesOf(areas)
    expect(coverageFillColour(areas)).toEqual([
      'match',
      ['get', 'code'],
      '510104001',
      classifyCoverage(areas[0] as CoverageArea, classes).colour,
      '510104002',
      classifyCoverage(areas[1] as CoverageArea, classes).colour,
      '510104003',
      '#D9D9D9',
      '#D9D9D9',
    ])
    expect(classes.map((cls) => cls.colour)).toEqual(['#A1D99B', '#31A354', '#D9D9D9'])
  })

  it('labels a class with its bounds, one value alone, and no old compounds in words', () => {
    const classes = coverageClassesOf(
      [0.583, 0.59, 0.603, 0.636, 0.683, 0.714, 0].map((coverage) => ({
        oldCompounds: coverage === 0 ? 0 : 8,
        coverage,
      })),
    )
    const [low, high, none] = [classes[0], classes[4], classes[5]]
    expect(low && coverageLegendLabel(low, 1)).toEqual({
      key: 'range.percent',
      params: { from: '58.3', to: '59.0' },
    })
    expect(high && coverageLegendLabel(high, 1)).toEqual({
      key: 'range.percentOne',
      params: { value: '71.4' },
    })
    expect(none && coverageLegendLabel(none, 1)).toEqual({ key: 'range.noOldCompounds' })
  })
})

import { describe, expect, it } from 'vitest'
import {
  classifyCoverage,
  countCoverageClasses,
  coverageClassesOf,
  coverageLegendBounds,
  coverageLegendDecimals,
  maxCoverageClasses,
  noOldCompoundsClass,
} from './coverage-classes.ts'

const area = (renovated: number, old: number) => ({
  oldCompounds: old,
  coverage: old === 0 ? 0 : renovated / old,
})

/** The demo's eleven streets of Jinjiang: renovated of old compounds (data/jinjiang), two with none. */
const jinjiangStreets = [
  area(97, 142),
  area(38, 63),
  area(18, 28),
  area(168, 264),
  area(49, 83),
  area(28, 48),
  area(44, 69),
  area(30, 47),
  area(5, 7),
  area(0, 0),
  area(0, 0),
]

describe('the coverage classes', () => {
  it('separate the demo’s nine streets with old compounds into five classes, where 20% bands made two', () => {
    const classes = coverageClassesOf(jinjiangStreets)
    const counts = countCoverageClasses(jinjiangStreets, classes)
    const ranged = classes.filter((cls) => cls.range !== null)
    expect(ranged).toHaveLength(maxCoverageClasses)
    expect(ranged.every((cls) => (counts.get(cls.key) ?? 0) > 0)).toBe(true)
    expect(Math.max(...ranged.map((cls) => counts.get(cls.key) ?? 0))).toBeLessThanOrEqual(4)
    expect(counts.get('none')).toBe(2)
  })

  it('group values by natural breaks: each class from its lowest to its highest value, classes in order', () => {
    const values = [0.1, 0.11, 0.12, 0.5, 0.52, 0.7, 0.9, 0.92].map((coverage) => ({
      oldCompounds: 9,
      coverage,
    }))
    const classes = coverageClassesOf(values)
    expect(classes.map((cls) => cls.range)).toEqual([
      [0.1, 0.12],
      [0.5, 0.52],
      [0.7, 0.7],
      [0.9, 0.9],
      [0.92, 0.92],
      null,
    ])
    expect(classifyCoverage({ oldCompounds: 9, coverage: 0.11 }, classes).key).toBe('class-1')
    expect(classifyCoverage({ oldCompounds: 9, coverage: 0.52 }, classes).key).toBe('class-2')
    expect(classifyCoverage({ oldCompounds: 9, coverage: 0.92 }, classes).key).toBe('class-5')
  })

  it('put an area with no old compounds in the grey class, whatever its coverage says', () => {
    const classes = coverageClassesOf(jinjiangStreets)
    expect(classifyCoverage({ oldCompounds: 0, coverage: 0 }, classes)).toBe(noOldCompoundsClass)
    expect(coverageClassesOf([area(0, 0)])).toEqual([noOldCompoundsClass])
  })

  it('make no more classes than distinct values, each in its own colour, palest for the lowest', () => {
    const two = coverageClassesOf([area(1, 2), area(2, 4), area(1, 1)])
    expect(two.map((cls) => cls.key)).toEqual(['class-1', 'class-2', 'none'])
    const colours = coverageClassesOf(jinjiangStreets).map((cls) => cls.colour)
    expect(new Set(colours).size).toBe(colours.length)
    expect(colours[0]).toBe('#EDF8E9')
  })

  it('write the bounds with as many decimals as keep them apart, one number for a class of one value', () => {
    const classes = coverageClassesOf(jinjiangStreets)
    const decimals = coverageLegendDecimals(classes)
    expect(decimals).toBe(1)
    expect(classes.map((cls) => coverageLegendBounds(cls, decimals))).toEqual([
      ['58.3', '59.0'],
      ['60.3'],
      ['63.6', '64.3'],
      ['68.3'],
      ['71.4'],
      [],
    ])
    expect(coverageLegendDecimals(coverageClassesOf([area(1, 5), area(2, 5), area(4, 5)]))).toBe(0)
  })
})

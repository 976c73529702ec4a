import { describe, expect, it } from 'vitest'
import { contentCategoryOrder, rankContent, rankCoverage, rankFunding } from './ranking.ts'
import type { ContentRow, CoverageRow, FundingRow } from './stats.schema.ts'

/** An area by its code, old compounds and renovated ones; the ranking never reads its name. */
function createArea(key: string, oldCompounds: number, renovated: number): CoverageRow {
  const coverage = oldCompounds === 0 ? 0 : renovated / oldCompounds
  return {
    key,
    name: `街道${key.slice(-3)}`,
    compounds: oldCompounds + 10,
    oldCompounds,
    coverage,
    households: 1000,
    renovatedOldCompounds: renovated,
    householdsBenefiting: renovated * 100,
  }
}

/** Six streets with every kind of tie: three at 60% (6 of 10, 3 of 5, 6 of 10), one at 0% and one with none. */
const tiedStreets: readonly CoverageRow[] = [
  createArea('510104001', 10, 6),
  createArea('510104002', 5, 3),
  createArea('510104003', 10, 6),
  createArea('510104004', 0, 0),
  createArea('510104005', 4, 0),
  createArea('510104006', 10, 9),
]

describe('the coverage ranking', () => {
  it('puts the highest coverage first, breaks a tie by more renovated and then by code, and puts an area with nothing to cover last', () => {
    expect(rankCoverage(tiedStreets).map((row) => row.key)).toEqual([
      '510104006', // 90%
      '510104001', // 60%, 6 renovated, the lower code
      '510104003', // 60%, 6 renovated
      '510104002', // 60%, 3 renovated
      '510104005', // 0%, 4 old compounds
      '510104004', // no old compounds
    ])
  })

  it('gives the same order whatever order the rows come in', () => {
    const reversed = rankCoverage([...tiedStreets].reverse()).map((row) => row.key)
    expect(reversed).toEqual(rankCoverage(tiedStreets).map((row) => row.key))
  })

  it('leaves the rows it was given as they were', () => {
    const rows = [...tiedStreets]
    rankCoverage(rows)
    expect(rows).toEqual(tiedStreets)
  })
})

describe('the content ranking', () => {
  const row = (key: string, items: number, costYuan: number): ContentRow => ({
    key,
    name: key,
    category: key,
    items,
    projects: 1,
    costYuan,
    costShare: 0,
  })
  const rows = [row('upgrade', 12, 4_000_000), row('basic', 40, 9_000_000), row('safety', 12, 4_000_000)]

  it('ranks by the chosen measure, largest first, ties by key', () => {
    expect(rankContent(rows, 'money').map((r) => r.key)).toEqual(['basic', 'safety', 'upgrade'])
    expect(rankContent(rows, 'items').map((r) => r.key)).toEqual(['basic', 'safety', 'upgrade'])
    expect(rankContent([row('a', 1, 5), row('b', 9, 1)], 'items').map((r) => r.key)).toEqual(['b', 'a'])
    expect(rankContent([row('a', 1, 5), row('b', 9, 1)], 'money').map((r) => r.key)).toEqual(['a', 'b'])
  })

  it('orders the categories’ legend as the bars: drawn categories first, by their first bar, then the rest', () => {
    const categories = ['basic', 'improvement', 'upgrade', 'safety'] as const
    expect(contentCategoryOrder(rankContent(rows, 'money'), categories)).toEqual([
      'basic',
      'safety',
      'upgrade',
      'improvement',
    ])
    const itemTypes = [
      { ...row('lift', 1, 9), category: 'upgrade' },
      { ...row('pipes', 1, 8), category: 'basic' },
      { ...row('ramp', 1, 7), category: 'upgrade' },
    ]
    expect(contentCategoryOrder(itemTypes, categories)).toEqual(['upgrade', 'basic', 'improvement', 'safety'])
  })
})

describe('the funding ranking', () => {
  const row = (key: string, total: number): FundingRow => ({
    key,
    name: key,
    projects: 1,
    fiscal: total,
    enterprise: 0,
    residents: 0,
    socialCapital: 0,
    total,
  })

  it('ranks areas by total funding, largest first, ties by code', () => {
    const rows = [row('510104011', 0), row('510104003', 5), row('510104002', 0), row('510104001', 9)]
    expect(rankFunding(rows).map((r) => r.key)).toEqual(['510104001', '510104003', '510104002', '510104011'])
  })
})

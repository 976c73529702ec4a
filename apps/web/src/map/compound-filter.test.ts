import { LAYERS } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import {
  buildingCompoundProperties,
  compoundFilterExpression,
  compoundFilterQuery,
  compoundProperties,
  hasFilters,
  intersectFilters,
} from './compound-filter.ts'

describe('compound filters', () => {
  it('filter nothing when empty', () => {
    expect(compoundFilterExpression({})).toBeNull()
    expect(compoundFilterQuery({}).toString()).toBe('')
    expect(hasFilters({})).toBe(false)
  })

  it('become one maplibre expression and the matching API query', () => {
    const filters = {
      street: '510104001',
      status: ['planned', 'completed'] as const,
      onRegister: true,
      builtFrom: 1980,
      builtTo: 1999,
      householdsMin: 100,
    }
    expect(compoundFilterExpression(filters)).toEqual([
      'all',
      ['==', ['get', 'streetCode'], '510104001'],
      ['in', ['get', 'renovationStatus'], ['literal', ['planned', 'completed']]],
      ['==', ['get', 'onOldRegister'], true],
      ['>=', ['coalesce', ['get', 'builtYear'], -1], 1980],
      ['<=', ['coalesce', ['get', 'builtYear'], 99_999], 1999],
      ['>=', ['get', 'households'], 100],
    ])
    expect(Object.fromEntries(compoundFilterQuery(filters))).toEqual({
      street: '510104001',
      status: 'planned,completed',
      onRegister: 'true',
      builtFrom: '1980',
      builtTo: '1999',
      householdsMin: '100',
    })
  })

  it('give a single condition without an `all`', () => {
    expect(compoundFilterExpression({ householdsMax: 300 })).toEqual(['<=', ['get', 'households'], 300])
  })

  it('intersect a planner’s filters with a legend class, narrowing ranges and statuses', () => {
    expect(
      intersectFilters(
        { status: ['planned', 'completed'], builtFrom: 1985 },
        { status: ['completed'], builtFrom: 1980, builtTo: 1989 },
      ),
    ).toEqual({ status: ['completed'], builtFrom: 1985, builtTo: 1989 })
  })

  it('find no compounds where a planner’s filters exclude a legend class', () => {
    expect(intersectFilters({ onRegister: false }, { onRegister: true })).toBeNull()
    expect(intersectFilters({ status: ['planned'] }, { status: ['completed'] })).toBeNull()
    expect(intersectFilters({ builtFrom: 2000 }, { builtTo: 1979 })).toBeNull()
    expect(intersectFilters({ householdsMin: 600 }, { householdsMax: 99 })).toBeNull()
  })
})

describe('the buildings of filtered compounds', () => {
  it('are selected by the same filters, over the compound’s fields that a building’s tile carries', () => {
    const filters = { community: '510104017001', status: ['not_planned'] as const, householdsMax: 300 }
    expect(compoundFilterExpression(filters, buildingCompoundProperties)).toEqual([
      'all',
      ['==', ['get', 'communityCode'], '510104017001'],
      ['in', ['get', 'compoundStatus'], ['literal', ['not_planned']]],
      ['<=', ['get', 'compoundHouseholds'], 300],
    ])
  })

  it('name only fields the registry puts in the tiles they filter', () => {
    const tileFields = (layer: keyof typeof LAYERS) =>
      LAYERS[layer].fields.filter((f) => f.tile).map((f) => f.name)
    expect(tileFields('buildings')).toEqual(expect.arrayContaining(Object.values(buildingCompoundProperties)))
    expect(tileFields('compounds')).toEqual(expect.arrayContaining(Object.values(compoundProperties)))
    expect(tileFields('compound-labels')).toEqual(expect.arrayContaining(Object.values(compoundProperties)))
  })
})

// The planner's compound filters: one record that becomes both the maplibre filter and the API query.
import type { RenovationStatus } from '@renewal-atlas/domain'
import type { ExpressionSpecification } from 'maplibre-gl'

export interface CompoundFilters {
  street?: string
  community?: string
  status?: readonly RenovationStatus[]
  onRegister?: boolean
  builtFrom?: number
  builtTo?: number
  householdsMin?: number
  householdsMax?: number
}

export const noFilters: CompoundFilters = {}

/** A year no compound reaches, standing in for an unknown built year in range tests. */
const unknownYearBelow = -1
const unknownYearAbove = 99_999

export function hasFilters(filters: CompoundFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined)
}

/** The tile properties that hold a compound's street, community, status, register, built year and households. */
export interface CompoundProperties {
  street: string
  community: string
  status: string
  onRegister: string
  builtYear: string
  households: string
}

/** A compound's own tile (`compounds`, `compound-labels`). */
export const compoundProperties: CompoundProperties = {
  street: 'streetCode',
  community: 'communityCode',
  status: 'renovationStatus',
  onRegister: 'onOldRegister',
  builtYear: 'builtYear',
  households: 'households',
}

/** A building's tile, which carries its compound's fields beside its own (the registry's `buildings` entry). */
export const buildingCompoundProperties: CompoundProperties = {
  street: 'streetCode',
  community: 'communityCode',
  status: 'compoundStatus',
  onRegister: 'compoundOnOldRegister',
  builtYear: 'compoundBuiltYear',
  households: 'compoundHouseholds',
}

/**
 * The maplibre filter expression that selects the filtered compounds, over a tile whose properties `at` names
 * (a compound's own tile by default, or a building's to select the buildings of those compounds); null when nothing
 * is filtered.
 */
export function compoundFilterExpression(
  filters: CompoundFilters,
  at: CompoundProperties = compoundProperties,
): ExpressionSpecification | null {
  const parts: ExpressionSpecification[] = []
  if (filters.street !== undefined) parts.push(['==', ['get', at.street], filters.street])
  if (filters.community !== undefined) parts.push(['==', ['get', at.community], filters.community])
  if (filters.status !== undefined) {
    parts.push(['in', ['get', at.status], ['literal', [...filters.status]]])
  }
  if (filters.onRegister !== undefined) parts.push(['==', ['get', at.onRegister], filters.onRegister])
  // A compound with no built year matches no year range, as in the API.
  if (filters.builtFrom !== undefined) {
    parts.push(['>=', ['coalesce', ['get', at.builtYear], unknownYearBelow], filters.builtFrom])
  }
  if (filters.builtTo !== undefined) {
    parts.push(['<=', ['coalesce', ['get', at.builtYear], unknownYearAbove], filters.builtTo])
  }
  if (filters.householdsMin !== undefined) {
    parts.push(['>=', ['get', at.households], filters.householdsMin])
  }
  if (filters.householdsMax !== undefined) {
    parts.push(['<=', ['get', at.households], filters.householdsMax])
  }
  if (parts.length === 0) return null
  return parts.length === 1 ? (parts[0] as ExpressionSpecification) : ['all', ...parts]
}

/** The query parameters of `GET /api/v1/compounds` that select the same compounds. */
export function compoundFilterQuery(filters: CompoundFilters): URLSearchParams {
  const query = new URLSearchParams()
  if (filters.street !== undefined) query.set('street', filters.street)
  if (filters.community !== undefined) query.set('community', filters.community)
  if (filters.status !== undefined) query.set('status', filters.status.join(','))
  if (filters.onRegister !== undefined) query.set('onRegister', String(filters.onRegister))
  if (filters.builtFrom !== undefined) query.set('builtFrom', String(filters.builtFrom))
  if (filters.builtTo !== undefined) query.set('builtTo', String(filters.builtTo))
  if (filters.householdsMin !== undefined) query.set('householdsMin', String(filters.householdsMin))
  if (filters.householdsMax !== undefined) query.set('householdsMax', String(filters.householdsMax))
  return query
}

function laterOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b)
}

function earlierOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b)
}

/**
 * The compounds both sets of filters select, or null when no compound can match both (a legend class
 * that the planner's filters exclude). Used to count each legend class within the current filters.
 */
export function intersectFilters(a: CompoundFilters, b: CompoundFilters): CompoundFilters | null {
  if (a.street !== undefined && b.street !== undefined && a.street !== b.street) return null
  if (a.community !== undefined && b.community !== undefined && a.community !== b.community) return null
  if (a.onRegister !== undefined && b.onRegister !== undefined && a.onRegister !== b.onRegister) return null
  let status = a.status ?? b.status
  if (a.status !== undefined && b.status !== undefined) {
    status = a.status.filter((s) => b.status?.includes(s))
    if (status.length === 0) return null
  }
  const result: CompoundFilters = {
    street: a.street ?? b.street,
    community: a.community ?? b.community,
    status,
    onRegister: a.onRegister ?? b.onRegister,
    builtFrom: laterOf(a.builtFrom, b.builtFrom),
    builtTo: earlierOf(a.builtTo, b.builtTo),
    householdsMin: laterOf(a.householdsMin, b.householdsMin),
    householdsMax: earlierOf(a.householdsMax, b.householdsMax),
  }
  if (result.builtFrom !== undefined && result.builtTo !== undefined && result.builtFrom > result.builtTo) {
    return null
  }
  if (
    result.householdsMin !== undefined &&
    result.householdsMax !== undefined &&
    result.householdsMin > result.householdsMax
  ) {
    return null
  }
  return Object.fromEntries(
    Object.entries(result).filter(([, value]) => value !== undefined),
  ) as CompoundFilters
}

// The thematic class tables: one table per theme that the map's paint expressions, the legend and its counts
// are all built from, so the legend always matches what is drawn.
import {
  type CoverageArea,
  type CoverageClass,
  classifyCoverage,
  codedValues,
  coverageClassesOf,
  coverageLegendBounds,
  type Label,
  noOldCompoundsClass,
  renovationStatus,
} from '@renewal-atlas/domain'
import type { ExpressionSpecification } from 'maplibre-gl'
import type { MessageKey, MessageParams } from '../i18n/messages.ts'
import { type CompoundFilters, compoundFilterExpression } from './compound-filter.ts'

export const themeIds = ['status', 'era', 'households', 'coverage-street', 'coverage-community'] as const
export type ThemeId = (typeof themeIds)[number]
export const defaultTheme: ThemeId = 'status'

export function isThemeId(value: unknown): value is ThemeId {
  return typeof value === 'string' && (themeIds as readonly string[]).includes(value)
}

/** A legend row's words: a message of the translation table, or the words the layer registry gives a coded value. */
export type LegendLabel = { key: MessageKey; params?: MessageParams } | { words: Label }

export interface CompoundClass {
  key: string
  label: LegendLabel
  colour: string
  /** The compounds in the class, as filters; null for "every compound no earlier class takes". */
  where: CompoundFilters | null
}

/**
 * Renovation status: old compounds by status, then the rest. Okabe–Ito colours, distinguishable under the
 * common colour-vision deficiencies; grey marks compounds not on the old-compound register (老旧小区台账).
 */
const statusColours = {
  not_planned: '#D55E00',
  planned: '#E69F00',
  under_way: '#56B4E9',
  completed: '#009E73',
} as const

const statusWords = codedValues('compounds', 'renovationStatus')

export const statusClasses: readonly CompoundClass[] = [
  ...renovationStatus.values.map((status) => ({
    key: status,
    label: { words: statusWords[status] as Label },
    colour: statusColours[status],
    where: { onRegister: true, status: [status] },
  })),
  { key: 'not_old', label: { key: 'class.not_old' }, colour: '#BDBDBD', where: { onRegister: false } },
]

/** Build era: decades around the old-compound cut-off (2000), viridis from old (dark) to new (light). */
export const eraClasses: readonly CompoundClass[] = [
  {
    key: 'before-1980',
    label: { key: 'range.yearBefore', params: { year: 1980 } },
    colour: '#440154',
    where: { builtTo: 1979 },
  },
  {
    key: '1980s',
    label: { key: 'range.years', params: { from: 1980, to: 1989 } },
    colour: '#3B528B',
    where: { builtFrom: 1980, builtTo: 1989 },
  },
  {
    key: '1990s',
    label: { key: 'range.years', params: { from: 1990, to: 1999 } },
    colour: '#21918C',
    where: { builtFrom: 1990, builtTo: 1999 },
  },
  {
    key: '2000s',
    label: { key: 'range.years', params: { from: 2000, to: 2009 } },
    colour: '#5EC962',
    where: { builtFrom: 2000, builtTo: 2009 },
  },
  {
    key: 'from-2010',
    label: { key: 'range.yearFrom', params: { year: 2010 } },
    colour: '#FDE725',
    where: { builtFrom: 2010 },
  },
  { key: 'unknown', label: { key: 'range.unknownYear' }, colour: '#BDBDBD', where: null },
]

/** Households per compound, yellow to red. */
export const householdClasses: readonly CompoundClass[] = [
  {
    key: 'lt-100',
    label: { key: 'range.householdsBelow', params: { max: 100 } },
    colour: '#FFFFB2',
    where: { householdsMax: 99 },
  },
  {
    key: '100-299',
    label: { key: 'range.households', params: { min: 100, max: 299 } },
    colour: '#FECC5C',
    where: { householdsMin: 100, householdsMax: 299 },
  },
  {
    key: '300-499',
    label: { key: 'range.households', params: { min: 300, max: 499 } },
    colour: '#FD8D3C',
    where: { householdsMin: 300, householdsMax: 499 },
  },
  {
    key: '500-999',
    label: { key: 'range.households', params: { min: 500, max: 999 } },
    colour: '#F03B20',
    where: { householdsMin: 500, householdsMax: 999 },
  },
  {
    key: 'from-1000',
    label: { key: 'range.householdsFrom', params: { min: 1000 } },
    colour: '#BD0026',
    where: { householdsMin: 1000 },
  },
]

export type CompoundThemeId = 'status' | 'era' | 'households'

export const compoundThemeClasses: Record<CompoundThemeId, readonly CompoundClass[]> = {
  status: statusClasses,
  era: eraClasses,
  households: householdClasses,
}

/** Drawn for a compound no class matches; the tables cover every valid record, so it should not show. */
export const unclassifiedColour = '#000000'

/** The `fill-color` of `compounds-fill`: a `case` over the same filters that define (and count) each class. */
export function classFillColour(classes: readonly CompoundClass[]): ExpressionSpecification {
  const rest = classes.find((cls) => cls.where === null)
  const branches = classes.flatMap((cls) => {
    if (cls.where === null) return []
    return [compoundFilterExpression(cls.where) ?? true, cls.colour]
  })
  return ['case', ...branches, rest?.colour ?? unclassifiedColour] as unknown as ExpressionSpecification
}

export interface ClassifiableCompound {
  streetCode?: string
  communityCode?: string
  onOldRegister: boolean
  renovationStatus: string
  builtYear: number | null
  households: number
}

/** The same test as `compoundFilterExpression`, in JavaScript: does the compound pass the filters? */
export function matchesFilters(compound: ClassifiableCompound, filters: CompoundFilters): boolean {
  const year = compound.builtYear
  return (
    (filters.street === undefined || compound.streetCode === filters.street) &&
    (filters.community === undefined || compound.communityCode === filters.community) &&
    (filters.status === undefined ||
      (filters.status as readonly string[]).includes(compound.renovationStatus)) &&
    (filters.onRegister === undefined || compound.onOldRegister === filters.onRegister) &&
    (filters.builtFrom === undefined || (year !== null && year >= filters.builtFrom)) &&
    (filters.builtTo === undefined || (year !== null && year <= filters.builtTo)) &&
    (filters.householdsMin === undefined || compound.households >= filters.householdsMin) &&
    (filters.householdsMax === undefined || compound.households <= filters.householdsMax)
  )
}

/** The class a compound is drawn in: the first whose filters it passes, else the catch-all class. */
export function classifyCompound(
  classes: readonly CompoundClass[],
  compound: ClassifiableCompound,
): CompoundClass | undefined {
  return (
    classes.find((cls) => cls.where !== null && matchesFilters(compound, cls.where)) ??
    classes.find((cls) => cls.where === null)
  )
}

// ---- coverage choropleth (streets or communities) ----

/**
 * A coverage class's legend words: its bounds from the domain, written with as many decimals as keep the classes
 * apart (the same classes the dashboard and the printed report draw, from the same rows).
 */
export function coverageLegendLabel(cls: CoverageClass, decimals: number): LegendLabel {
  const bounds = coverageLegendBounds(cls, decimals)
  if (bounds.length === 0) return { key: 'range.noOldCompounds' }
  if (bounds.length === 1) return { key: 'range.percentOne', params: { value: bounds[0] } }
  return { key: 'range.percent', params: { from: bounds[0], to: bounds[1] } }
}

/** The `fill-color` of the coverage layer: each area's code matched to the colour of its class. */
export function coverageFillColour(
  rows: ReadonlyArray<CoverageArea & { key: string }>,
): ExpressionSpecification {
  if (rows.length === 0) return ['to-color', noOldCompoundsClass.colour]
  const classes = coverageClassesOf(rows)
  const pairs = rows.flatMap((row) => [row.key, classifyCoverage(row, classes).colour])
  return [
    'match',
    ['get', 'code'],
    ...pairs,
    noOldCompoundsClass.colour,
  ] as unknown as ExpressionSpecification
}

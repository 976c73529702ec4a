// The classes and colours that the dashboard and the printed report both draw, so that a chart reads the same on
// screen and on paper. Where colours tell things apart they are colour-blind-safe (Okabe–Ito, ColorBrewer, viridis).
import type { FundingSource, ItemCategory } from './labels.ts'
import type { BuildEraRow, FundingRow } from './stats.schema.ts'

// ---- renovation content ----

/** Renovation item categories (基础/完善/提升/安全), apart from the map's renovation-status colours. */
export const itemCategoryColours: Readonly<Record<ItemCategory, string>> = {
  basic: '#3B6FB6',
  improvement: '#2A9D8F',
  upgrade: '#8E6BBF',
  safety: '#C8553D',
}

/** Drawn for a category outside the four; the data has none, so it should not show. */
export const otherCategoryColour = '#8A8A8A'

/** The colour of a content row's category (a row carries its category whether grouped by category or type). */
export function categoryColour(category: string): string {
  return (itemCategoryColours as Record<string, string>)[category] ?? otherCategoryColour
}

// ---- funding ----

/** A funding row's money columns, one per funding source. */
export type FundingColumn = keyof Pick<FundingRow, 'fiscal' | 'enterprise' | 'residents' | 'socialCapital'>

export interface FundingSourceStyle {
  source: FundingSource
  /** Where a funding row holds the source's money. */
  column: FundingColumn
  colour: string
}

/** The four funding sources in the order they are drawn (bars, stacks, legends, table columns). */
export const fundingSourcePalette: readonly FundingSourceStyle[] = [
  { source: 'fiscal', column: 'fiscal', colour: '#1D3557' },
  { source: 'enterprise', column: 'enterprise', colour: '#457B9D' },
  { source: 'residents', column: 'residents', colour: '#E9A23B' },
  { source: 'social_capital', column: 'socialCapital', colour: '#7FB069' },
]

// ---- progress against the target ----

/**
 * Old compounds renovated per year (bars, and their labels), cumulative (line), the target path (dashed), the
 * cumulative projected at the recent pace (dotted, the cumulative's hue lightened) and the verdict by its tone.
 */
export const progressPalette = {
  perYear: '#8DB3DB',
  perYearText: '#3D6FA3',
  cumulative: '#1D3557',
  target: '#D55E00',
  projection: '#6A8CAF',
  tone: { good: '#0A7A4D', warning: '#9A5B00', bad: '#B3261E', neutral: '#4A4A4A' },
} as const

// ---- coverage ----

// The coverage classes and their colours are drawn from the data: coverage-classes.ts.

/** The coverage of the whole (district or street), drawn as a dashed line across the ranked bars. */
export const coverageReferenceColour = '#1D3557'

/** A thin dark edge around each coverage bar, so that the palest class still shows on white. */
export const coverageBarOutline = { colour: '#000000', opacity: 0.28, width: 1 } as const

// ---- build era ----

/** A decade's compounds in three stacks: on the register, built by the cut-off but not on it (to review), the rest. */
export const buildEraStacks = ['onRegister', 'review', 'other'] as const
export type BuildEraStack = (typeof buildEraStacks)[number]

export const buildEraStackColours: Readonly<Record<BuildEraStack, string>> = {
  onRegister: '#3B528B',
  review: '#E69F00',
  other: '#C9CED6',
}

/** Compounds of a decade in the three stacks; "other" never below zero. */
export function buildEraStackValues(row: BuildEraRow): Record<BuildEraStack, number> {
  return {
    onRegister: row.oldCompounds,
    review: row.beforeCutoffNotOnRegister,
    other: Math.max(0, row.compounds - row.oldCompounds - row.beforeCutoffNotOnRegister),
  }
}

// The classes of a coverage choropleth (改造覆盖率), drawn alike by the map, the dashboard and the printed report.
// The breaks come from the data: fixed 20% bands put seven of Jinjiang's nine streets (58–71%) in one class, so
// the areas are grouped by Jenks natural breaks (ckmeans, the optimal one-dimensional k-means).
import { ckmeans } from 'simple-statistics'

export interface CoverageClass {
  key: string
  /**
   * The lowest and highest coverage of the areas in the class (both inclusive; equal for a class of one value);
   * null for the areas with no old compounds.
   */
  range: readonly [number, number] | null
  colour: string
}

export interface CoverageArea {
  oldCompounds: number
  coverage: number
}

/** At most this many classes of coverage, plus the grey one of areas with nothing to cover. */
export const maxCoverageClasses = 5

/** ColorBrewer's sequential Greens, by the number of classes (one and two classes take steps of three). */
const greens: Readonly<Record<number, readonly string[]>> = {
  1: ['#74C476'],
  2: ['#A1D99B', '#31A354'],
  3: ['#E5F5E0', '#A1D99B', '#31A354'],
  4: ['#EDF8E9', '#BAE4B3', '#74C476', '#238B45'],
  5: ['#EDF8E9', '#BAE4B3', '#74C476', '#31A354', '#006D2C'],
}

/** Every green a coverage class can be drawn in (the grey of `noOldCompoundsClass` apart). */
export const coverageColours: readonly string[] = [...new Set(Object.values(greens).flat())]

/** The areas with no old compounds: nothing to cover, drawn grey and said in words, never as 0%. */
export const noOldCompoundsClass: CoverageClass = { key: 'none', range: null, colour: '#D9D9D9' }

/**
 * The classes for these areas, from the lowest coverage up, then the grey class: as many as there are distinct
 * coverages, at most `maxCoverageClasses`, each holding a natural group of the values.
 */
export function coverageClassesOf(areas: readonly CoverageArea[]): readonly CoverageClass[] {
  const values = areas.filter((area) => area.oldCompounds > 0).map((area) => area.coverage)
  const distinct = new Set(values).size
  if (distinct === 0) return [noOldCompoundsClass]
  const groups = ckmeans(values, Math.min(maxCoverageClasses, distinct))
  const colours = greens[groups.length] ?? []
  const ranged = groups.map((group, i) => {
    const low = group[0] as number
    const high = group.at(-1) as number
    return { key: `class-${i + 1}`, range: [low, high] as const, colour: colours[i] ?? '#000000' }
  })
  return [...ranged, noOldCompoundsClass]
}

/** The class an area is drawn in: the highest whose lowest value it reaches, or grey with no old compounds. */
export function classifyCoverage(area: CoverageArea, classes: readonly CoverageClass[]): CoverageClass {
  if (area.oldCompounds === 0) return noOldCompoundsClass
  const ranged = classes.filter((cls) => cls.range !== null)
  const reached = ranged.filter((cls) => cls.range !== null && area.coverage >= cls.range[0])
  return reached.at(-1) ?? ranged[0] ?? noOldCompoundsClass
}

/** How many areas fall in each class, every class present. */
export function countCoverageClasses(
  areas: readonly CoverageArea[],
  classes: readonly CoverageClass[],
): Map<string, number> {
  const counts = new Map(classes.map((cls) => [cls.key, 0]))
  for (const area of areas) {
    const { key } = classifyCoverage(area, classes)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/**
 * The decimals of a percentage (0 to 2) that a legend needs so that no two different bounds of the classes read
 * the same: 58.3–59.0% and 60.3% rather than 58–59% and 60%, but 20–40% where whole numbers suffice.
 */
export function coverageLegendDecimals(classes: readonly CoverageClass[]): number {
  const bounds = [...new Set(classes.flatMap((cls) => (cls.range ? [...cls.range] : [])))]
  for (const decimals of [0, 1]) {
    const written = new Set(bounds.map((bound) => (bound * 100).toFixed(decimals)))
    if (written.size === bounds.length) return decimals
  }
  return 2
}

/** A class's bounds as percentages for a legend: one number for a class of one value, else from and to. */
export function coverageLegendBounds(cls: CoverageClass, decimals: number): [string] | [string, string] | [] {
  if (cls.range === null) return []
  const [from, to] = cls.range.map((bound) => (bound * 100).toFixed(decimals)) as [string, string]
  return from === to ? [from] : [from, to]
}

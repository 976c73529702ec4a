// Seeded random streams: one independent seedrandom stream per part of the data set, so changing how one
// part is drawn does not reshuffle the others. Never Math.random.
import seedrandom from 'seedrandom'

export const SEED = 'renewal-atlas/jinjiang/v1'

export interface Rng {
  /** uniform in [0, 1) */
  (): number
  int(min: number, max: number): number // inclusive
  range(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  weighted<T>(items: readonly T[], weights: readonly number[]): T
  shuffle<T>(items: readonly T[]): T[]
  chance(p: number): boolean
}

export function stream(name: string): Rng {
  const prng = seedrandom(`${SEED}/${name}`)
  const r = (() => prng()) as Rng
  r.int = (min, max) => min + Math.floor(prng() * (max - min + 1))
  r.range = (min, max) => min + prng() * (max - min)
  r.pick = <T>(items: readonly T[]) => items[Math.floor(prng() * items.length)] as T
  r.weighted = <T>(items: readonly T[], weights: readonly number[]) => {
    const total = weights.reduce((a, b) => a + b, 0)
    let x = prng() * total
    for (let i = 0; i < items.length; i++) {
      x -= weights[i] as number
      if (x < 0) return items[i] as T
    }
    return items[items.length - 1] as T
  }
  r.shuffle = <T>(items: readonly T[]) => {
    const a = [...items]
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(prng() * (i + 1))
      const t = a[i] as T
      a[i] = a[j] as T
      a[j] = t
    }
    return a
  }
  r.chance = (p) => prng() < p
  return r
}

/** Compare strings by code units (locale-independent, stable). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

// Calendar dates as ISO strings (YYYY-MM-DD), counted in whole days in UTC so no time zone can move them.
import type { Rng } from './random.ts'

export function isoDate(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)
}
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000)
}
export function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10)
}
/** A random date in [from, to]; if `to` comes first, in the half year before `to`. */
export function dateBetween(r: Rng, from: string, to: string): string {
  const b = dayNumber(to)
  const a0 = dayNumber(from)
  const a = a0 > b ? b - 180 : a0
  return fromDayNumber(a + Math.floor(r() * (b - a + 1)))
}

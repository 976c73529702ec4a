// Rounding and exact apportioning of the generated figures.

/** `n` to the nearest multiple of `step` (10 m², 100 yuan ...). */
export const roundTo = (n: number, step: number) => Math.round(n / step) * step

/** Split `total` into integer parts proportional to `weights`, exactly. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const raw = weights.map((w) => (total * w) / sum)
  const out = raw.map(Math.floor)
  let rest = total - out.reduce((a, b) => a + b, 0)
  const order = raw.map((x, i) => ({ i, f: x - Math.floor(x) })).sort((a, b) => b.f - a.f || a.i - b.i)
  for (const o of order) {
    if (rest <= 0) break
    out[o.i] = (out[o.i] as number) + 1
    rest--
  }
  return out
}

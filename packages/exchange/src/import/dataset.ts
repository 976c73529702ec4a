// Rules every reader applies to the features it read, whatever the format: not too many, not none, and not a file
// in which no feature could be read at all (then the whole file is refused with the first reasons, rather than
// uploaded only to be reported feature by feature).
import { IMPORT_LIMITS, importReasonEnglish } from '@renewal-atlas/domain'
import { FileRejected } from '../errors.ts'
import type { SourceFeature } from '../types.ts'
import { count } from './words.ts'

export function checkFeatureCount(features: number, what: string): void {
  if (features > IMPORT_LIMITS.maxFeatures) {
    throw new FileRejected(
      'too_many_features',
      `${what} holds ${count(features)} features (limit ${count(IMPORT_LIMITS.maxFeatures)}): split it into smaller files`,
      413,
    )
  }
  if (features === 0) throw new FileRejected('no_features', `${what} holds no features`)
}

const GEOMETRY_READ_ERRORS = new Set(['invalid_geometry', 'too_many_vertices', 'wrong_geometry_type'])

/** Refuses a file in which every feature's geometry failed to read (e.g. its one ring has millions of vertices). */
export function checkSomethingReadable(features: readonly SourceFeature[], what: string): void {
  const unreadable = (f: SourceFeature) => f.issues.some((issue) => GEOMETRY_READ_ERRORS.has(issue.code))
  if (features.length === 0 || !features.every(unreadable)) return
  const first = features[0] as SourceFeature
  const unread = first.issues.find((issue) => GEOMETRY_READ_ERRORS.has(issue.code))
  const reason = unread ? importReasonEnglish(unread) : ''
  const message =
    features.length === 1
      ? `The one feature in ${what} has no readable geometry. Feature 1: ${reason}`
      : `None of the ${count(features.length)} features in ${what} has a readable geometry. Feature 1: ${reason}`
  throw new FileRejected('no_features', message)
}

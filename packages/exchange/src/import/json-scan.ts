// A linear scan of JSON text before it is parsed, so that hostile nesting and giant coordinate arrays cost one pass
// over the characters and nothing more: the depth is counted without recursion (refused past maxJsonDepth), and an
// array of more than maxVerticesPerFeature positions (a ring of millions of vertices) is cut out of the text and
// replaced by a marker, so JSON.parse never builds it and the feature is reported as too_many_vertices.
import { IMPORT_LIMITS } from '@renewal-atlas/domain'
import { FileRejected } from '../errors.ts'
import { FORBIDDEN_KEYS } from './property-bag.ts'
import { count } from './words.ts'

/** Stands in for an elided array: the marker then the number of elements it had. */
export const ELIDED_ARRAY_MARKER = '\u0000too_many_vertices:'

const QUOTE = 34
const BACKSLASH = 92
const OPEN_ARRAY = 91
const CLOSE_ARRAY = 93
const OPEN_OBJECT = 123
const CLOSE_OBJECT = 125

export function guardJsonText(
  text: string,
  limits: { maxDepth: number; maxArrayOfArrays: number } = {
    maxDepth: IMPORT_LIMITS.maxJsonDepth,
    maxArrayOfArrays: IMPORT_LIMITS.maxVerticesPerFeature,
  },
): string {
  const { maxDepth, maxArrayOfArrays } = limits
  // Per open container up to maxDepth: where it starts, whether it is an array, how many arrays it holds directly.
  const starts = new Int32Array(maxDepth + 1)
  const isArray = new Uint8Array(maxDepth + 1)
  const childArrays = new Int32Array(maxDepth + 1)
  const elided: { start: number; end: number; count: number }[] = []
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
      continue
    }
    if (c === QUOTE) inString = true
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      depth++
      if (depth > deepest) deepest = depth
      if (depth > maxDepth) continue
      if (depth >= 2 && c === OPEN_ARRAY && isArray[depth - 2]) (childArrays[depth - 2] as number)++
      starts[depth - 1] = i
      isArray[depth - 1] = c === OPEN_ARRAY ? 1 : 0
      childArrays[depth - 1] = 0
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      if (
        depth >= 1 &&
        depth <= maxDepth &&
        c === CLOSE_ARRAY &&
        (childArrays[depth - 1] as number) > maxArrayOfArrays
      ) {
        const start = starts[depth - 1] as number
        // An enclosing array replaces the arrays elided inside it.
        while (elided.length > 0 && (elided.at(-1)?.start as number) > start) elided.pop()
        elided.push({ start, end: i + 1, count: childArrays[depth - 1] as number })
      }
      if (depth > 0) depth--
    }
  }
  if (deepest > maxDepth) {
    throw new FileRejected(
      'json_too_deep',
      `JSON is nested ${count(deepest)} levels deep (limit ${maxDepth})`,
    )
  }
  if (elided.length === 0) return text
  const parts: string[] = []
  let from = 0
  for (const span of elided) {
    parts.push(text.slice(from, span.start), JSON.stringify(`${ELIDED_ARRAY_MARKER}${span.count}`))
    from = span.end
  }
  parts.push(text.slice(from))
  return parts.join('')
}

/**
 * JSON.parse that refuses keys which could reach object prototypes if the result were ever merged into objects.
 * `where` names the part of a file the text is (a record of a GeoJSON text sequence) in the reasons.
 */
export function parseJsonSafely(text: string, where?: string): unknown {
  try {
    return JSON.parse(text, (key, value) => {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new FileRejected(
          'json_invalid',
          `${where ? `${where}: ` : ''}JSON key "${key}" is not allowed (it could alter object prototypes)`,
        )
      }
      return value
    })
  } catch (error) {
    if (error instanceof FileRejected) throw error
    throw new FileRejected(
      'json_invalid',
      `${where ?? 'The file'} is not valid JSON: ${(error as Error).message}`,
    )
  }
}

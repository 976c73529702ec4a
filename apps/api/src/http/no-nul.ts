// Refuses NUL characters in the URL and in JSON bodies: PostgreSQL text cannot hold them, so a bound value with
// one fails in the database as a 500; here it is a 400 that names where it was.
import type { RequestHandler } from 'express'
import { ValidationError } from './errors.ts'

const ENCODED_NUL = /%00/i

export const refuseNulCharacters: RequestHandler = (req, _res, next) => {
  const [pathPart = '', query = ''] = req.originalUrl.split('?', 2)
  if (ENCODED_NUL.test(pathPart) || pathPart.includes('\u0000')) {
    throw new ValidationError([{ name: 'path', in: 'path', reason: 'the path must not contain NUL (%00)' }])
  }
  if (ENCODED_NUL.test(query) || query.includes('\u0000')) {
    throw new ValidationError([
      { name: 'query', in: 'query', reason: 'parameters must not contain NUL (%00)' },
    ])
  }
  if (req.body !== undefined && hasNul(req.body, 0)) {
    throw new ValidationError([
      { name: 'body', in: 'body', reason: 'text in the body must not contain NUL (\\u0000)' },
    ])
  }
  next()
}

function hasNul(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (depth > 64 || value === null || typeof value !== 'object') return false
  if (Array.isArray(value)) return value.some((item) => hasNul(item, depth + 1))
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || hasNul(item, depth + 1))
}

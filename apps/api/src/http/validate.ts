// Parses request query and path parameters with the shared zod schemas; a failure is a 400 naming each field.
import type { Request } from 'express'
import type { z } from 'zod'
import { type FieldError, ValidationError } from './errors.ts'

type Location = 'query' | 'path'

export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, where: Location): z.infer<S> {
  const repeated = Object.entries(input ?? {})
    .filter(([, value]) => Array.isArray(value))
    .map(
      ([name]): FieldError => ({ name, in: where, reason: `${name} is given more than once; give it once` }),
    )
  if (repeated.length) throw new ValidationError(repeated)
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  const errors: FieldError[] = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return {
        name: issue.keys.join(','),
        in: where,
        reason: `unknown parameter; allowed: ${allowedKeys(schema)}`,
      }
    }
    return { name: String(issue.path[0] ?? where), in: where, reason: issue.message }
  })
  throw new ValidationError(errors)
}

export const parseQuery = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseRequest(schema, req.query, 'query')

export const parsePath = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parseRequest(schema, req.params, 'path')

function allowedKeys(schema: z.ZodType): string {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape
  return shape ? Object.keys(shape).join(', ') : ''
}

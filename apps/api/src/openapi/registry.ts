// The OpenAPI description, generated from the same zod schemas that validate requests and responses.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi'
import { problemResponse } from '@renewal-atlas/domain'
import type { z } from 'zod'

export const registry = new OpenAPIRegistry()

const problem = { 'application/problem+json': { schema: problemResponse } }

/** Standard error responses every read route can give. */
export const readErrors = {
  400: { description: 'A parameter is malformed, out of range or unknown', content: problem },
  500: { description: 'Unexpected server error', content: problem },
}
/** A record the caller may not read (outside its streets) gets the same answer as one that does not exist. */
export const notFound = {
  404: {
    description: 'No such record, or none the caller may read: the answer is the same',
    content: problem,
  },
}

export function jsonBody(schema: z.ZodType, description: string, mediaType = 'application/geo+json') {
  return { description, content: { [mediaType]: { schema } } }
}

let cached: object | undefined

export function openApiDocument(version: string): object {
  cached ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Renewal Atlas API 焕新图谱接口',
      version,
      description:
        'Compounds (小区), streets (街道), communities (社区) and the renovation record of a district, as GeoJSON. ' +
        'Errors are RFC 9457 problem+json with a `code` and per-field `errors`.',
    },
    servers: [{ url: '/' }],
  })
  return cached
}

// Compound search by name or address: the query and the results the map flies to.
import { z } from 'zod'
import { intParam } from './api.schema.ts'

export const SEARCH_MAX_QUERY_LENGTH = 50
export const SEARCH_MAX_LIMIT = 50
export const SEARCH_DEFAULT_LIMIT = 10

export const compoundSearchQuery = z.strictObject({
  q: z
    .string({ error: 'q is required: 1–50 characters of a compound name or address' })
    .trim()
    .min(1, 'q must not be empty')
    .max(SEARCH_MAX_QUERY_LENGTH, `q must be at most ${SEARCH_MAX_QUERY_LENGTH} characters`)
    .meta({
      description: 'part of a compound name or address, case-insensitive; % and _ are literal',
      example: '五福苑',
    }),
  limit: intParam('limit', 1, SEARCH_MAX_LIMIT)
    .optional()
    .meta({ description: `results, 1–${SEARCH_MAX_LIMIT} (default ${SEARCH_DEFAULT_LIMIT})` }),
})
export type CompoundSearchQuery = z.infer<typeof compoundSearchQuery>

export const compoundSearchResult = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    streetName: z.string(),
    communityName: z.string(),
    center: z
      .tuple([z.number(), z.number()])
      .meta({ description: '[lon, lat] of a point inside the compound, to fly to' }),
    bbox: z
      .tuple([z.number(), z.number(), z.number(), z.number()])
      .meta({ description: '[minLon, minLat, maxLon, maxLat] of the compound, to zoom to' }),
  })
  .meta({ id: 'CompoundSearchResult' })
export type CompoundSearchResult = z.infer<typeof compoundSearchResult>

export const compoundSearchResponse = z
  .object({
    query: z.string().meta({ description: 'the search text as it was matched (trimmed)' }),
    results: z.array(compoundSearchResult).meta({ description: 'names starting with the query first' }),
  })
  .meta({ id: 'CompoundSearchResponse' })
export type CompoundSearchResponse = z.infer<typeof compoundSearchResponse>

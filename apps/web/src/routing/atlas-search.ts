// The view's state shared by every page, as the router's search parameters: the map's position, theme, filters and
// chosen compound, the dashboard's renovation years, the language. Written and read in the links' compact format
// (url-state.ts), and checked with a zod schema when the router reads it.
import { renovationStatus } from '@renewal-atlas/domain'
import { z } from 'zod'
import { languages } from '../i18n/messages.ts'
import { themeIds } from '../map/compound-classes.ts'
import { decodeUrlState, encodeUrlState, type UrlState } from './url-state.ts'

export type AtlasSearch = Omit<UrlState, 'view'>

const year = z.number().int()

export const atlasSearchSchema = z.object({
  position: z
    .object({ zoom: z.number().min(0).max(24), center: z.tuple([z.number(), z.number()]) })
    .optional()
    .catch(undefined),
  theme: z.enum(themeIds).catch('status'),
  filters: z
    .object({
      street: z.string().optional(),
      community: z.string().optional(),
      status: z.array(z.enum(renovationStatus.values)).optional(),
      onRegister: z.boolean().optional(),
      builtFrom: year.optional(),
      builtTo: year.optional(),
      householdsMin: z.number().int().optional(),
      householdsMax: z.number().int().optional(),
    })
    .catch({}),
  compoundId: z.number().int().positive().optional().catch(undefined),
  years: z.object({ from: year.optional(), to: year.optional() }).optional().catch(undefined),
  language: z.enum(languages).optional().catch(undefined),
}) satisfies z.ZodType<AtlasSearch>

/** The router's search parser: `?map=…&theme=…` in the links' format (anything malformed is left out). */
export function parseAtlasSearch(search: string): AtlasSearch {
  const { view: _view, ...state } = decodeUrlState(search.replace(/^\?/, ''))
  return state
}

/** The router's search writer: `?` and the links' format, or nothing for the defaults. */
export function stringifyAtlasSearch(search: Record<string, unknown>): string {
  const parsed = atlasSearchSchema.safeParse(search)
  const encoded = encodeUrlState(parsed.success ? parsed.data : atlasSearchSchema.parse({}))
  return encoded ? `?${encoded}` : ''
}

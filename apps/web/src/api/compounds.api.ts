// Compound queries of the map workspace: counts and extents under filters, search, and one compound's record.
import {
  buildingCollection,
  compoundFeatureResponse,
  compoundProjectsResponse,
  compoundSearchResponse,
  findingCollection,
  suggestionPage,
} from '@renewal-atlas/domain'
import { type CompoundFilters, compoundFilterQuery } from '../map/compound-filter.ts'
import { type Bounds, boundsOf } from '../map/geojson-bounds.ts'
import { getAllFeatures, getJson, getVersioned, type RequestOptions } from './http-client.ts'
import { compoundPageSchema } from './layers.schema.ts'

function withQuery(path: string, query: URLSearchParams): string {
  const search = query.toString()
  return search ? `${path}?${search}` : path
}

/** How many compounds pass the filters (`numberMatched` of a one-feature page). */
export async function countCompounds(
  filters: CompoundFilters,
  options: RequestOptions = {},
): Promise<number> {
  const query = compoundFilterQuery(filters)
  query.set('limit', '1')
  const page = await getJson(withQuery('/compounds', query), compoundPageSchema, options)
  return page.numberMatched
}

/**
 * The extent of every compound that passes the filters. The API is asked rather than the map, because the
 * map only holds the tiles in view and a result can lie partly outside it.
 */
export async function fetchCompoundsBounds(
  filters: CompoundFilters,
  options: RequestOptions = {},
): Promise<Bounds | undefined> {
  const all = await getAllFeatures(
    withQuery('/compounds', compoundFilterQuery(filters)),
    compoundPageSchema,
    options,
  )
  return boundsOf(all.features)
}

export function searchCompounds(q: string, options: RequestOptions = {}) {
  const query = new URLSearchParams({ q, limit: '10' })
  return getJson(withQuery('/search/compounds', query), compoundSearchResponse, options)
}

export function fetchCompound(id: number, options: RequestOptions = {}) {
  return getJson(`/compounds/${id}`, compoundFeatureResponse, options)
}

/** One compound with its ETag, the version an edit is based on. */
export function fetchCompoundVersioned(id: number, options: RequestOptions = {}) {
  return getVersioned(`/compounds/${id}`, compoundFeatureResponse, options)
}

export function fetchCompoundBuildings(id: number, options: RequestOptions = {}) {
  return getJson(`/compounds/${id}/buildings`, buildingCollection, options)
}

export function fetchCompoundProjects(id: number, options: RequestOptions = {}) {
  return getJson(`/compounds/${id}/projects`, compoundProjectsResponse, options)
}

export function fetchCompoundFindings(id: number, options: RequestOptions = {}) {
  return getJson(`/compounds/${id}/findings`, findingCollection, options)
}

/** The first page of suggestions (a short list) with the counts by status over all of them. */
export function fetchCompoundSuggestions(id: number, options: RequestOptions = {}) {
  return getJson(`/compounds/${id}/suggestions?limit=5`, suggestionPage, options)
}

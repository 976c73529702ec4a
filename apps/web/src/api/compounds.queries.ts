// The compounds in the query cache: counts, extents and search under filters, one compound's record and history,
// the deleted compounds; and the writes to a compound (edit, restore, delete, undelete), each announcing the layers
// it changed. Keys start with the layer they read (see data-changed.ts).
import type { CompoundSnapshot, TileLayerName } from '@renewal-atlas/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { CompoundFilters } from '../map/compound-filter.ts'
import {
  deleteCompound,
  fetchCompoundHistory,
  fetchDeletedCompounds,
  patchCompound,
  restoreCompoundVersion,
  undeleteCompound,
} from './compound-edit.api.ts'
import {
  countCompounds,
  fetchCompoundBuildings,
  fetchCompoundFindings,
  fetchCompoundProjects,
  fetchCompoundSuggestions,
  fetchCompoundsBounds,
  fetchCompoundVersioned,
  searchCompounds,
} from './compounds.api.ts'
import { dataChanged } from './data-changed.ts'
import { etagOf } from './http-client.ts'

export interface Page {
  limit: number
  offset: number
}

/** A compound as the panel shows it, with the ETag a write is based on. */
export interface VersionedCompound {
  compound: CompoundSnapshot
  etag: string
}

function versioned(compound: CompoundSnapshot, etag: string | null): VersionedCompound {
  // The API sends the ETag; the version in the body says the same, should a proxy drop the header.
  return { compound, etag: etag ?? etagOf(compound.properties.version) }
}

export const compoundQueries = {
  count: (filters: CompoundFilters) =>
    queryOptions({
      queryKey: ['compounds', 'count', filters],
      queryFn: ({ signal }) => countCompounds(filters, { signal }),
    }),
  bounds: (filters: CompoundFilters) =>
    queryOptions({
      queryKey: ['compounds', 'bounds', filters],
      queryFn: ({ signal }) => fetchCompoundsBounds(filters, { signal }),
    }),
  search: (q: string) =>
    queryOptions({
      queryKey: ['compounds', 'search', q],
      // The answer says what it answers: a list kept on screen while the next is asked names its own query.
      queryFn: async ({ signal }) => ({ q, ...(await searchCompounds(q, { signal })) }),
    }),
  record: (id: number) =>
    queryOptions({
      queryKey: ['compounds', 'record', id],
      queryFn: async ({ signal }) => {
        const { data, etag } = await fetchCompoundVersioned(id, { signal })
        return versioned(data, etag)
      },
    }),
  history: (id: number, page: Page) =>
    queryOptions({
      queryKey: ['compounds', 'history', id, page],
      queryFn: async ({ signal }) => {
        const { data, etag } = await fetchCompoundHistory(id, page, { signal })
        return { history: data, etag: etag ?? etagOf(data.currentVersion) }
      },
    }),
  deleted: (page: Page) =>
    queryOptions({
      queryKey: ['compounds', 'deleted', page],
      queryFn: async ({ signal }) => (await fetchDeletedCompounds(page, { signal })).data,
    }),
  buildings: (id: number) =>
    queryOptions({
      queryKey: ['buildings', 'of-compound', id],
      queryFn: ({ signal }) => fetchCompoundBuildings(id, { signal }),
    }),
  projects: (id: number) =>
    queryOptions({
      queryKey: ['projects', 'of-compound', id],
      queryFn: async ({ signal }) => (await fetchCompoundProjects(id, { signal })).projects,
    }),
  findings: (id: number) =>
    queryOptions({
      queryKey: ['findings', 'of-compound', id],
      queryFn: ({ signal }) => fetchCompoundFindings(id, { signal }),
    }),
  suggestions: (id: number) =>
    queryOptions({
      queryKey: ['suggestions', 'of-compound', id],
      queryFn: ({ signal }) => fetchCompoundSuggestions(id, { signal }),
    }),
}

/**
 * What a write to a compound changes on the map: its polygon and label point, and the buildings drawn with it
 * (a building tile carries its compound's attributes).
 */
export const compoundWriteLayers = [
  'compounds',
  'compound-labels',
  'buildings',
] as const satisfies readonly TileLayerName[]

/**
 * Put the compound as a write answered it in the cache, then announce the change. The write does not wait for the
 * refetches it starts: the form is done when the API has answered.
 */
function useCompoundWritten() {
  const client = useQueryClient()
  return (compound: CompoundSnapshot, etag: string | null) => {
    client.setQueryData(compoundQueries.record(compound.properties.id).queryKey, versioned(compound, etag))
    void dataChanged(client, { layers: compoundWriteLayers })
  }
}

export function usePatchCompound() {
  const written = useCompoundWritten()
  return useMutation({
    mutationFn: (input: { id: number; etag: string; patch: Parameters<typeof patchCompound>[2] }) =>
      patchCompound(input.id, input.etag, input.patch),
    onSuccess: ({ data, etag }) => written(data, etag),
  })
}

export function useRestoreCompound() {
  const written = useCompoundWritten()
  return useMutation({
    mutationFn: (input: { id: number; entryId: number; etag: string }) =>
      restoreCompoundVersion(input.id, input.entryId, input.etag),
    onSuccess: ({ data, etag }) => written(data, etag),
  })
}

export function useDeleteCompound() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { id: number; etag: string }) => deleteCompound(input.id, input.etag),
    onSuccess: (_answer, { id }) => {
      // Its record is gone: asking for it again would only answer 404.
      client.removeQueries({ queryKey: compoundQueries.record(id).queryKey })
      void dataChanged(client, { layers: compoundWriteLayers })
    },
  })
}

export function useUndeleteCompound() {
  const written = useCompoundWritten()
  return useMutation({
    mutationFn: (input: { id: number; version: number }) => undeleteCompound(input.id, etagOf(input.version)),
    onSuccess: ({ data, etag }) => written(data, etag),
  })
}

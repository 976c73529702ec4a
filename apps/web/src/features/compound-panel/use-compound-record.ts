// Everything the compound panel shows about one compound, from the query cache, asked in parallel: the compound
// with its ETag (the version an edit, delete or restore is based on), its buildings, projects, health-check findings
// and residents' suggestions. A write puts its answer in the cache itself (api/compounds.queries.ts).
import type { CompoundSnapshot } from '@renewal-atlas/domain'
import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import type {
  fetchCompoundBuildings,
  fetchCompoundFindings,
  fetchCompoundProjects,
  fetchCompoundSuggestions,
} from '../../api/compounds.api.ts'
import { compoundQueries } from '../../api/compounds.queries.ts'
import { etagOf } from '../../api/http-client.ts'

export function useCompoundRecord(id: number) {
  const client = useQueryClient()
  const [compound, buildings, projects, findings, suggestions] = useQueries({
    queries: [
      compoundQueries.record(id),
      compoundQueries.buildings(id),
      compoundQueries.projects(id),
      compoundQueries.findings(id),
      compoundQueries.suggestions(id),
    ],
  })
  const failed = [compound, buildings, projects, findings, suggestions].find((query) => query.isError)
  const state: CompoundRecordState =
    compound.data && buildings.data && projects.data && findings.data && suggestions.data
      ? {
          status: 'ready',
          record: {
            compound: compound.data.compound,
            etag: compound.data.etag,
            buildings: buildings.data,
            projects: projects.data,
            findings: findings.data,
            suggestions: suggestions.data,
          },
        }
      : failed
        ? { status: 'error', error: asApiError(failed.error) }
        : { status: 'loading' }

  /** Put the compound as the API now has it (someone else's version, kept in a conflict) in place. */
  const replaceCompound = useCallback(
    (next: CompoundSnapshot, etag: string | null) =>
      client.setQueryData(compoundQueries.record(id).queryKey, {
        compound: next,
        etag: etag ?? etagOf(next.properties.version),
      }),
    [client, id],
  )
  return { state, replaceCompound }
}

export interface CompoundRecord {
  compound: CompoundSnapshot
  etag: string
  buildings: Awaited<ReturnType<typeof fetchCompoundBuildings>>
  projects: Awaited<ReturnType<typeof fetchCompoundProjects>>['projects']
  findings: Awaited<ReturnType<typeof fetchCompoundFindings>>
  suggestions: Awaited<ReturnType<typeof fetchCompoundSuggestions>>
}

export type CompoundRecordState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; record: CompoundRecord }

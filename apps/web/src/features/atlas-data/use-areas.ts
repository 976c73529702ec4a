// The administrative areas (from the query cache, read once), with loading and error states and a retry.
import { useQuery } from '@tanstack/react-query'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import { areasQuery } from '../../api/areas.queries.ts'
import type { AtlasAreas } from '../../api/layers.schema.ts'

export type AreasState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; areas: AtlasAreas }

export function useAreas(): { state: AreasState; retry: () => void } {
  const query = useQuery(areasQuery)
  const state: AreasState = query.isSuccess
    ? { status: 'ready', areas: query.data }
    : query.isError && !query.isFetching
      ? { status: 'error', error: asApiError(query.error) }
      : { status: 'loading' }
  return { state, retry: () => void query.refetch() }
}

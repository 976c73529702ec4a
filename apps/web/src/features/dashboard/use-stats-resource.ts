// One statistics request of a panel, from the query cache: loading, error with retry, and the last answer kept on
// screen (dimmed) while a new filter's answer comes in.
import { keepPreviousData, type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query'
import { type ApiError, asApiError } from '../../api/api-error.ts'

export interface StatsResource<T> {
  /** The latest answer, possibly for an earlier filter while `loading`. */
  data: T | null
  error: ApiError | null
  /** True until the answer for the current filter is in (so from the very render that changes it). */
  loading: boolean
  retry: () => void
}

/** A panel's query (api/stats.queries.ts); a new filter asks again, the previous request is cancelled. */
export function useStatsResource<T, K extends QueryKey>(
  options: UseQueryOptions<T, Error, T, K>,
): StatsResource<T> {
  const query = useQuery({ ...options, placeholderData: keepPreviousData })
  return {
    data: query.data ?? null,
    error: query.isError && !query.isFetching ? asApiError(query.error) : null,
    loading: query.isFetching || query.isPlaceholderData || query.isPending,
    retry: () => void query.refetch(),
  }
}

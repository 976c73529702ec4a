// The administrative areas and the road dead ends in the query cache. The areas do not change while the page is
// open (no write in the app touches them), so they are read once.
import { queryOptions } from '@tanstack/react-query'
import { fetchAreas } from './areas.api.ts'
import { fetchDeadEnds } from './roads.api.ts'

export const areasQuery = queryOptions({
  queryKey: ['areas'],
  queryFn: ({ signal }) => fetchAreas({ signal }),
  staleTime: Number.POSITIVE_INFINITY,
})

/** Dead ends are derived from the roads: a write to the roads layer invalidates them. */
export const deadEndsQuery = queryOptions({
  queryKey: ['roads', 'dead-ends'],
  queryFn: ({ signal }) => fetchDeadEnds({ signal }),
})

// The one query cache of the web app (TanStack Query). Its defaults keep what the hand-written loaders did: no
// retry (a refusal is shown at once, with its own retry button), no refetch on window focus, and a failed load is
// logged. Freshness after our own writes comes from the mutations, which invalidate what they change
// (see data-changed.ts).
import { QueryCache, QueryClient } from '@tanstack/react-query'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => console.error(`Loading ${JSON.stringify(query.queryKey)} failed`, error),
    }),
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
}

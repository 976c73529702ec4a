// The signed-in user's access tokens in the query cache, keyed by the user (a sign-in as someone else never shows
// the tokens of the one before); creating and revoking invalidate them.
import type { TokenCreateRequest } from '@renewal-atlas/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { dataChanged } from './data-changed.ts'
import { createToken, fetchTokens, revokeToken } from './tokens.api.ts'

export const tokensQuery = (userId: number | null) =>
  queryOptions({
    queryKey: ['tokens', userId],
    queryFn: ({ signal }) => fetchTokens({ signal }),
  })

const tokensChanged = { layers: [], also: [['tokens']] } as const

export function useCreateToken() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (request: TokenCreateRequest) => createToken(request),
    onSuccess: () => void dataChanged(client, tokensChanged),
  })
}

export function useRevokeToken() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => revokeToken(id),
    onSuccess: () => void dataChanged(client, tokensChanged),
  })
}

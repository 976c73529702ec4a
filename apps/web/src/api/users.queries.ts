// User administration in the query cache: the list and one user; creating, changing and resetting a user are
// mutations that invalidate the users (and, through data-changed.ts, the audit log).
import type { UserCreateRequest, UserPatchRequest } from '@renewal-atlas/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { dataChanged } from './data-changed.ts'
import { etagOf } from './http-client.ts'
import {
  createUser,
  fetchUser,
  fetchUsers,
  resetUserPassword,
  type UserPageRequest,
  updateUser,
} from './users.api.ts'

export const userQueries = {
  page: (page: UserPageRequest) =>
    queryOptions({
      queryKey: ['users', 'page', page],
      queryFn: ({ signal }) => fetchUsers(page, { signal }),
    }),
  one: (id: number) =>
    queryOptions({
      queryKey: ['users', 'one', id],
      queryFn: async ({ signal }) => {
        const { data, etag } = await fetchUser(id, { signal })
        return { user: data, etag: etag ?? etagOf(data.version) }
      },
    }),
}

const usersChanged = { layers: [], also: [['users']] } as const

export function useCreateUser() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (request: UserCreateRequest) => createUser(request),
    onSuccess: () => void dataChanged(client, usersChanged),
  })
}

export function useUpdateUser() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { id: number; etag: string; patch: UserPatchRequest }) =>
      updateUser(input.id, input.etag, input.patch),
    onSuccess: () => void dataChanged(client, usersChanged),
  })
}

export function useResetUserPassword() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => resetUserPassword(id),
    onSuccess: () => void dataChanged(client, usersChanged),
  })
}

// User administration: list, create (with a one-time password shown once), change with If-Match, reset password.
import {
  oneTimePasswordResponse,
  type UserCreateRequest,
  type UserPatchRequest,
  userCreated,
  userPage,
  userRecord,
} from '@renewal-atlas/domain'
import { getJson, getVersioned, type RequestOptions, sendJson } from './http-client.ts'

export interface UserPageRequest {
  limit: number
  offset: number
}

export function fetchUsers(page: UserPageRequest, options: RequestOptions = {}) {
  const query = new URLSearchParams({ limit: String(page.limit), offset: String(page.offset) })
  return getJson(`/users?${query}`, userPage, options)
}

/** One user with the ETag to send back when changing it. */
export function fetchUser(id: number, options: RequestOptions = {}) {
  return getVersioned(`/users/${id}`, userRecord, options)
}

export async function createUser(request: UserCreateRequest) {
  return (await sendJson('POST', '/users', request, userCreated)).data
}

export function updateUser(id: number, etag: string, patch: UserPatchRequest) {
  return sendJson('PATCH', `/users/${id}`, patch, userRecord, { ifMatch: etag, conflictSchema: userRecord })
}

export async function resetUserPassword(id: number): Promise<string> {
  return (await sendJson('POST', `/users/${id}/password`, undefined, oneTimePasswordResponse)).data
    .oneTimePassword
}

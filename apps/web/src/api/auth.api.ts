// Sign-in, sign-out, the session (who is signed in, what they may do, the CSRF token) and changing one's password.
import { type LoginRequest, sessionResponse } from '@renewal-atlas/domain'
import type { z } from 'zod'
import { getJson, type RequestOptions, sendEmpty, sendJson } from './http-client.ts'

/** The session as the web app reads it; with `demoAccounts` the sign-in dialog says where their passwords were printed. */
export const sessionSchema = sessionResponse
export type Session = z.infer<typeof sessionSchema>

export function fetchSession(options: RequestOptions = {}): Promise<Session> {
  return getJson('/auth/session', sessionSchema, options)
}

export async function signIn(credentials: LoginRequest): Promise<Session> {
  return (await sendJson('POST', '/auth/login', credentials, sessionSchema)).data
}

export async function signOut(): Promise<void> {
  await sendEmpty('POST', '/auth/logout')
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await sendEmpty('POST', '/auth/password', { currentPassword, newPassword })
}

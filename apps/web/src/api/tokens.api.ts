// Personal access tokens of the signed-in user: list, create (the secret is in that answer only) and revoke.
import { apiTokenCreated, apiTokenList, type TokenCreateRequest } from '@renewal-atlas/domain'
import { getJson, type RequestOptions, sendEmpty, sendJson } from './http-client.ts'

export async function fetchTokens(options: RequestOptions = {}) {
  return (await getJson('/tokens', apiTokenList, options)).tokens
}

export async function createToken(request: TokenCreateRequest) {
  return (await sendJson('POST', '/tokens', request, apiTokenCreated)).data
}

export async function revokeToken(id: number): Promise<void> {
  await sendEmpty('DELETE', `/tokens/${id}`)
}

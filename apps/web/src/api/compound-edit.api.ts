// Writes to one compound and its history: PATCH and DELETE with If-Match, the edit history, restoring a version,
// and (for administrators) the deleted compounds and undeleting them.
import {
  type CompoundPatch,
  compoundFeatureResponse,
  compoundHistoryResponse,
  deletedCompoundPage,
} from '@renewal-atlas/domain'
import { getVersioned, type RequestOptions, sendEmpty, sendJson } from './http-client.ts'

const conflictSchema = compoundFeatureResponse

/** The compound after the change, with its new ETag; a stale `etag` rejects with VersionConflictError. */
export function patchCompound(id: number, etag: string, patch: CompoundPatch) {
  return sendJson('PATCH', `/compounds/${id}`, patch, compoundFeatureResponse, {
    ifMatch: etag,
    conflictSchema,
  })
}

/** Soft delete: an administrator can undelete it. */
export async function deleteCompound(id: number, etag: string): Promise<void> {
  await sendEmpty('DELETE', `/compounds/${id}`, undefined, { ifMatch: etag, conflictSchema })
}

/** The history, newest first, with the ETag of the compound's current version. */
export function fetchCompoundHistory(
  id: number,
  page: { limit: number; offset: number },
  options: RequestOptions = {},
) {
  const query = new URLSearchParams({ limit: String(page.limit), offset: String(page.offset) })
  return getVersioned(`/compounds/${id}/history?${query}`, compoundHistoryResponse, options)
}

export function restoreCompoundVersion(id: number, entryId: number, etag: string) {
  return sendJson('POST', `/compounds/${id}/history/${entryId}/restore`, undefined, compoundFeatureResponse, {
    ifMatch: etag,
    conflictSchema,
  })
}

export function fetchDeletedCompounds(page: { limit: number; offset: number }, options: RequestOptions = {}) {
  const query = new URLSearchParams({ limit: String(page.limit), offset: String(page.offset) })
  return getVersioned(`/deleted-compounds?${query}`, deletedCompoundPage, options)
}

export function undeleteCompound(id: number, etag: string) {
  return sendJson('POST', `/compounds/${id}/undelete`, undefined, compoundFeatureResponse, { ifMatch: etag })
}

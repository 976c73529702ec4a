// The import API of the data exchange: upload a survey file, check it, commit or roll it back, list the imports.
// Uploads and commits carry an Idempotency-Key, so a retried request returns the first result instead of doing the
// work twice. (Export downloads are streamed files: see features/exchange/file-download.ts.)
import {
  IDEMPOTENCY_HEADER,
  type ImportOptions,
  importPage,
  importRecord,
  importUploadResponse,
  importValidationReport,
} from '@renewal-atlas/domain'
import { getJson, type RequestOptions, sendJson } from './http-client.ts'

/** POST the file itself as the body; the answer is the import and what the server read from the file. */
export async function uploadImport(file: File, idempotencyKey: string, options: RequestOptions = {}) {
  const query = new URLSearchParams({ fileName: file.name })
  const answer = await sendJson('POST', `/imports?${query}`, file, importUploadResponse, {
    ...options,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  })
  return answer.data
}

/** Read the file with these options and report on every feature; nothing is written. */
export async function validateImport(id: number, body: ImportOptions, options: RequestOptions = {}) {
  return (await sendJson('POST', `/imports/${id}/validate`, body, importValidationReport, options)).data
}

/** Write the features in one transaction; refused (422 import_invalid) while any is invalid and not skipped. */
export async function commitImport(id: number, body: ImportOptions, idempotencyKey: string) {
  const answer = await sendJson('POST', `/imports/${id}/commit`, body, importRecord, {
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  })
  return answer.data
}

/** Delete exactly the rows the import created (409 when one was edited or referenced since). */
export async function rollbackImport(id: number) {
  return (await sendJson('POST', `/imports/${id}/rollback`, undefined, importRecord)).data
}

export function fetchImports(page: { limit: number; offset: number }, options: RequestOptions = {}) {
  const query = new URLSearchParams({ limit: String(page.limit), offset: String(page.offset) })
  return getJson(`/imports?${query}`, importPage, options)
}

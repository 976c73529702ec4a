// A file streamed from the API: read chunk by chunk so the dialog can show progress (newlines for text formats,
// bytes for binary ones) and cancel, then handed to the browser to save under the name the server gave it.
import { FEATURE_COUNT_HEADER } from '@renewal-atlas/domain'
import { fetchFile } from '../../api/http-client.ts'

export interface DownloadProgress {
  bytes: number
  /** `\n` bytes received: one per feature of a text format, plus its header lines. */
  newlines: number
  /** Features the file will hold (X-Feature-Count), when the server said. */
  total: number | null
}

export interface DownloadedFile {
  blob: Blob
  /** The name from Content-Disposition, or null when the server sent none. */
  fileName: string | null
  total: number | null
}

const newline = 0x0a

/** The file name of a Content-Disposition header: `filename*` (RFC 6266, UTF-8) first, then `filename`. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // A malformed escape: the plain filename, if any, is the better answer.
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(header)
  if (quoted?.[1]) return quoted[1].replace(/\\(.)/g, '$1')
  const bare = /filename\s*=\s*([^;\s]+)/.exec(header)
  return bare?.[1] ?? null
}

function countNewlines(chunk: Uint8Array): number {
  let count = 0
  for (const byte of chunk) if (byte === newline) count += 1
  return count
}

/** GET `path` under /api/v1 as a stream; `onProgress` after every chunk. Rejects with the API's refusal. */
export async function downloadFile(
  path: string,
  options: { signal: AbortSignal; onProgress: (progress: DownloadProgress) => void },
): Promise<DownloadedFile> {
  const response = await fetchFile(path, { signal: options.signal })
  const counted = Number(response.headers.get(FEATURE_COUNT_HEADER))
  const total = response.headers.has(FEATURE_COUNT_HEADER) && Number.isFinite(counted) ? counted : null
  const chunks: Uint8Array<ArrayBuffer>[] = []
  const progress: DownloadProgress = { bytes: 0, newlines: 0, total }
  options.onProgress({ ...progress })
  if (response.body) {
    const reader = response.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      progress.bytes += value.byteLength
      progress.newlines += countNewlines(value)
      options.onProgress({ ...progress })
    }
  }
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream'
  return {
    blob: new Blob(chunks, { type }),
    fileName: fileNameFromDisposition(response.headers.get('Content-Disposition')),
    total,
  }
}

/** Hand a downloaded file to the browser's save, as a link with `download` would. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The save has started from the click; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

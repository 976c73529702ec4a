// One download at a time as React state: running with its progress, saved, cancelled or refused; cancel aborts the
// request, and closing the dialog cancels what is still running.
import { useCallback, useEffect, useRef, useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import { type DownloadProgress, downloadFile, saveFile } from './file-download.ts'

export type DownloadState =
  | { status: 'idle' }
  | { status: 'running'; progress: DownloadProgress }
  | { status: 'saved'; fileName: string; bytes: number; total: number | null }
  | { status: 'cancelled' }
  | { status: 'error'; error: ApiError }

export function useFileDownload(): {
  state: DownloadState
  start: (path: string, fallbackName: string) => void
  cancel: () => void
} {
  const [state, setState] = useState<DownloadState>({ status: 'idle' })
  const controllerRef = useRef<AbortController | null>(null)

  useEffect(() => () => controllerRef.current?.abort(), [])

  const start = useCallback((path: string, fallbackName: string) => {
    controllerRef.current?.abort()
    const controller = new AbortController()
    controllerRef.current = controller
    setState({ status: 'running', progress: { bytes: 0, newlines: 0, total: null } })
    downloadFile(path, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (!controller.signal.aborted) setState({ status: 'running', progress })
      },
    }).then(
      (file) => {
        if (controller.signal.aborted) return
        const fileName = file.fileName ?? fallbackName
        saveFile(file.blob, fileName)
        setState({ status: 'saved', fileName, bytes: file.blob.size, total: file.total })
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        console.error(`Downloading ${path} failed`, error)
        setState({ status: 'error', error: asApiError(error) })
      },
    )
  }, [])

  const cancel = useCallback(() => {
    controllerRef.current?.abort()
    controllerRef.current = null
    setState({ status: 'cancelled' })
  }, [])

  return { state, start, cancel }
}

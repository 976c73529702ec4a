// Loads one thing from the API for a page: loading, the data or the error, and a reload after a change.
import { useCallback, useEffect, useRef, useState } from 'react'
import { type ApiError, asApiError } from '../api/api-error.ts'

export type Resource<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'error'; error: ApiError; data: T | null }
  | { status: 'ready'; data: T }

/** `key` names what is loaded (a page, a filter); a new key loads again, keeping the old data while it does. */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): { resource: Resource<T>; reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading', data: null })
  const [attempt, setAttempt] = useState(0)
  // `load` is read when the key or attempt changes; a caller's fresh closure each render does not reload.
  const loader = useRef(load)
  loader.current = load

  useEffect(() => {
    void key
    void attempt
    const controller = new AbortController()
    setResource((r) => ({ status: 'loading', data: r.data }))
    loader.current(controller.signal).then(
      (data) => setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        console.error(`Loading ${key} failed`, error)
        setResource((r) => ({ status: 'error', error: asApiError(error), data: r.data }))
      },
    )
    return () => controller.abort()
  }, [key, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { resource, reload }
}

// One statistics request of a panel, keyed by what it asks: loading, error with retry, and the last answer
// kept on screen (dimmed) while a new filter's answer comes in.
import { useCallback, useEffect, useRef, useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'

export interface StatsResource<T> {
  /** The latest answer, possibly for an earlier key while `loading`. */
  data: T | null
  error: ApiError | null
  /** True until the answer for the current key is in (so from the very render that changes the key). */
  loading: boolean
  retry: () => void
}

interface Settled<T> {
  key: string
  attempt: number
  data: T | null
  error: ApiError | null
}

/** Load with `load` whenever `key` changes (or on retry); the previous request is cancelled. */
export function useStatsResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): StatsResource<T> {
  const [attempt, setAttempt] = useState(0)
  const [settled, setSettled] = useState<Settled<T> | null>(null)
  const loadRef = useRef(load)
  useEffect(() => {
    loadRef.current = load
  })

  useEffect(() => {
    const controller = new AbortController()
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, attempt, data, error: null })
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        console.error(`Loading ${key} failed`, error)
        setSettled((s) => ({ key, attempt, data: s?.data ?? null, error: asApiError(error) }))
      },
    )
    return () => controller.abort()
  }, [key, attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  const current = settled !== null && settled.key === key && settled.attempt === attempt
  return {
    data: settled?.data ?? null,
    error: current ? settled.error : null,
    loading: !current,
    retry,
  }
}

// Loads the base-map layers once, with loading and error states and a retry.
import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../../api/api-error.ts'
import { fetchAtlasLayers } from '../../api/layers.api.ts'
import type { AtlasLayers } from '../../api/layers.schema.ts'

export type AtlasLayersState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; layers: AtlasLayers }

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  // Anything else is a bug in the client; show it as a bad response rather than crash the page.
  const message = error instanceof Error ? error.message : String(error)
  return new ApiError('invalid_response', message, { url: window.location.href }, { cause: error })
}

export function useAtlasLayers(): { state: AtlasLayersState; retry: () => void } {
  const [state, setState] = useState<AtlasLayersState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    // `attempt` is read so that a retry re-runs this effect.
    void attempt
    const controller = new AbortController()
    setState({ status: 'loading' })
    fetchAtlasLayers({ signal: controller.signal }).then(
      (layers) => setState({ status: 'ready', layers }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        console.error('Loading the map layers failed', error)
        setState({ status: 'error', error: asApiError(error) })
      },
    )
    return () => controller.abort()
  }, [attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { state, retry }
}

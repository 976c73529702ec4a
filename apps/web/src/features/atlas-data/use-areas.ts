// Loads the administrative areas once, with loading and error states and a retry.
import { useCallback, useEffect, useState } from 'react'
import type { ApiError } from '../../api/api-error.ts'
import { asApiError } from '../../api/api-error.ts'
import { fetchAreas } from '../../api/areas.api.ts'
import type { AtlasAreas } from '../../api/layers.schema.ts'

export type AreasState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; areas: AtlasAreas }

export function useAreas(): { state: AreasState; retry: () => void } {
  const [state, setState] = useState<AreasState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    // `attempt` is read so that a retry re-runs this effect.
    void attempt
    const controller = new AbortController()
    setState({ status: 'loading' })
    fetchAreas({ signal: controller.signal }).then(
      (areas) => setState({ status: 'ready', areas }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        console.error('Loading the map areas failed', error)
        setState({ status: 'error', error: asApiError(error) })
      },
    )
    return () => controller.abort()
  }, [attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { state, retry }
}

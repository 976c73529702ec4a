// Loads everything the compound panel shows about one compound, in parallel, cancelled when the choice changes.
// The compound comes with its ETag, the version an edit, delete or restore is based on; after a write the panel
// puts the answer in place without loading everything again.
import type { CompoundSnapshot } from '@renewal-atlas/domain'
import { useCallback, useEffect, useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import {
  fetchCompoundBuildings,
  fetchCompoundFindings,
  fetchCompoundProjects,
  fetchCompoundSuggestions,
  fetchCompoundVersioned,
} from '../../api/compounds.api.ts'
import { etagOf } from '../../api/http-client.ts'

async function loadRecord(id: number, signal: AbortSignal) {
  const [compound, buildings, projects, findings, suggestions] = await Promise.all([
    fetchCompoundVersioned(id, { signal }),
    fetchCompoundBuildings(id, { signal }),
    fetchCompoundProjects(id, { signal }),
    fetchCompoundFindings(id, { signal }),
    fetchCompoundSuggestions(id, { signal }),
  ])
  return {
    compound: compound.data,
    // The API sends the ETag; the version in the body says the same, should a proxy drop the header.
    etag: compound.etag ?? etagOf(compound.data.properties.version),
    buildings,
    projects: projects.projects,
    findings,
    suggestions,
  }
}

export type CompoundRecord = Awaited<ReturnType<typeof loadRecord>>

export type CompoundRecordState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; record: CompoundRecord }

export interface CompoundRecordApi {
  state: CompoundRecordState | null
  /** Put the compound as a write answered it in place, with its new ETag. */
  replaceCompound: (compound: CompoundSnapshot, etag: string | null) => void
  reload: () => void
}

export function useCompoundRecord(id: number | null): CompoundRecordApi {
  const [state, setState] = useState<CompoundRecordState | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    // `attempt` is read so that a reload re-runs this effect.
    void attempt
    if (id === null) {
      setState(null)
      return
    }
    const controller = new AbortController()
    setState({ status: 'loading' })
    loadRecord(id, controller.signal).then(
      (record) => setState({ status: 'ready', record }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        console.error(`Loading compound ${id} failed`, error)
        setState({ status: 'error', error: asApiError(error) })
      },
    )
    return () => controller.abort()
  }, [id, attempt])

  const replaceCompound = useCallback((compound: CompoundSnapshot, etag: string | null) => {
    setState((current) =>
      current?.status === 'ready'
        ? {
            status: 'ready',
            record: { ...current.record, compound, etag: etag ?? etagOf(compound.properties.version) },
          }
        : current,
    )
  }, [])
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { state, replaceCompound, reload }
}

// Loads everything the compound panel shows about one compound, in parallel, cancelled when the choice changes.
import { useEffect, useState } from 'react'
import { type ApiError, asApiError } from '../../api/api-error.ts'
import {
  fetchCompound,
  fetchCompoundBuildings,
  fetchCompoundFindings,
  fetchCompoundProjects,
  fetchCompoundSuggestions,
} from '../../api/compounds.api.ts'

async function loadRecord(id: number, signal: AbortSignal) {
  const [compound, buildings, projects, findings, suggestions] = await Promise.all([
    fetchCompound(id, { signal }),
    fetchCompoundBuildings(id, { signal }),
    fetchCompoundProjects(id, { signal }),
    fetchCompoundFindings(id, { signal }),
    fetchCompoundSuggestions(id, { signal }),
  ])
  return { compound, buildings, projects: projects.projects, findings, suggestions }
}

export type CompoundRecord = Awaited<ReturnType<typeof loadRecord>>

export type CompoundRecordState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; record: CompoundRecord }

export function useCompoundRecord(id: number | null): CompoundRecordState | null {
  const [state, setState] = useState<CompoundRecordState | null>(null)
  useEffect(() => {
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
  }, [id])
  return state
}

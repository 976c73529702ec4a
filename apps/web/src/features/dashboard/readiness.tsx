// The dashboard's readiness hook for tests and the benchmark: <html data-dashboard-ready="true"> once every
// panel has its data and every chart has finished drawing it; absent again while anything refetches.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from 'react'

type Report = (key: string, ready: boolean | undefined) => void

const ReadinessContext = createContext<Report>(() => {})

/**
 * Tracks the readiness of the named panels (which must all report true) and of whatever else reports, such
 * as charts (which must all be true while they are mounted).
 */
export function ReadinessProvider({ panels, children }: { panels: readonly string[]; children: ReactNode }) {
  const states = useRef(new Map<string, boolean>())
  const report = useCallback<Report>(
    (key, ready) => {
      if (ready === undefined) states.current.delete(key)
      else states.current.set(key, ready)
      const all =
        panels.every((panel) => states.current.get(panel) === true) &&
        [...states.current.values()].every(Boolean)
      if (all) document.documentElement.dataset.dashboardReady = 'true'
      else delete document.documentElement.dataset.dashboardReady
    },
    [panels],
  )
  useEffect(() => () => void delete document.documentElement.dataset.dashboardReady, [])
  return <ReadinessContext value={report}>{children}</ReadinessContext>
}

/** Report `ready` under `key` while mounted (a panel: its data is in and current). */
export function useReportReady(key: string, ready: boolean): void {
  const report = useContext(ReadinessContext)
  useEffect(() => report(key, ready), [report, key, ready])
  useEffect(() => () => report(key, undefined), [report, key])
}

/** A callback for a chart's `onRenderedChange`, reporting under `key`; a chart that is gone is forgotten. */
export function useChartReady(key: string): (rendered: boolean | null) => void {
  const report = useContext(ReadinessContext)
  useEffect(() => () => report(key, undefined), [report, key])
  return useMemo(() => (rendered: boolean | null) => report(key, rendered ?? undefined), [report, key])
}

// The page: header, the map with its legend and status overlays, and the clicked compound's details.
import { useMemo, useState } from 'react'
import { useAtlasLayers } from './features/atlas-data/use-atlas-layers.ts'
import { CompoundDetails } from './features/compound-details/compound-details.tsx'
import { AppHeader } from './features/header/app-header.tsx'
import { Legend } from './features/legend/legend.tsx'
import { LoadError, LoadingIndicator } from './features/load-status/load-status.tsx'
import { MapView } from './map/map-view.tsx'

export function App() {
  const { state, retry } = useAtlasLayers()
  const [selectedCompoundId, setSelectedCompoundId] = useState<number | null>(null)
  const layers = state.status === 'ready' ? state.layers : null

  const compoundsById = useMemo(
    () => new Map((layers?.compounds.features ?? []).map((feature) => [feature.id, feature.properties])),
    [layers],
  )
  const selected = selectedCompoundId === null ? undefined : compoundsById.get(selectedCompoundId)

  return (
    <div className="app">
      <AppHeader
        compoundCount={layers ? layers.compounds.features.length : null}
        loading={state.status === 'loading'}
      />
      <main className="app__main">
        <MapView
          layers={layers}
          selectedCompoundId={selectedCompoundId}
          onSelectCompound={setSelectedCompoundId}
        />
        {state.status === 'loading' && <LoadingIndicator />}
        {state.status === 'error' && <LoadError error={state.error} onRetry={retry} />}
        {layers && <Legend compounds={layers.compounds.features} />}
        {selected && <CompoundDetails compound={selected} onClose={() => setSelectedCompoundId(null)} />}
      </main>
    </div>
  )
}

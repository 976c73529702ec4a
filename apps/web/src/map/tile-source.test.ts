// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { Map as MaplibreMap } from 'maplibre-gl'
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { dataChanged } from '../api/data-changed.ts'
import { MapContext } from './map-context.ts'
import { TileSource, tileUrl } from './tile-source.tsx'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

/** A map that keeps its sources' tile URLs, as maplibre does. */
function createTileMap() {
  const tiles = new Map<string, string[]>()
  const map = {
    _removed: false,
    addSource: (id: string, spec: { tiles: string[] }) => tiles.set(id, spec.tiles),
    getSource: (id: string) => ({
      tiles: tiles.get(id),
      setTiles: (next: string[]) => tiles.set(id, next),
    }),
    removeSource: (id: string) => tiles.delete(id),
    getStyle: () => ({ layers: [] }),
  }
  return { map: map as unknown as MaplibreMap, tiles }
}

describe('<TileSource>', () => {
  it('asks for a layer’s tiles anew after a write to that layer, and keeps the others’ URLs', async () => {
    const { map, tiles } = createTileMap()
    const client = new QueryClient()
    const root = createRoot(document.createElement('div'))
    act(() =>
      root.render(
        createElement(
          QueryClientProvider,
          { client },
          createElement(
            MapContext,
            { value: map },
            createElement(TileSource, { layer: 'compounds' }),
            createElement(TileSource, { layer: 'facilities' }),
          ),
        ),
      ),
    )
    const origin = window.location.origin
    expect(tiles.get('compounds')).toEqual([tileUrl(origin, 'compounds', 0)])
    expect(tiles.get('compounds')?.[0]).not.toContain('rev=')

    await act(async () => {
      await dataChanged(client, { layers: ['compounds'] })
      // The cache tells its observers on the next tick.
      await new Promise((resolve) => setTimeout(resolve, 10))
    })
    expect(tiles.get('compounds')?.[0]).toMatch(/\?rev=\d+$/)
    expect(tiles.get('facilities')).toEqual([tileUrl(origin, 'facilities', 0)])
    act(() => root.unmount())
  })
})

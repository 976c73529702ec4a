// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { Map as MaplibreMap } from 'maplibre-gl'
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { layerListKey } from '../api/layer-revision.ts'
import { MapContext } from './map-context.ts'
import { TileSource } from './tile-source.tsx'

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

/** The API's layer list with the given revisions (only what <TileSource> reads). */
function layerList(revisions: Record<string, string>) {
  return {
    layers: Object.entries(revisions).map(([id, revision]) => ({
      id,
      tiles: {
        minzoom: 10,
        maxzoom: 16,
        revision,
        url: `/api/v1/tiles/${id}/{z}/{x}/{y}.mvt?rev=${revision}`,
      },
    })),
  }
}

describe('<TileSource>', () => {
  it('draws a layer’s tiles at the revision of the layer list, and anew when only that revision steps', async () => {
    const { map, tiles } = createTileMap()
    const client = new QueryClient()
    // The list is in the cache and fresh, so nothing is fetched: it changes as the cache is given a new one.
    client.setQueryData(layerListKey, layerList({ compounds: 'a.1', facilities: 'a.1' }))
    const root = createRoot(document.createElement('div'))
    const render = () =>
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
      )
    act(render)
    const origin = window.location.origin
    expect(tiles.get('compounds')).toEqual([`${origin}/api/v1/tiles/compounds/{z}/{x}/{y}.mvt?rev=a.1`])

    // A write elsewhere stepped the compounds' revision: their URL changes, the facilities' stays.
    const facilities = tiles.get('facilities')
    await act(async () => {
      client.setQueryData(layerListKey, layerList({ compounds: 'a.2', facilities: 'a.1' }))
      await new Promise((resolve) => setTimeout(resolve, 10))
    })
    expect(tiles.get('compounds')?.[0]).toMatch(/\?rev=a\.2$/)
    expect(tiles.get('facilities')).toBe(facilities)
    act(() => root.unmount())
  })
})

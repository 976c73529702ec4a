// @vitest-environment happy-dom
import type { Map as MaplibreMap } from 'maplibre-gl'
import { act, createElement, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Layer, type LayerProps } from './layer.tsx'
import { slotAnchors } from './layer-slots.ts'
import { MapContext } from './map-context.ts'
import { Source } from './source.tsx'

// React reads this global to know it runs under act().
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

type Call = [method: string, ...args: unknown[]]

/** A stand-in for a maplibre map that records every call a component makes on it. */
function createRecordingMap(base: { id: string }[] = []) {
  const calls: Call[] = []
  const layers: { id: string; source?: string }[] = [...base]
  const sources = new Map<
    string,
    { tiles?: string[]; setTiles(t: string[]): void; setData(d: unknown): void }
  >()
  const record =
    (method: string) =>
    (...args: unknown[]) => {
      calls.push([method, ...args])
    }
  const map = {
    _removed: false,
    addLayer: (spec: { id: string; source?: string }, beforeId?: string) => {
      calls.push(['addLayer', spec.id, beforeId])
      const under = layers.findIndex((l) => l.id === beforeId)
      layers.splice(under === -1 ? layers.length : under, 0, spec)
    },
    getLayer: (id: string) => layers.find((l) => l.id === id),
    removeLayer: (id: string) => {
      calls.push(['removeLayer', id])
      layers.splice(
        layers.findIndex((l) => l.id === id),
        1,
      )
    },
    addSource: (id: string, spec: { tiles?: string[] }) => {
      calls.push(['addSource', id])
      sources.set(id, {
        tiles: spec.tiles,
        setTiles(tiles) {
          this.tiles = tiles
          calls.push(['setTiles', id, tiles])
        },
        setData: (data) => calls.push(['setData', id, data]),
      })
    },
    getSource: (id: string) => sources.get(id),
    removeSource: (id: string) => {
      calls.push(['removeSource', id])
      sources.delete(id)
    },
    getStyle: () => ({ layers }),
    setPaintProperty: record('setPaintProperty'),
    setLayoutProperty: record('setLayoutProperty'),
    setFilter: record('setFilter'),
    setLayerZoomRange: record('setLayerZoomRange'),
    moveLayer: record('moveLayer'),
    on: () => undefined,
    off: () => undefined,
  }
  return { map: map as unknown as MaplibreMap, calls, layers }
}

let container: HTMLElement
let root: Root

beforeEach(() => {
  container = document.createElement('div')
  root = createRoot(container)
})
afterEach(() => act(() => root.unmount()))

function render(map: MaplibreMap, children: ReactNode) {
  act(() => root.render(createElement(MapContext, { value: map }, children)))
}

const fill = (props: Partial<LayerProps> = {}) =>
  createElement(Layer, {
    id: 'compounds-fill',
    type: 'fill',
    source: 'compounds',
    'source-layer': 'compounds',
    paint: { 'fill-color': '#ff0000', 'fill-opacity': 0.85 },
    ...props,
  } as LayerProps)

describe('<Layer>', () => {
  it('adds itself once, and on a new paint value calls setPaintProperty for that value only', () => {
    const { map, calls } = createRecordingMap()
    render(map, fill())
    expect(calls).toEqual([['addLayer', 'compounds-fill', undefined]])
    calls.length = 0

    render(map, fill({ paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.85 } }))
    expect(calls).toEqual([['setPaintProperty', 'compounds-fill', 'fill-color', '#ffffff']])
  })

  it('calls nothing when re-rendered with equal props in new objects', () => {
    const { map, calls } = createRecordingMap()
    render(map, fill({ filter: ['==', ['id'], 42] }))
    calls.length = 0
    render(map, fill({ filter: ['==', ['id'], 42] }))
    expect(calls).toEqual([])
  })

  it('sets a new filter, a new layout value and a new zoom range, each with its own call', () => {
    const { map, calls } = createRecordingMap()
    render(map, fill())
    calls.length = 0
    render(map, fill({ filter: ['==', ['id'], 7], layout: { visibility: 'none' }, minzoom: 14 }))
    expect(calls).toEqual([
      ['setLayoutProperty', 'compounds-fill', 'visibility', 'none'],
      ['setFilter', 'compounds-fill', ['==', ['id'], 7]],
      ['setLayerZoomRange', 'compounds-fill', 14, 24],
    ])
    calls.length = 0
    // A filter taken away shows every feature again.
    render(map, fill({ layout: { visibility: 'none' }, minzoom: 14 }))
    expect(calls).toEqual([['setFilter', 'compounds-fill', null]])
  })

  it('goes into its slot of the stacking order, whatever was added before it', () => {
    const { map, layers } = createRecordingMap([{ id: 'background' }, ...slotAnchors()])
    const label = createElement(Layer, {
      id: 'streets-label',
      type: 'symbol',
      source: 'areas',
      slot: 'area-labels',
      layout: { 'text-field': ['get', 'name'] },
    } as LayerProps)
    // The street names' data came first; the compounds' tiles later, and the roads' last.
    render(map, label)
    render(map, [label, fill({ slot: 'compounds', key: 'c' } as Partial<LayerProps>)])
    const roads = createElement(Layer, {
      id: 'roads-line',
      type: 'line',
      source: 'roads',
      'source-layer': 'roads',
      slot: 'roads',
      key: 'r',
    } as LayerProps)
    render(map, [label, fill({ slot: 'compounds', key: 'c' } as Partial<LayerProps>), roads])
    const drawn = layers.map((l) => l.id).filter((id) => !id.startsWith('slot:'))
    expect(drawn).toEqual(['background', 'roads-line', 'compounds-fill', 'streets-label'])
  })

  it('removes itself when unmounted', () => {
    const { map, calls } = createRecordingMap()
    render(map, fill())
    render(map, null)
    expect(calls.at(-1)).toEqual(['removeLayer', 'compounds-fill'])
  })
})

describe('<Source>', () => {
  const tiles = (rev: number, children?: ReactNode) =>
    createElement(
      Source,
      { id: 'compounds', type: 'vector', tiles: [`/tiles/compounds/{z}/{x}/{y}.mvt?rev=${rev}`] },
      children,
    )

  it('adds itself before the layers inside it, and gives them its id', () => {
    const { map, calls } = createRecordingMap()
    render(map, tiles(1, fill({ source: undefined })))
    expect(calls.map(([method, id]) => `${method} ${id}`)).toEqual([
      'addSource compounds',
      'addLayer compounds-fill',
    ])
  })

  it('on new tile URLs calls setTiles, and nothing else', () => {
    const { map, calls } = createRecordingMap()
    render(map, tiles(1, fill({ source: undefined })))
    calls.length = 0
    render(map, tiles(2, fill({ source: undefined })))
    expect(calls).toEqual([['setTiles', 'compounds', ['/tiles/compounds/{z}/{x}/{y}.mvt?rev=2']]])
  })

  it('is added once when two layer components declare it, and removed with its layers after the last', () => {
    const { map, calls } = createRecordingMap()
    const selection = createElement(Layer, {
      id: 'compounds-selected',
      type: 'line',
      'source-layer': 'compounds',
    } as LayerProps)
    render(map, [
      createElement('div', { key: 'a' }, tiles(1, fill({ source: undefined }))),
      createElement('div', { key: 'b' }, tiles(1, selection)),
    ])
    expect(calls.filter(([method]) => method === 'addSource')).toHaveLength(1)
    render(map, null)
    expect(calls.filter(([method]) => method === 'removeSource')).toEqual([['removeSource', 'compounds']])
    expect(map.getStyle().layers).toEqual([])
  })

  it('gives new GeoJSON to setData', () => {
    const { map, calls } = createRecordingMap()
    const empty = { type: 'FeatureCollection' as const, features: [] }
    const geojson = (data: typeof empty) => createElement(Source, { id: 'dead-ends', type: 'geojson', data })
    render(map, geojson(empty))
    calls.length = 0
    const next = { ...empty }
    render(map, geojson(next))
    expect(calls).toEqual([['setData', 'dead-ends', next]])
  })
})

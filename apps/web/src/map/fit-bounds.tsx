// Fitting a map to an extent: the one helper every fit goes through (padding, a zoom limit), and <FitBounds>, which
// fits whenever its extent changes by value — the district once its outline arrives, a preview's features, the
// feature picked in a table (keyed by the pick, so picking it again fits again).
import type { LngLatBoundsLike, Map as MaplibreMap } from 'maplibre-gl'
import { useEffect, useRef } from 'react'
import type { Bounds } from './geojson-bounds.ts'
import { useMap } from './map-context.ts'

/** Room to leave at the map's edges, in pixels: the same on every side, or per side (panels over the map). */
export type FitPadding = number | { top: number; right: number; bottom: number; left: number }

export interface FitOptions {
  padding?: FitPadding
  maxZoom?: number
  animate?: boolean
}

/** Close enough to read a compound's buildings, not so close that its surroundings vanish. */
export const defaultFit = { padding: 40, maxZoom: 17 } as const

export function lngLatBounds([west, south, east, north]: Bounds): LngLatBoundsLike {
  return [
    [west, south],
    [east, north],
  ]
}

export function fitBounds(map: MaplibreMap, bounds: Bounds, options: FitOptions = {}): void {
  map.fitBounds(lngLatBounds(bounds), {
    padding: options.padding ?? defaultFit.padding,
    maxZoom: options.maxZoom ?? defaultFit.maxZoom,
    animate: options.animate ?? true,
  })
}

export function FitBounds({ bounds, ...options }: FitOptions & { bounds: Bounds | undefined }) {
  const map = useMap()
  const key = bounds?.join(',')
  const optionsRef = useRef(options)
  useEffect(() => {
    optionsRef.current = options
  })
  useEffect(() => {
    if (key === undefined) return
    fitBounds(map, key.split(',').map(Number) as unknown as Bounds, optionsRef.current)
  }, [map, key])
  return null
}

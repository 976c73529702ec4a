// The map style, built in code: a plain background and GeoJSON sources only, so the page loads nothing from
// outside (no tiles, glyphs or sprites). Text labels need glyphs and come later.
import type { FilterSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl'
import { compoundFillColour } from './compound-classes.ts'

export const sourceIds = {
  district: 'district',
  streets: 'streets',
  communities: 'communities',
  compounds: 'compounds',
} as const

export const layerIds = {
  background: 'background',
  districtFill: 'district-fill',
  compoundsFill: 'compounds-fill',
  compoundsOutline: 'compounds-outline',
  communitiesLine: 'communities-line',
  streetsLine: 'streets-line',
  districtLine: 'district-line',
  compoundsSelected: 'compounds-selected',
} as const

/** A filter that matches no feature: compound ids are positive. */
export const noSelectionFilter: FilterSpecification = ['==', ['id'], -1]

function emptyGeoJSONSource(): SourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
}

export function createBaseStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'renewal-atlas-base',
    sources: {
      [sourceIds.district]: emptyGeoJSONSource(),
      [sourceIds.streets]: emptyGeoJSONSource(),
      [sourceIds.communities]: emptyGeoJSONSource(),
      [sourceIds.compounds]: emptyGeoJSONSource(),
    },
    layers: [
      { id: layerIds.background, type: 'background', paint: { 'background-color': '#eceae4' } },
      {
        id: layerIds.districtFill,
        type: 'fill',
        source: sourceIds.district,
        paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.7 },
      },
      {
        id: layerIds.compoundsFill,
        type: 'fill',
        source: sourceIds.compounds,
        paint: { 'fill-color': compoundFillColour(), 'fill-opacity': 0.85 },
      },
      {
        id: layerIds.compoundsOutline,
        type: 'line',
        source: sourceIds.compounds,
        paint: {
          'line-color': '#ffffff',
          'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.2, 16, 1],
        },
      },
      {
        id: layerIds.communitiesLine,
        type: 'line',
        source: sourceIds.communities,
        paint: { 'line-color': '#6b6b6b', 'line-width': 0.8, 'line-dasharray': [3, 2] },
      },
      {
        id: layerIds.streetsLine,
        type: 'line',
        source: sourceIds.streets,
        paint: { 'line-color': '#3a3a3a', 'line-width': 1.6 },
      },
      {
        id: layerIds.districtLine,
        type: 'line',
        source: sourceIds.district,
        paint: { 'line-color': '#1d3557', 'line-width': 3 },
      },
      {
        id: layerIds.compoundsSelected,
        type: 'line',
        source: sourceIds.compounds,
        filter: noSelectionFilter,
        paint: { 'line-color': '#000000', 'line-width': 3 },
      },
    ],
  }
}

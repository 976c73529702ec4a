// The map style, built in code from the platform's own vector tiles: nothing is loaded from outside. Label
// glyphs for Latin text and digits are served by the app (/glyphs); CJK is drawn with local fonts.
import { facilityType, roadClass, TILE_LAYERS, type TileLayerName } from '@renewal-atlas/domain'
import type {
  ExpressionSpecification,
  FilterSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl'
import { classFillColour, statusClasses } from './compound-classes.ts'
import { facilityIconId } from './facility-icons.ts'

export const sourceIds = {
  district: 'district',
  streets: 'streets',
  communities: 'communities',
  compounds: 'compounds',
  compoundLabels: 'compound-labels',
  buildings: 'buildings',
  roads: 'roads',
  facilities: 'facilities',
  areaLabels: 'area-labels',
  deadEnds: 'dead-ends',
} as const

export const tileSourceIds = [
  'district',
  'streets',
  'communities',
  'compounds',
  'compound-labels',
  'buildings',
  'roads',
  'facilities',
] as const satisfies readonly TileLayerName[]

export const layerIds = {
  background: 'background',
  districtFill: 'district-fill',
  coverageStreets: 'coverage-streets-fill',
  coverageCommunities: 'coverage-communities-fill',
  compoundsFill: 'compounds-fill',
  compoundsOutline: 'compounds-outline',
  buildingsFill: 'buildings-fill',
  roadsLine: 'roads-line',
  communitiesLine: 'communities-line',
  streetsLine: 'streets-line',
  districtLine: 'district-line',
  compoundsSelected: 'compounds-selected',
  deadEnds: 'dead-ends',
  facilities: 'facilities',
  roadsLabel: 'roads-label',
  compoundsLabel: 'compounds-label',
  communitiesLabel: 'communities-label',
  streetsLabel: 'streets-label',
  districtLabel: 'district-label',
} as const

/**
 * The layers drawn from the compounds and compound-labels sources: the planner's filters apply to each (the label
 * points carry every property the filters read).
 */
export const compoundLayerIds = [layerIds.compoundsFill, layerIds.compoundsOutline, layerIds.compoundsLabel]

/** Font stacks the app serves glyphs for (see vite-plugins/glyphs.plugin.ts). */
export const fonts = { regular: ['Noto Sans Regular'], bold: ['Noto Sans Bold'] }

/** CSS font families maplibre draws CJK labels with, from the machine's own fonts. */
export const localIdeographFontFamily =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'

/** A filter that matches no feature: compound ids are positive. */
export const noSelectionFilter: FilterSpecification = ['==', ['id'], -1]

export const roadColours: Record<string, string> = {
  arterial: '#E8A33C',
  secondary: '#F2C95C',
  branch: '#FFFFFF',
  lane: '#FFFFFF',
}

export const deadEndColour = '#A4161A'

/** Metres per pixel at zoom 0 at Chengdu's latitude (about 30.6°N), for widths drawn to scale. */
const metresPerPixelAtZoom0 = 156_543.03 * Math.cos((30.6 * Math.PI) / 180)

/** A road drawn as wide as its red line (道路红线) on the ground, and never thinner than a hairline. */
function redLineWidth(): ExpressionSpecification {
  const width: ExpressionSpecification = ['coalesce', ['get', 'redLineWidthM'], 6]
  const at = (zoom: number): ExpressionSpecification => [
    'max',
    0.6,
    ['/', width, metresPerPixelAtZoom0 / 2 ** zoom],
  ]
  return ['interpolate', ['exponential', 2], ['zoom'], 10, at(10), 19, at(19)]
}

function roadColour(): ExpressionSpecification {
  const pairs = roadClass.values.flatMap((cls) => [cls, roadColours[cls] ?? '#ffffff'])
  return ['match', ['get', 'roadClass'], ...pairs, '#ffffff'] as unknown as ExpressionSpecification
}

function facilityIcon(): ExpressionSpecification {
  const pairs = facilityType.values.flatMap((type) => [type, facilityIconId(type)])
  return ['match', ['get', 'facilityType'], ...pairs, ''] as unknown as ExpressionSpecification
}

/**
 * Counts the writes this page has made (edits, deletes, imports, rollbacks). Tile URLs carry it as `rev`, which the
 * tile route ignores: the browser keeps tiles for a minute, and a map drawn after a write must not get them from
 * before it.
 */
let tileRevision = 0

/** After a write: every tile URL made from now on is new to the browser's cache. */
export function invalidateTileUrls(): void {
  tileRevision += 1
}

/** The tile URL template of a layer; maplibre's workers resolve no relative URLs, so it carries the origin. */
export function tileUrl(origin: string, layer: TileLayerName): string {
  const template = `${origin}/api/v1/tiles/${layer}/{z}/{x}/{y}.mvt`
  return tileRevision ? `${template}?rev=${tileRevision}` : template
}

function tileSource(origin: string, layer: TileLayerName): SourceSpecification {
  const { minzoom, maxzoom } = TILE_LAYERS[layer]
  return {
    type: 'vector',
    tiles: [tileUrl(origin, layer)],
    minzoom,
    maxzoom,
  }
}

function emptyGeoJSONSource(): SourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
}

const haloed = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 }

export function createBaseStyle(origin: string): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {}
  for (const layer of tileSourceIds) sources[layer] = tileSource(origin, layer)
  sources[sourceIds.areaLabels] = emptyGeoJSONSource()
  sources[sourceIds.deadEnds] = emptyGeoJSONSource()
  return {
    version: 8,
    name: 'renewal-atlas-base',
    glyphs: `${origin}/glyphs/{fontstack}/{range}.pbf`,
    sources,
    layers: [
      { id: layerIds.background, type: 'background', paint: { 'background-color': '#eceae4' } },
      {
        id: layerIds.districtFill,
        type: 'fill',
        source: sourceIds.district,
        'source-layer': 'district',
        paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.7 },
      },
      {
        id: layerIds.coverageStreets,
        type: 'fill',
        source: sourceIds.streets,
        'source-layer': 'streets',
        layout: { visibility: 'none' },
        paint: { 'fill-color': '#d9d9d9', 'fill-opacity': 0.85 },
      },
      {
        id: layerIds.coverageCommunities,
        type: 'fill',
        source: sourceIds.communities,
        'source-layer': 'communities',
        layout: { visibility: 'none' },
        paint: { 'fill-color': '#d9d9d9', 'fill-opacity': 0.85 },
      },
      {
        id: layerIds.roadsLine,
        type: 'line',
        source: sourceIds.roads,
        'source-layer': 'roads',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': roadColour(), 'line-width': redLineWidth() },
      },
      {
        id: layerIds.compoundsFill,
        type: 'fill',
        source: sourceIds.compounds,
        'source-layer': 'compounds',
        paint: { 'fill-color': classFillColour(statusClasses), 'fill-opacity': 0.85 },
      },
      {
        id: layerIds.compoundsOutline,
        type: 'line',
        source: sourceIds.compounds,
        'source-layer': 'compounds',
        paint: {
          'line-color': '#ffffff',
          'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.2, 16, 1],
        },
      },
      {
        id: layerIds.buildingsFill,
        type: 'fill',
        source: sourceIds.buildings,
        'source-layer': 'buildings',
        minzoom: 14,
        paint: { 'fill-color': '#5f5a52', 'fill-opacity': 0.55, 'fill-outline-color': '#3d3a35' },
      },
      {
        id: layerIds.communitiesLine,
        type: 'line',
        source: sourceIds.communities,
        'source-layer': 'communities',
        paint: { 'line-color': '#6b6b6b', 'line-width': 0.8, 'line-dasharray': [3, 2] },
      },
      {
        id: layerIds.streetsLine,
        type: 'line',
        source: sourceIds.streets,
        'source-layer': 'streets',
        paint: { 'line-color': '#3a3a3a', 'line-width': 1.6 },
      },
      {
        id: layerIds.districtLine,
        type: 'line',
        source: sourceIds.district,
        'source-layer': 'district',
        paint: { 'line-color': '#1d3557', 'line-width': 3 },
      },
      {
        id: layerIds.compoundsSelected,
        type: 'line',
        source: sourceIds.compounds,
        'source-layer': 'compounds',
        filter: noSelectionFilter,
        paint: { 'line-color': '#000000', 'line-width': 3.5 },
      },
      {
        id: layerIds.deadEnds,
        type: 'circle',
        source: sourceIds.deadEnds,
        minzoom: 12,
        paint: {
          'circle-color': deadEndColour,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 2.5, 16, 6],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.2,
        },
      },
      {
        id: layerIds.facilities,
        type: 'symbol',
        source: sourceIds.facilities,
        'source-layer': 'facilities',
        minzoom: 14,
        layout: { 'icon-image': facilityIcon(), 'icon-size': 1, 'icon-allow-overlap': false },
      },
      {
        id: layerIds.roadsLabel,
        type: 'symbol',
        source: sourceIds.roads,
        'source-layer': 'roads',
        minzoom: 15,
        layout: {
          'symbol-placement': 'line',
          'text-field': ['coalesce', ['get', 'name'], ''],
          'text-font': fonts.regular,
          'text-size': 12,
          'text-max-angle': 30,
        },
        paint: { 'text-color': '#4a3b1f', ...haloed },
      },
      {
        // From one point per compound: a label layer on the polygons would name every tile piece of a compound.
        id: layerIds.compoundsLabel,
        type: 'symbol',
        source: sourceIds.compoundLabels,
        'source-layer': 'compound-labels',
        minzoom: 15.5,
        layout: { 'text-field': ['get', 'name'], 'text-font': fonts.regular, 'text-size': 12 },
        paint: { 'text-color': '#1a1a1a', ...haloed },
      },
      {
        id: layerIds.communitiesLabel,
        type: 'symbol',
        source: sourceIds.areaLabels,
        filter: ['==', ['get', 'kind'], 'community'],
        minzoom: 13.5,
        maxzoom: 16,
        layout: { 'text-field': ['get', 'name'], 'text-font': fonts.regular, 'text-size': 12 },
        paint: { 'text-color': '#555555', ...haloed },
      },
      {
        id: layerIds.streetsLabel,
        type: 'symbol',
        source: sourceIds.areaLabels,
        filter: ['==', ['get', 'kind'], 'street'],
        minzoom: 11.5,
        maxzoom: 15,
        layout: { 'text-field': ['get', 'name'], 'text-font': fonts.bold, 'text-size': 14 },
        paint: { 'text-color': '#1d3557', ...haloed, 'text-halo-width': 2 },
      },
      {
        id: layerIds.districtLabel,
        type: 'symbol',
        source: sourceIds.areaLabels,
        filter: ['==', ['get', 'kind'], 'district'],
        maxzoom: 11.5,
        layout: { 'text-field': ['get', 'name'], 'text-font': fonts.bold, 'text-size': 18 },
        paint: { 'text-color': '#1d3557', ...haloed, 'text-halo-width': 2 },
      },
    ],
  }
}

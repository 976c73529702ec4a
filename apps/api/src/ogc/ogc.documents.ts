// The metadata documents of the OGC API Features service: landing page, conformance declaration and the
// collections (one per exchange layer, described from the field catalogue). Links are absolute, because GDAL and
// QGIS follow them as given; `base` is the service root as the client reached it, e.g. http://host:3000/ogc.
import { EXCHANGE_LAYERS, type ExportLayer, exportLayer } from '@renewal-atlas/domain'

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'
export const MEDIA = {
  json: 'application/json',
  geojson: 'application/geo+json',
  openapi: 'application/vnd.oai.openapi+json;version=3.0',
} as const

/** Only the classes this service meets: no HTML encoding, no GML. */
export const CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
]

export const SERVICE_TITLE = '焕新图谱 Renewal Atlas OGC API'
const SERVICE_DESCRIPTION =
  '锦江区老旧小区改造数据（小区、楼栋、道路、公共服务设施、街道、社区），WGS84 经纬度 GeoJSON。' +
  'Urban-renewal data of Jinjiang District, Chengdu (compounds, buildings, roads, facilities, streets, ' +
  'communities) as GeoJSON in WGS84 longitude/latitude. District outline and admin names are real; ' +
  'everything else is synthetic demo data (property `synthetic`).'

export interface Link {
  href: string
  rel: string
  type: string
  title?: string
}

export function landingPage(base: string) {
  return {
    title: SERVICE_TITLE,
    description: SERVICE_DESCRIPTION,
    links: [
      { href: base, rel: 'self', type: MEDIA.json, title: 'This document 本页' },
      {
        href: `${base}/api`,
        rel: 'service-desc',
        type: MEDIA.openapi,
        title: 'API definition (OpenAPI 3.0)',
      },
      { href: `${base}/conformance`, rel: 'conformance', type: MEDIA.json, title: 'Conformance classes' },
      { href: `${base}/collections`, rel: 'data', type: MEDIA.json, title: 'Collections 图层' },
    ] satisfies Link[],
  }
}

export function conformance() {
  return { conformsTo: CONFORMANCE_CLASSES }
}

/** The property list of a layer, in both languages, with units and coded values. */
function fieldList(layer: ExportLayer): string {
  return EXCHANGE_LAYERS[layer].fields
    .map((field) => {
      const unit = field.unit ? `, ${field.unit.en}` : ''
      const codes = field.values ? `: ${Object.keys(field.values).join(' | ')}` : ''
      return `${field.name} (${field.label.zh} ${field.label.en}, ${field.type}${unit}${codes})`
    })
    .join('; ')
}

export type Extent = readonly [number, number, number, number] | null

export function collection(base: string, layer: ExportLayer, extent: Extent) {
  const { label, geometry } = EXCHANGE_LAYERS[layer]
  const self = `${base}/collections/${layer}`
  return {
    id: layer,
    title: `${label.zh} ${label.en}`,
    description: `${label.zh}（${geometry}）— ${label.en} (${geometry}). Properties: ${fieldList(layer)}.`,
    // An empty layer has no extent to state.
    ...(extent ? { extent: { spatial: { bbox: [[...extent]], crs: CRS84 } } } : {}),
    itemType: 'feature',
    crs: [CRS84],
    links: [
      { href: self, rel: 'self', type: MEDIA.json, title: `${label.en} collection` },
      { href: `${self}/items`, rel: 'items', type: MEDIA.geojson, title: `${label.en} features (GeoJSON)` },
    ] satisfies Link[],
  }
}

export function collections(base: string, extents: Readonly<Record<ExportLayer, Extent>>) {
  return {
    links: [
      { href: `${base}/collections`, rel: 'self', type: MEDIA.json, title: 'Collections 图层' },
    ] satisfies Link[],
    collections: exportLayer.values.map((layer) => collection(base, layer, extents[layer])),
  }
}

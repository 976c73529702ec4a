// The demo data set's shape (one array per layer, plus facts for the README and tests) and how a generated record
// becomes a GeoJSON feature: positions in metres on the local plane, written as WGS84 to 7 decimals.
import type {
  BuildingProperties,
  CommunityProperties,
  CompoundProperties,
  DistrictProperties,
  FacilityProperties,
  FindingProperties,
  ProjectRecord,
  RenovationTargetRecord,
  RoadProperties,
  StreetProperties,
  SuggestionProperties,
} from '@renewal-atlas/domain'
import type { AreaGeometry } from './admin.ts'
import { type LonLat, normaliseRing, type Quad, toLonLat, type XY } from './geo.ts'

export type Polygon = { type: 'Polygon'; coordinates: LonLat[][] }
export type Point = { type: 'Point'; coordinates: LonLat }
export type LineString = { type: 'LineString'; coordinates: LonLat[] }
export interface Feature<P, G> {
  type: 'Feature'
  properties: P
  geometry: G
}

export interface Dataset {
  district: Feature<DistrictProperties, AreaGeometry>[]
  streets: Feature<StreetProperties, AreaGeometry>[]
  communities: Feature<CommunityProperties, AreaGeometry>[]
  compounds: Feature<CompoundProperties, Polygon>[]
  buildings: Feature<BuildingProperties, Polygon>[]
  roads: Feature<RoadProperties, LineString>[]
  facilities: Feature<FacilityProperties, Point>[]
  projects: ProjectRecord[]
  findings: Feature<FindingProperties, Point>[]
  suggestions: Feature<SuggestionProperties, Point>[]
  targets: RenovationTargetRecord[]
  /** Facts for the README and the tests (not written as a data file). */
  meta: DatasetMeta
}

export interface DatasetMeta {
  rawVertexCount: number
  cleanedVertexCount: number
  rawKinks: number
  streetSeeds: { name: string; seed: LonLat; moved: boolean }[]
  wufuyuanCode: string
  wufuyuanProjectCode: string
  majiagouRoadCodes: string[]
  deadEnds: number
  deadEndsNearWufuyuan: number
  reviewListCodes: string[]
  versions: Record<string, string>
}

export const quadPolygon = (q: Quad): Polygon => ({
  type: 'Polygon',
  coordinates: [
    normaliseRing(
      [...q, q[0]].map((p) => toLonLat(p, 7)),
      true,
    ),
  ],
})
export const pointGeom = (p: XY): Point => ({ type: 'Point', coordinates: toLonLat(p, 7) })
export const feature = <P, G>(properties: P, geometry: G): Feature<P, G> => ({
  type: 'Feature',
  properties,
  geometry,
})

// The shape of the committed demo data set (data/jinjiang/*): what the generator writes and the seed loader reads.
import { z } from 'zod'
import {
  buildingStructure,
  facilityType,
  findingIndicator,
  findingSeverity,
  findingStatus,
  fundingSource,
  itemCategory,
  itemType,
  managementType,
  projectStatus,
  rectification,
  renovationStatus,
  roadClass,
  suggestionChannel,
  suggestionStatus,
} from './labels.ts'

const position = z.tuple([z.number(), z.number()])
const ring = z.array(position).min(4)
export const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) })
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).min(1)).min(1),
})
export const areaGeometrySchema = z.union([polygonSchema, multiPolygonSchema])
export const lineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(position).min(2),
})
export const pointSchema = z.object({ type: z.literal('Point'), coordinates: position })

/** A GeoJSON Feature whose properties and geometry follow the given schemas. */
export function featureOf<P extends z.ZodType, G extends z.ZodType>(properties: P, geometry: G) {
  return z.object({ type: z.literal('Feature'), properties, geometry })
}
export function featureCollectionOf<F extends z.ZodType>(feature: F) {
  return z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) })
}

const code = z.string().min(1).max(40)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const year = z.number().int().min(1900).max(2100)
const nonNegInt = z.number().int().nonnegative()

export const districtProperties = z.object({
  code: z.string().regex(/^\d{6}$/), // GB/T 2260
  name: z.string(),
  nameEn: z.string(),
  officialAreaKm2: z.number().positive(),
  residentPopulation: nonNegInt,
  servicePopulation: nonNegInt,
  oldCompoundCutoffYear: year, // Chengdu 2004; national 2000
  synthetic: z.literal(false),
  source: z.string(),
})

export const streetProperties = z.object({
  code: z.string().regex(/^\d{9}$/),
  name: z.string(),
  districtCode: z.string().regex(/^\d{6}$/),
  synthetic: z.literal(true), // the outline is synthetic; code and name are real
})

export const communityProperties = z.object({
  code: z.string().regex(/^\d{12}$/),
  name: z.string(), // e.g. 沙河社区
  officialName: z.string(), // e.g. 沙河社区居委会
  streetCode: z.string().regex(/^\d{9}$/),
  synthetic: z.literal(true),
})

export const compoundProperties = z.object({
  code,
  name: z.string(),
  address: z.string(),
  communityCode: z.string().regex(/^\d{12}$/),
  builtYear: year,
  buildingCount: nonNegInt,
  households: nonNegInt,
  residents: nonNegInt,
  floorAreaM2: z.number().nonnegative(),
  managementType: managementType.schema,
  onOldRegister: z.boolean(),
  renovationStatus: renovationStatus.schema,
  renovationYear: year.nullable(),
  synthetic: z.boolean(),
})

export const buildingProperties = z.object({
  code,
  compoundCode: code,
  name: z.string(),
  storeys: z.number().int().min(1).max(100),
  households: nonNegInt,
  builtYear: year,
  hasLift: z.boolean(),
  structure: buildingStructure.schema,
  synthetic: z.literal(true),
})

export const roadProperties = z.object({
  code,
  name: z.string(),
  roadClass: roadClass.schema,
  redLineWidthM: z.number().positive(),
  carriagewayWidthM: z.number().positive(),
  synthetic: z.literal(true),
})

export const facilityProperties = z.object({
  code,
  name: z.string(),
  facilityType: facilityType.schema,
  capacity: nonNegInt.nullable(),
  floorAreaM2: z.number().nonnegative().nullable(),
  synthetic: z.boolean(),
})

export const findingProperties = z.object({
  code,
  compoundCode: code,
  buildingCode: code.nullable(),
  indicator: findingIndicator.schema,
  severity: findingSeverity.schema,
  foundDate: isoDate,
  status: findingStatus.schema,
  rectification: rectification.schema,
  projectCode: code.nullable(),
  description: z.string(),
  synthetic: z.literal(true),
})

export const suggestionProperties = z.object({
  code,
  compoundCode: code,
  channel: suggestionChannel.schema,
  text: z.string(),
  category: itemType.schema,
  status: suggestionStatus.schema,
  projectCode: code.nullable(),
  submittedDate: isoDate,
  synthetic: z.literal(true),
})

export const projectItemRecord = z.object({
  category: itemCategory.schema,
  itemType: itemType.schema,
  description: z.string(),
  quantity: z.number().nonnegative().nullable(),
  unit: z.string().nullable(), // m, m2, 处, 个 ...
  costYuan: z.number().nonnegative(),
})

export const projectRecord = z.object({
  code,
  name: z.string(),
  compoundCodes: z.array(code).min(1),
  status: projectStatus.schema,
  startDate: isoDate.nullable(),
  completionDate: isoDate.nullable(),
  budgetYuan: z.number().nonnegative(),
  funding: z.array(z.object({ source: fundingSource.schema, amountYuan: z.number().nonnegative() })),
  items: z.array(projectItemRecord),
  synthetic: z.boolean(),
})

/** A renovation target of the district: a share of its old-compound register renovated by the end of a year. */
export const renovationTargetRecord = z.object({
  districtCode: z.string().regex(/^\d{6}$/),
  year: z.number().int().min(1949).max(2100),
  oldCompoundShare: z.number().min(0).max(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  synthetic: z.boolean(),
})

export const districtFeature = featureOf(districtProperties, areaGeometrySchema)
export const streetFeature = featureOf(streetProperties, areaGeometrySchema)
export const communityFeature = featureOf(communityProperties, areaGeometrySchema)
export const compoundFeature = featureOf(compoundProperties, polygonSchema)
export const buildingFeature = featureOf(buildingProperties, polygonSchema)
export const roadFeature = featureOf(roadProperties, lineStringSchema)
export const facilityFeature = featureOf(facilityProperties, pointSchema)
export const findingFeature = featureOf(findingProperties, pointSchema)
export const suggestionFeature = featureOf(suggestionProperties, pointSchema)

/** Every file of data/jinjiang/, its name and its schema; the loader loads them in this order. */
export const datasetFiles = {
  district: { file: 'district.geojson', schema: featureCollectionOf(districtFeature) },
  streets: { file: 'streets.geojson', schema: featureCollectionOf(streetFeature) },
  communities: { file: 'communities.geojson', schema: featureCollectionOf(communityFeature) },
  compounds: { file: 'compounds.geojson', schema: featureCollectionOf(compoundFeature) },
  buildings: { file: 'buildings.geojson', schema: featureCollectionOf(buildingFeature) },
  roads: { file: 'roads.geojson', schema: featureCollectionOf(roadFeature) },
  facilities: { file: 'facilities.geojson', schema: featureCollectionOf(facilityFeature) },
  projects: { file: 'renovation-projects.json', schema: z.array(projectRecord) },
  findings: { file: 'findings.geojson', schema: featureCollectionOf(findingFeature) },
  suggestions: { file: 'suggestions.geojson', schema: featureCollectionOf(suggestionFeature) },
  targets: { file: 'renovation-targets.json', schema: z.array(renovationTargetRecord) },
} as const

export type DistrictProperties = z.infer<typeof districtProperties>
export type StreetProperties = z.infer<typeof streetProperties>
export type CommunityProperties = z.infer<typeof communityProperties>
export type CompoundProperties = z.infer<typeof compoundProperties>
export type BuildingProperties = z.infer<typeof buildingProperties>
export type RoadProperties = z.infer<typeof roadProperties>
export type FacilityProperties = z.infer<typeof facilityProperties>
export type FindingProperties = z.infer<typeof findingProperties>
export type SuggestionProperties = z.infer<typeof suggestionProperties>
export type ProjectRecord = z.infer<typeof projectRecord>
export type RenovationTargetRecord = z.infer<typeof renovationTargetRecord>

// What the area and compound list endpoints answer: the shared API response schemas of packages/domain, with the geometry
// narrowed to the kinds each layer draws (the shared schema leaves geometry open).
import {
  areaGeometrySchema,
  communityPage,
  compoundPage,
  districtCollection,
  lineStringSchema,
  streetPage,
} from '@renewal-atlas/domain'
import { z } from 'zod'

const multiLineStringSchema = z.object({
  type: z.literal('MultiLineString'),
  coordinates: z.array(lineStringSchema.shape.coordinates).min(1),
})

/** Administrative boundaries are drawn as outlines; accept them as areas or as lines. */
const boundaryGeometrySchema = z.union([areaGeometrySchema, lineStringSchema, multiLineStringSchema])

export const districtCollectionSchema = districtCollection.extend({
  features: z
    .array(districtCollection.shape.features.element.extend({ geometry: areaGeometrySchema }))
    .min(1),
})

export const streetPageSchema = streetPage.extend({
  features: z.array(streetPage.shape.features.element.extend({ geometry: boundaryGeometrySchema })),
})

export const communityPageSchema = communityPage.extend({
  features: z.array(communityPage.shape.features.element.extend({ geometry: boundaryGeometrySchema })),
})

export const compoundPageSchema = compoundPage.extend({
  features: z.array(compoundPage.shape.features.element.extend({ geometry: areaGeometrySchema })),
})

export type DistrictFeature = z.infer<typeof districtCollectionSchema>['features'][number]
export type StreetFeature = z.infer<typeof streetPageSchema>['features'][number]
export type CommunityFeature = z.infer<typeof communityPageSchema>['features'][number]
export type CompoundFeature = z.infer<typeof compoundPageSchema>['features'][number]
export type CompoundListProperties = CompoundFeature['properties']

export interface FeatureList<F> {
  type: 'FeatureCollection'
  features: F[]
}

/** The administrative areas, read once: labels, the district's extent and the filter lists. */
export interface AtlasAreas {
  district: FeatureList<DistrictFeature>
  streets: FeatureList<StreetFeature>
  communities: FeatureList<CommunityFeature>
}

// The features of an import check's preview as the preview map draws them: each with its place in the file and its
// check result, coloured valid green, warning amber and invalid red; and the places the issues name, as markers.
import type { ImportFeatureReport } from '@renewal-atlas/domain'
import type { Feature, Geometry, GeometryCollection, Point } from 'geojson'

export const previewColours = { valid: '#2a7a3b', warning: '#c98a00', invalid: '#a4161a' } as const

/** A preview feature as drawn: `n` is its place in the file, `status` its check result. */
export type PreviewFeature = Feature<
  Exclude<Geometry, GeometryCollection>,
  { n: number; status: string; code?: string | null; name?: string | null }
>

/** The features of the report's preview that can be drawn; those without geometry are only listed. */
export function drawableFeatures(features: readonly unknown[]): PreviewFeature[] {
  return features.filter((f): f is PreviewFeature => {
    const feature = f as Partial<PreviewFeature> | null
    return (
      feature?.type === 'Feature' &&
      typeof feature.properties?.n === 'number' &&
      Array.isArray(feature.geometry?.coordinates)
    )
  })
}

/** Where a geometry problem is (PostGIS's self-intersection point…): `n` is its feature's place in the file. */
export type ProblemLocation = Feature<Point, { n: number; reason: string }>

/** The places the report's issues name, one marker each, for the preview map. */
export function problemLocations(features: readonly ImportFeatureReport[]): ProblemLocation[] {
  return features.flatMap((feature) =>
    feature.issues.flatMap((issue) =>
      issue.location
        ? [
            {
              type: 'Feature' as const,
              geometry: { type: 'Point' as const, coordinates: issue.location },
              properties: { n: feature.n, reason: issue.reason },
            },
          ]
        : [],
    ),
  )
}

// Road dead ends (断头路): derived from the road graph, served as GeoJSON points.
import { z } from 'zod'
import { roadClass } from './labels.ts'

export const deadEndProperties = z
  .object({
    nodeKey: z.string().meta({ description: 'the road end as `lon,lat` rounded to 7 decimals' }),
    roadCode: z.string(),
    roadName: z.string().nullable(),
    roadClass: roadClass.schema,
  })
  .meta({ id: 'DeadEndProperties' })
export type DeadEndResponseProperties = z.infer<typeof deadEndProperties>

export const deadEndCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
        properties: deadEndProperties,
      }),
    ),
  })
  .meta({ id: 'DeadEndCollection' })
export type DeadEndCollection = z.infer<typeof deadEndCollection>

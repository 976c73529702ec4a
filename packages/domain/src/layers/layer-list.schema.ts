// GET /api/v1/layers: the layer registry as clients read it — words, geometry, fields, zooms, who sees which rows —
// with each tile layer's revision, which changes whenever data its tiles show changes (the data-changed signal).
import { z } from 'zod'
import { permission } from '../access.ts'

const label = z.object({ zh: z.string(), en: z.string() })

export const layerListField = z.object({
  name: z.string(),
  type: z.enum(['string', 'integer', 'number', 'boolean']),
  label,
  unit: label.optional(),
  values: z.record(z.string(), label).optional(),
  tile: z.boolean().meta({ description: 'carried in the layer’s vector tiles' }),
  exported: z.boolean().meta({ description: 'written by exports and the OGC API' }),
})

export const layerListItem = z
  .object({
    id: z.string(),
    label,
    description: z.string(),
    geometry: z.enum(['Polygon', 'MultiPolygon', 'LineString', 'Point']),
    fields: z.array(layerListField),
    access: z.object({ permission: permission.schema, rows: z.enum(['all', 'in-streets']) }),
    tiles: z
      .object({
        minzoom: z.number().int(),
        maxzoom: z.number().int(),
        revision: z.string().meta({ description: 'changes whenever the data the tiles show changes' }),
        url: z.string().meta({ description: 'tile URL template with {z}/{x}/{y} and the revision' }),
      })
      .nullable(),
    exchange: z.object({ cadLayer: z.string() }).nullable(),
  })
  .meta({ id: 'Layer' })
export type LayerListItem = z.infer<typeof layerListItem>

export const layerListResponse = z.object({ layers: z.array(layerListItem) }).meta({ id: 'LayerList' })
export type LayerListResponse = z.infer<typeof layerListResponse>

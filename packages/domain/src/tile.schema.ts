// Vector tile requests (layer, zoom, column, row) and the TileJSON response; what each layer carries and at which
// zooms is in the layer registry (layers/layer.registry.ts).
import { z } from 'zod'
import { TILE_LAYER_NAMES } from './layers/layer.registry.ts'

/** Extent and buffer of every tile, in tile units, the same on both backends. */
export const TILE_EXTENT = 4096
export const TILE_BUFFER = 64
/** Tile zooms a request may address at all; each layer narrows this to its own range. */
export const MAX_TILE_ZOOM = 22

const layerDoc = z.enum(TILE_LAYER_NAMES).meta({ description: 'tile layer' })

// Digits only, compared as numbers: a value of twenty digits is simply too large, not an "unsafe integer".
const tileIndex = (name: string, description: string) =>
  z
    .string()
    .regex(/^-?\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(0, `${name} must be at least 0`))
    .meta({ description })

const ZOOM_RANGE = `z must be a whole number from 0 to ${MAX_TILE_ZOOM}`

const tileCoordinates = {
  // One sentence for every wrong zoom: a word, a fraction, a negative, 23 or 99999999999999999999.
  z: z
    .string()
    .regex(/^\d{1,2}$/, ZOOM_RANGE)
    .transform(Number)
    .pipe(z.number().max(MAX_TILE_ZOOM, ZOOM_RANGE))
    .meta({ description: `zoom level, 0–${MAX_TILE_ZOOM}` }),
  x: tileIndex('x', 'tile column, 0 … 2^z − 1'),
  y: tileIndex('y', 'tile row from the north, 0 … 2^z − 1'),
}

/**
 * Path parameters of a tile request. The layer is checked by the service (an unknown layer is a 404, not a 400);
 * x and y must lie inside the zoom's grid.
 */
export const tilePathParams = z
  .strictObject({ layer: z.string(), ...tileCoordinates })
  .superRefine((tile, ctx) => {
    const size = 2 ** tile.z
    for (const axis of ['x', 'y'] as const) {
      if (tile[axis] >= size) {
        ctx.addIssue({
          code: 'custom',
          path: [axis],
          message: `${axis} must be at most ${size - 1} at zoom ${tile.z}`,
        })
      }
    }
  })
export type TilePathParams = z.infer<typeof tilePathParams>

/** The same parameters as the OpenAPI description shows them, with the layer's allowed values. */
export const tilePathDoc = z.object({ layer: layerDoc, ...tileCoordinates })

export const tileJsonPathParams = z.strictObject({ layer: z.string() })
export const tileJsonPathDoc = z.object({ layer: layerDoc })

export const tileJsonResponse = z
  .object({
    tilejson: z.literal('3.0.0'),
    name: z.string(),
    description: z.string(),
    scheme: z.literal('xyz'),
    tiles: z.array(z.string()).meta({ description: 'absolute URL templates with {z}, {x} and {y}' }),
    minzoom: z.number().int(),
    maxzoom: z.number().int(),
    bounds: z
      .tuple([z.number(), z.number(), z.number(), z.number()])
      .meta({ description: 'minLon, minLat, maxLon, maxLat of the layer data' }),
    center: z.tuple([z.number(), z.number(), z.number()]).meta({ description: 'lon, lat, zoom' }),
    vector_layers: z.array(
      z.object({
        id: z.string(),
        description: z.string(),
        minzoom: z.number().int(),
        maxzoom: z.number().int(),
        fields: z.record(z.string(), z.enum(['String', 'Number', 'Boolean'])),
      }),
    ),
  })
  .meta({ id: 'TileJSON', description: 'TileJSON 3.0.0' })
export type TileJson = z.infer<typeof tileJsonResponse>

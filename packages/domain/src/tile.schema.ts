// Vector tile layers (what each carries and at which zooms), tile request parameters and the TileJSON response.
import { z } from 'zod'

/** MVT property types, as TileJSON's `vector_layers[].fields` names them. */
export type TileFieldType = 'String' | 'Number' | 'Boolean'

export interface TileLayerSpec {
  /** Lowest zoom the layer has features at; a lower tile is empty. */
  minzoom: number
  /** Highest zoom the server makes; maps overzoom beyond it. */
  maxzoom: number
  description: string
  /** The feature properties (camelCase), and nothing else: the feature id is the row id. */
  fields: Record<string, TileFieldType>
}

/** Extent and buffer of every tile, in tile units, the same on both backends. */
export const TILE_EXTENT = 4096
export const TILE_BUFFER = 64
/** Tile zooms a request may address at all; each layer narrows this to its own range. */
export const MAX_TILE_ZOOM = 22

export const TILE_LAYERS = {
  district: {
    minzoom: 0,
    maxzoom: 16,
    description: 'District outline (区)',
    fields: { code: 'String', name: 'String' },
  },
  streets: {
    minzoom: 0,
    maxzoom: 16,
    description: 'Street outlines (街道)',
    fields: { code: 'String', name: 'String' },
  },
  communities: {
    minzoom: 8,
    maxzoom: 16,
    description: 'Community outlines (社区)',
    fields: { code: 'String', name: 'String', streetCode: 'String' },
  },
  compounds: {
    minzoom: 10,
    maxzoom: 16,
    description: 'Residential compounds (小区/院落) with their renovation status',
    fields: {
      code: 'String',
      name: 'String',
      streetCode: 'String',
      communityCode: 'String',
      renovationStatus: 'String',
      onOldRegister: 'Boolean',
      builtYear: 'Number',
      households: 'Number',
      renovationYear: 'Number',
    },
  },
  'compound-labels': {
    minzoom: 10,
    maxzoom: 16,
    description:
      'Compound label points, one per compound inside its outline, with the properties maps filter by',
    fields: {
      name: 'String',
      streetCode: 'String',
      communityCode: 'String',
      renovationStatus: 'String',
      onOldRegister: 'Boolean',
      builtYear: 'Number',
      households: 'Number',
    },
  },
  buildings: {
    minzoom: 14,
    maxzoom: 16,
    description: 'Building footprints (楼栋)',
    fields: { compoundId: 'Number', storeys: 'Number', households: 'Number', hasLift: 'Boolean' },
  },
  roads: {
    minzoom: 10,
    maxzoom: 16,
    description: 'Road centrelines with class and widths (道路)',
    fields: {
      code: 'String',
      name: 'String',
      roadClass: 'String',
      redLineWidthM: 'Number',
      carriagewayWidthM: 'Number',
    },
  },
  facilities: {
    minzoom: 12,
    maxzoom: 16,
    description: 'Service facilities (公共服务设施)',
    fields: { code: 'String', name: 'String', facilityType: 'String' },
  },
} as const satisfies Record<string, TileLayerSpec>

export type TileLayerName = keyof typeof TILE_LAYERS
export const TILE_LAYER_NAMES = Object.keys(TILE_LAYERS) as [TileLayerName, ...TileLayerName[]]

export function isTileLayerName(name: string): name is TileLayerName {
  return Object.hasOwn(TILE_LAYERS, name)
}

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

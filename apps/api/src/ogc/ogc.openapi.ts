// The OpenAPI 3.0 definition of the OGC API Features service (GET /ogc/api), built by hand because it describes a
// different API from /api/v1. Collections are listed as concrete paths (as pygeoapi and ldproxy do), so a client
// that reads the `limit` parameter of `/collections/{id}/items` (GDAL ≥ 3.8 sizes its pages from its maximum)
// finds it, and each layer's feature properties are typed from the field catalogue.
import { EXCHANGE_LAYERS, type ExportLayer, exportLayer, type FieldType } from '@renewal-atlas/domain'
import { MEDIA, SERVICE_TITLE } from './ogc.documents.ts'
import { OGC_DEFAULT_LIMIT, OGC_MAX_LIMIT, OGC_MAX_OFFSET } from './ogc.params.ts'

const ref = (to: string) => ({ $ref: `#/components/${to}` })

const json = (schema: object) => ({ [MEDIA.json]: { schema } })

const refusals = {
  400: ref('responses/InvalidParameter'),
  401: ref('responses/Unauthorized'),
  403: ref('responses/Forbidden'),
  429: ref('responses/TooManyRequests'),
}

const SCHEMA_TYPE: Readonly<Record<FieldType, string>> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
}

function featureSchema(layer: ExportLayer) {
  const { fields, geometry } = EXCHANGE_LAYERS[layer]
  return {
    type: 'object',
    required: ['type', 'id', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'integer' },
      geometry: {
        type: 'object',
        nullable: true,
        description: `GeoJSON ${geometry} in CRS84 (WGS84 longitude/latitude)`,
      },
      properties: {
        type: 'object',
        properties: Object.fromEntries(
          fields.map((field) => [
            field.name,
            {
              type: SCHEMA_TYPE[field.type],
              nullable: field.name !== 'id',
              title: `${field.label.zh} ${field.label.en}`,
              ...(field.values ? { enum: Object.keys(field.values) } : {}),
              ...(field.unit ? { description: `unit: ${field.unit.en} (${field.unit.zh})` } : {}),
            },
          ]),
        ),
      },
    },
  }
}

function layerPaths(layer: ExportLayer) {
  const { label } = EXCHANGE_LAYERS[layer]
  const tags = ['Data']
  const feature = ref(`schemas/${layer}Feature`)
  return {
    [`/collections/${layer}`]: {
      get: {
        tags,
        operationId: `describe_${layer}`,
        summary: `The ${label.en} (${label.zh}) collection`,
        parameters: [ref('parameters/f')],
        responses: {
          200: { description: 'The collection', content: json(ref('schemas/Collection')) },
          ...refusals,
        },
      },
    },
    [`/collections/${layer}/items`]: {
      get: {
        tags,
        operationId: `get_${layer}_features`,
        summary: `${label.en} (${label.zh}) as GeoJSON, paged by next links`,
        parameters: ['limit', 'bbox', 'datetime', 'offset', 'after', 'f'].map((name) =>
          ref(`parameters/${name}`),
        ),
        responses: {
          200: {
            description:
              'A page of features; `numberMatched` counts all that match, `next` links to the next page',
            content: {
              [MEDIA.geojson]: {
                schema: {
                  allOf: [
                    ref('schemas/FeatureCollection'),
                    { type: 'object', properties: { features: { type: 'array', items: feature } } },
                  ],
                },
              },
            },
          },
          ...refusals,
        },
      },
    },
    [`/collections/${layer}/items/{featureId}`]: {
      get: {
        tags,
        operationId: `get_${layer}_feature`,
        summary: `One ${label.en.toLowerCase()} feature`,
        parameters: [ref('parameters/featureId'), ref('parameters/f')],
        responses: {
          200: { description: 'The feature', content: { [MEDIA.geojson]: { schema: feature } } },
          404: ref('responses/NotFound'),
          ...refusals,
        },
      },
    },
  }
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('schemas/Problem') } },
})

export function ogcOpenApi(base: string, version: string) {
  const document = (description: string, schema: object) => ({
    description,
    content: json(schema),
  })
  return {
    openapi: '3.0.3',
    info: {
      title: SERVICE_TITLE,
      version,
      description:
        'OGC API - Features - Part 1: Core, with GeoJSON. Reading follows the rights of /api/v1: when public ' +
        'reading is off, send a personal access token (`Authorization: Bearer <token>`); a design institute sees ' +
        'compounds and buildings of its own streets only.',
    },
    servers: [{ url: base }],
    tags: [
      { name: 'Capabilities', description: 'What this API offers' },
      { name: 'Data', description: 'The feature collections' },
    ],
    security: [{}, { bearerToken: [] }],
    paths: {
      '/': {
        get: {
          tags: ['Capabilities'],
          operationId: 'getLandingPage',
          summary: 'Landing page',
          parameters: [ref('parameters/f')],
          responses: {
            200: document(
              'Links to the API definition, conformance and collections',
              ref('schemas/LandingPage'),
            ),
            ...refusals,
          },
        },
      },
      '/conformance': {
        get: {
          tags: ['Capabilities'],
          operationId: 'getConformanceDeclaration',
          summary: 'Conformance classes met',
          parameters: [ref('parameters/f')],
          responses: { 200: document('The conformance classes', ref('schemas/Conformance')), ...refusals },
        },
      },
      '/api': {
        get: {
          tags: ['Capabilities'],
          operationId: 'getApiDefinition',
          summary: 'This API definition',
          parameters: [ref('parameters/f')],
          responses: {
            200: {
              description: 'OpenAPI 3.0 document',
              content: { [MEDIA.openapi]: { schema: { type: 'object' } } },
            },
            ...refusals,
          },
        },
      },
      '/collections': {
        get: {
          tags: ['Capabilities'],
          operationId: 'getCollections',
          summary: 'The feature collections (one per layer)',
          parameters: [ref('parameters/f')],
          responses: { 200: document('The collections', ref('schemas/Collections')), ...refusals },
        },
      },
      ...Object.assign({}, ...exportLayer.values.map(layerPaths)),
    },
    components: {
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal access token (令牌) of a user',
        },
      },
      parameters: {
        f: {
          name: 'f',
          in: 'query',
          required: false,
          description: 'Encoding: json (the only one; GeoJSON for features)',
          schema: { type: 'string', enum: ['json'] },
          style: 'form',
          explode: false,
        },
        limit: {
          name: 'limit',
          in: 'query',
          required: false,
          description: `Most features in the page. A larger value is lowered to the maximum (${OGC_MAX_LIMIT}).`,
          schema: { type: 'integer', minimum: 1, maximum: OGC_MAX_LIMIT, default: OGC_DEFAULT_LIMIT },
          style: 'form',
          explode: false,
        },
        bbox: {
          name: 'bbox',
          in: 'query',
          required: false,
          description:
            'Only features whose geometry intersects the box: minLon,minLat,maxLon,maxLat in CRS84 ' +
            '(6 numbers with heights: the heights are ignored, features have none)',
          schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
          style: 'form',
          explode: false,
        },
        datetime: {
          name: 'datetime',
          in: 'query',
          required: false,
          description:
            'RFC 3339 instant or interval (.. for an open end). No collection has a temporal geometry, so every ' +
            'feature matches a valid value.',
          schema: { type: 'string' },
          style: 'form',
          explode: false,
        },
        offset: {
          name: 'offset',
          in: 'query',
          required: false,
          description: 'Features to skip (features are ordered by id); the next links carry it',
          schema: { type: 'integer', minimum: 0, maximum: OGC_MAX_OFFSET, default: 0 },
          style: 'form',
          explode: false,
        },
        after: {
          name: 'after',
          in: 'query',
          required: false,
          description:
            'Only features with a larger id (the next links give the id of the last feature of the page, so a ' +
            'deep page is read by index). With after, offset only numbers the page for the links.',
          schema: { type: 'integer', minimum: 0 },
          style: 'form',
          explode: false,
        },
        featureId: {
          name: 'featureId',
          in: 'path',
          required: true,
          description: 'The feature id (the record id)',
          schema: { type: 'integer', minimum: 1 },
        },
      },
      responses: {
        InvalidParameter: problem('A query parameter is unknown or its value is invalid'),
        Unauthorized: problem('Public reading is off: send a personal access token'),
        Forbidden: problem("The user's role may not read"),
        NotFound: problem('No such feature'),
        TooManyRequests: problem('Too many requests a minute; Retry-After says how long to wait'),
      },
      schemas: {
        Link: {
          type: 'object',
          required: ['href', 'rel'],
          properties: {
            href: { type: 'string' },
            rel: { type: 'string' },
            type: { type: 'string' },
            title: { type: 'string' },
          },
        },
        LandingPage: {
          type: 'object',
          required: ['links'],
          properties: {
            title: { type: 'string' },
            description: { type: 'string' },
            links: { type: 'array', items: ref('schemas/Link') },
          },
        },
        Conformance: {
          type: 'object',
          required: ['conformsTo'],
          properties: { conformsTo: { type: 'array', items: { type: 'string' } } },
        },
        Collection: {
          type: 'object',
          required: ['id', 'links'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            description: { type: 'string' },
            extent: {
              type: 'object',
              properties: {
                spatial: {
                  type: 'object',
                  properties: {
                    bbox: {
                      type: 'array',
                      items: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } },
                    },
                    crs: { type: 'string' },
                  },
                },
              },
            },
            itemType: { type: 'string' },
            crs: { type: 'array', items: { type: 'string' } },
            links: { type: 'array', items: ref('schemas/Link') },
          },
        },
        Collections: {
          type: 'object',
          required: ['links', 'collections'],
          properties: {
            links: { type: 'array', items: ref('schemas/Link') },
            collections: { type: 'array', items: ref('schemas/Collection') },
          },
        },
        FeatureCollection: {
          type: 'object',
          required: ['type', 'features'],
          properties: {
            type: { type: 'string', enum: ['FeatureCollection'] },
            features: { type: 'array', items: { type: 'object' } },
            links: { type: 'array', items: ref('schemas/Link') },
            timeStamp: { type: 'string', format: 'date-time' },
            numberMatched: { type: 'integer', minimum: 0 },
            numberReturned: { type: 'integer', minimum: 0 },
          },
        },
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string' },
          },
        },
        ...Object.fromEntries(exportLayer.values.map((layer) => [`${layer}Feature`, featureSchema(layer)])),
      },
    },
  }
}

// What the compound panel reads about one compound: its buildings, renovation projects, findings and suggestions.
import { z } from 'zod'
import { featureSchema, pageParams } from './api.schema.ts'
import {
  buildingStructure,
  findingIndicator,
  findingSeverity,
  findingStatus,
  fundingSource,
  itemCategory,
  projectStatus,
  rectification,
  suggestionChannel,
  suggestionStatus,
} from './labels.ts'

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: 'YYYY-MM-DD', example: '2021-06-30' })
const link = z.object({ rel: z.string(), href: z.string(), type: z.string().optional() })

export const buildingResponseProperties = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string().nullable(),
    storeys: z.number().int().nullable(),
    households: z.number().int(),
    builtYear: z.number().int().nullable(),
    hasLift: z.boolean(),
    structure: buildingStructure.schema.nullable(),
  })
  .meta({ id: 'BuildingProperties' })
export type BuildingResponseProperties = z.infer<typeof buildingResponseProperties>

export const buildingCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(featureSchema(buildingResponseProperties)),
  })
  .meta({ id: 'BuildingCollection' })

export const projectFunding = z.object({ source: fundingSource.schema, amountYuan: z.number() })
export const projectItem = z.object({
  category: itemCategory.schema,
  itemType: z.string().meta({ description: 'kind of work, e.g. drainage, lift, facade' }),
  description: z.string().nullable(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  costYuan: z.number(),
})

export const projectResponse = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    status: projectStatus.schema,
    startDate: isoDate.nullable(),
    completionDate: isoDate.nullable(),
    budgetYuan: z.number(),
    funding: z
      .array(projectFunding)
      .meta({ description: 'by source: fiscal, enterprise, residents, social capital' }),
    items: z.array(projectItem),
  })
  .meta({ id: 'RenovationProject' })
export type ProjectResponse = z.infer<typeof projectResponse>

export const compoundProjectsResponse = z
  .object({ projects: z.array(projectResponse) })
  .meta({ id: 'CompoundProjects' })

export const findingResponseProperties = z
  .object({
    id: z.number().int(),
    code: z.string(),
    indicator: findingIndicator.schema,
    severity: findingSeverity.schema,
    foundDate: isoDate,
    status: findingStatus.schema,
    rectification: rectification.schema,
    projectCode: z.string().nullable(),
    description: z.string().nullable(),
    buildingCode: z.string().nullable(),
  })
  .meta({ id: 'FindingProperties' })
export type FindingResponseProperties = z.infer<typeof findingResponseProperties>

export const findingCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(featureSchema(findingResponseProperties)),
  })
  .meta({ id: 'FindingCollection' })

export const suggestionListQuery = z.strictObject(pageParams)
export type SuggestionListQuery = z.infer<typeof suggestionListQuery>

export const suggestionResponseProperties = z
  .object({
    id: z.number().int(),
    code: z.string(),
    channel: suggestionChannel.schema,
    text: z.string(),
    category: z.string().nullable(),
    status: suggestionStatus.schema,
    projectCode: z.string().nullable(),
    submittedDate: isoDate.nullable(),
  })
  .meta({ id: 'SuggestionProperties' })
export type SuggestionResponseProperties = z.infer<typeof suggestionResponseProperties>

export const suggestionsByStatus = z
  .object({ collected: z.number().int(), consensus: z.number().int(), project: z.number().int() })
  .meta({ description: "counts over all of the compound's suggestions, not only this page" })

export const suggestionPage = z
  .object({
    type: z.literal('FeatureCollection'),
    numberMatched: z.number().int(),
    numberReturned: z.number().int(),
    links: z.array(link),
    byStatus: suggestionsByStatus,
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.number().int(),
        geometry: z
          .object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) })
          .nullable()
          .meta({ description: 'where the suggestion is about; null when it has no place' }),
        properties: suggestionResponseProperties,
      }),
    ),
  })
  .meta({ id: 'SuggestionPage' })

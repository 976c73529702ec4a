// Coverage statistics (改造覆盖率) of old compounds, grouped by district, street, community or renovation year.
import { z } from 'zod'

export const coverageGroupBy = z.enum(['district', 'street', 'community', 'year'], {
  error: 'groupBy must be one of district, street, community, year',
})
export type CoverageGroupBy = z.infer<typeof coverageGroupBy>

export const coverageQuery = z.strictObject({
  groupBy: coverageGroupBy.optional().meta({ description: 'grouping of the rows (default district)' }),
})
export type CoverageQuery = z.infer<typeof coverageQuery>

export const coverageRow = z
  .object({
    key: z.string().meta({
      description: 'district, street or community code; for year rows the renovation year, e.g. "2021"',
    }),
    name: z.string(),
    compounds: z.number().int(),
    oldCompounds: z.number().int().meta({ description: 'compounds on the old-compound register' }),
    renovatedOldCompounds: z.number().int(),
    coverage: z.number().min(0).max(1).meta({
      description:
        'renovated old compounds ÷ old compounds, 0–1; for year rows the share of all old compounds renovated by the end of that year',
    }),
    households: z.number().int(),
    householdsBenefiting: z.number().int().meta({ description: 'households of renovated old compounds' }),
  })
  .meta({ id: 'CoverageRow' })
export type CoverageRow = z.infer<typeof coverageRow>

export const coverageResponse = z
  .object({ groupBy: coverageGroupBy, rows: z.array(coverageRow) })
  .meta({ id: 'CoverageResponse' })
export type CoverageResponse = z.infer<typeof coverageResponse>

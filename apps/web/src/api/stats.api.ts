// Coverage statistics for the choropleth layers.
import { type CoverageGroupBy, coverageResponse } from '@renewal-atlas/domain'
import { getJson, type RequestOptions } from './http-client.ts'

export function fetchCoverage(groupBy: CoverageGroupBy, options: RequestOptions = {}) {
  return getJson(`/stats/coverage?groupBy=${groupBy}`, coverageResponse, options)
}

// Coverage statistics for the dashboard and the choropleth; district rows unless another grouping is asked for.
import type { CoverageQuery, CoverageResponse } from '@renewal-atlas/domain'
import type { StatsRepository } from '../repositories/stats.repository.ts'

export class StatsService {
  constructor(private readonly stats: StatsRepository) {}

  async coverage({ groupBy = 'district' }: CoverageQuery): Promise<CoverageResponse> {
    return { groupBy, rows: await this.stats.coverage(groupBy) }
  }
}

// The compound panel's reads: each answers 404 for a compound that does not exist, not an empty list.
import { pageOf, type SuggestionListQuery } from '@renewal-atlas/domain'
import { NotFoundError } from '../http/errors.ts'
import type { CompoundDetailRepository } from './compound-detail.repository.ts'

export class CompoundDetailService {
  constructor(private readonly details: CompoundDetailRepository) {}

  async buildings(compoundId: number) {
    await this.mustExist(compoundId)
    return this.details.buildings(compoundId)
  }

  async projects(compoundId: number) {
    await this.mustExist(compoundId)
    return this.details.projects(compoundId)
  }

  async findings(compoundId: number) {
    await this.mustExist(compoundId)
    return this.details.findings(compoundId)
  }

  async suggestions(compoundId: number, query: SuggestionListQuery) {
    await this.mustExist(compoundId)
    const page = pageOf(query)
    return { page, ...(await this.details.suggestions(compoundId, page)) }
  }

  private async mustExist(compoundId: number): Promise<void> {
    if (!(await this.details.compoundExists(compoundId))) {
      throw new NotFoundError(`No compound has id ${compoundId}`)
    }
  }
}

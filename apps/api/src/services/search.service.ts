// Compound search: fills in the default limit and echoes the text that was matched.
import {
  type CompoundSearchQuery,
  type CompoundSearchResponse,
  SEARCH_DEFAULT_LIMIT,
} from '@renewal-atlas/domain'
import type { SearchRepository } from '../repositories/search.repository.ts'

export class SearchService {
  constructor(private readonly search: SearchRepository) {}

  async compounds({ q, limit }: CompoundSearchQuery): Promise<CompoundSearchResponse> {
    return { query: q, results: await this.search.compounds(q, limit ?? SEARCH_DEFAULT_LIMIT) }
  }
}

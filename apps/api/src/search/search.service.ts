// Compound search: fills in the default limit and echoes the text that was matched.
import {
  type CompoundSearchQuery,
  type CompoundSearchResponse,
  SEARCH_DEFAULT_LIMIT,
} from '@renewal-atlas/domain'
import { type Scope, UNLIMITED } from '../auth/principal.ts'
import type { SearchRepository } from './search.repository.ts'

export class SearchService {
  constructor(private readonly search: SearchRepository) {}

  /** `scope` narrows the results to the streets a design institute was granted. */
  async compounds(
    { q, limit }: CompoundSearchQuery,
    scope: Scope = UNLIMITED,
  ): Promise<CompoundSearchResponse> {
    return {
      query: q,
      results: await this.search.compounds(q, limit ?? SEARCH_DEFAULT_LIMIT, scope.streetIds),
    }
  }
}

// Compound reads: checks that named streets and communities exist before querying.
import { type CompoundListQuery, pageOf } from '@renewal-atlas/domain'
import type { AreaService } from '../areas/area.service.ts'
import { type Scope, UNLIMITED } from '../auth/principal.ts'
import { type FieldError, NotFoundError, ValidationError } from '../http/errors.ts'
import type { CompoundRepository } from './compound.repository.ts'

export class CompoundService {
  constructor(
    private readonly compounds: CompoundRepository,
    private readonly areas: AreaService,
  ) {}

  /** `scope` narrows the list to the streets a design institute was granted. */
  async list(query: CompoundListQuery, scope: Scope = UNLIMITED) {
    const { limit, offset, ...filter } = query
    const unknown: FieldError[] = []
    if (filter.street && !(await this.areas.streetExists(filter.street))) {
      unknown.push({ name: 'street', in: 'query', reason: `no street has code ${filter.street}` })
    }
    if (filter.community && !(await this.areas.communityExists(filter.community))) {
      unknown.push({ name: 'community', in: 'query', reason: `no community has code ${filter.community}` })
    }
    if (unknown.length) throw new ValidationError(unknown)
    const page = pageOf({ limit, offset })
    return { page, ...(await this.compounds.list({ ...filter, streetIds: scope.streetIds }, page)) }
  }

  async get(id: number) {
    const feature = await this.compounds.byId(id)
    if (!feature) throw new NotFoundError(`No compound has id ${id}`)
    return feature
  }
}

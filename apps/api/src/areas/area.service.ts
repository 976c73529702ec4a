// The administrative areas (district → street → community): the district with its figures (of a street-limited
// reader's streets only), and pages of streets and communities, refusing a street code that names none.
import { pageOf } from '@renewal-atlas/domain'
import type { Scope } from '../auth/principal.ts'
import { ValidationError } from '../http/errors.ts'
import type { AreaRepository } from './area.repository.ts'

type Bbox = [number, number, number, number] | undefined

export class AreaService {
  constructor(private readonly areas: AreaRepository) {}

  district(scope: Scope) {
    return this.areas.districts(scope.streetIds)
  }

  async streets(query: { bbox?: Bbox; limit?: number | undefined; offset?: number | undefined }) {
    const { bbox, ...rest } = query
    const page = pageOf(rest)
    return { page, ...(await this.areas.streets({ ...page, bbox })) }
  }

  async communities(query: {
    bbox?: Bbox
    street?: string | undefined
    limit?: number | undefined
    offset?: number | undefined
  }) {
    const { bbox, street, ...rest } = query
    if (street && !(await this.areas.streetExists(street))) {
      throw new ValidationError([{ name: 'street', in: 'query', reason: `no street has code ${street}` }])
    }
    const page = pageOf(rest)
    return { page, ...(await this.areas.communities({ ...page, bbox, streetCode: street })) }
  }

  streetExists(code: string): Promise<boolean> {
    return this.areas.streetExists(code)
  }

  communityExists(code: string): Promise<boolean> {
    return this.areas.communityExists(code)
  }
}

import { describe, expect, it } from 'vitest'
import {
  ApiError,
  ForbiddenError,
  RateLimitedError,
  SignInRequiredError,
  VersionConflictError,
} from '../../api/api-error.ts'
import { explainRefusal } from './refusal.ts'

const at = (status: number, problemCode?: string) => ({
  url: '/api/v1/compounds/1',
  status,
  ...(problemCode ? { problemCode } : {}),
})

describe('explaining a refusal', () => {
  it('when nobody is signed in, then the person is asked to sign in', () => {
    expect(explainRefusal(new SignInRequiredError('http', '401', at(401)))).toEqual({
      key: 'refusal.signIn',
      remedy: 'signIn',
    })
  })

  it('when the user name or password is wrong, then it says so and offers no second dialog', () => {
    expect(explainRefusal(new SignInRequiredError('http', '401', at(401, 'invalid_credentials')))).toEqual({
      key: 'refusal.wrongCredentials',
    })
  })

  it('when the compound lies outside the planner’s streets, then it says so rather than blaming the role', () => {
    expect(explainRefusal(new ForbiddenError('http', '403', at(403, 'outside_area'))).key).toBe(
      'refusal.outsideArea',
    )
    expect(explainRefusal(new ForbiddenError('http', '403', at(403, 'forbidden'))).key).toBe('refusal.role')
    expect(explainRefusal(new ForbiddenError('http', '403', at(403, 'csrf_failed'))).remedy).toBe('reload')
  })

  it('when the API says to wait 600 seconds, then the message says 10 minutes; 30 seconds stay seconds', () => {
    expect(explainRefusal(new RateLimitedError('429', at(429), 600))).toEqual({
      key: 'refusal.rateLimitedMinutes',
      params: { minutes: 10 },
    })
    expect(explainRefusal(new RateLimitedError('429', at(429), 30)).params).toEqual({ seconds: 30 })
    expect(explainRefusal(new RateLimitedError('429', at(429), undefined)).key).toBe('refusal.rateLimited')
  })

  it('when someone else saved first, then it is a version conflict; a dead network is a network error', () => {
    expect(explainRefusal(new VersionConflictError('412', at(412), 5, undefined)).key).toBe(
      'refusal.versionConflict',
    )
    expect(explainRefusal(new ApiError('network', 'down', { url: '/' })).key).toBe('load.errorNetwork')
  })
})

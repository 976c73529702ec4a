// Which sentence explains a failed request: sign in, your role may not, outside your streets, someone changed it
// first, too many requests… Pure, so each case is tested without a screen.
import {
  type ApiError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PreconditionRequiredError,
  RateLimitedError,
  SignInRequiredError,
  VersionConflictError,
} from '../../api/api-error.ts'
import type { MessageKey, MessageParams } from '../../i18n/messages.ts'

export interface Explanation {
  key: MessageKey
  params?: MessageParams
  /** What the person can do about it. */
  remedy?: 'signIn' | 'reload' | 'changePassword'
}

export function explainRefusal(error: ApiError): Explanation {
  if (error instanceof SignInRequiredError) {
    const code = error.details.problemCode
    if (code === 'invalid_credentials') return { key: 'refusal.wrongCredentials' }
    if (code === 'session_expired') return { key: 'refusal.sessionExpired', remedy: 'signIn' }
    return { key: 'refusal.signIn', remedy: 'signIn' }
  }
  if (error instanceof ForbiddenError) {
    switch (error.reason) {
      case 'outside_area':
        return { key: 'refusal.outsideArea' }
      case 'csrf':
        return { key: 'refusal.csrf', remedy: 'reload' }
      case 'password_change_required':
        return { key: 'refusal.passwordChange', remedy: 'changePassword' }
      default:
        return { key: 'refusal.role' }
    }
  }
  if (error instanceof RateLimitedError) {
    const seconds = error.retryAfterSeconds
    if (seconds === undefined) return { key: 'refusal.rateLimited' }
    return seconds >= 90
      ? { key: 'refusal.rateLimitedMinutes', params: { minutes: Math.ceil(seconds / 60) } }
      : { key: 'refusal.rateLimitedSeconds', params: { seconds: Math.max(1, Math.ceil(seconds)) } }
  }
  if (error instanceof VersionConflictError) return { key: 'refusal.versionConflict', remedy: 'reload' }
  if (error instanceof PreconditionRequiredError)
    return { key: 'refusal.preconditionRequired', remedy: 'reload' }
  if (error instanceof NotFoundError) return { key: 'refusal.notFound' }
  if (error instanceof ConflictError) return { key: 'refusal.conflict' }
  if (error instanceof InvalidInputError) return { key: 'refusal.invalid' }
  if (error.kind === 'network') return { key: 'load.errorNetwork' }
  if (error.kind === 'invalid_response') return { key: 'load.errorInvalid' }
  return { key: 'load.errorHttp', params: { status: error.details.status ?? '' } }
}

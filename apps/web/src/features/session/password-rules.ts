// Whether a new password will do, by the rules the API applies (packages/domain passwordProblem), with the
// sentence to show in the user's language.
import { passwordProblem } from '@renewal-atlas/domain'
import type { MessageKey } from '../../i18n/messages.ts'

/** The message key of what is wrong with the new password, or undefined when it will do. */
export function newPasswordProblem(
  username: string,
  current: string,
  next: string,
  repeated: string,
): MessageKey | undefined {
  const problem = passwordProblem(username, next)
  if (problem?.includes('at least')) return 'account.password.tooShort'
  if (problem?.includes('at most')) return 'account.password.tooLong'
  if (problem) return 'account.password.isUsername'
  if (next === current) return 'account.password.same'
  if (next !== repeated) return 'account.password.mismatch'
  return undefined
}

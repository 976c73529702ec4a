// Whether a new password will do, by the quick rules the API applies first (packages/domain passwordProblem: length,
// not the user name), with the sentence to show in the user's language. How easily a password is guessed is judged
// by the API alone (zxcvbn-ts and its dictionaries, too heavy for the page); its refusal names `newPassword` with the
// estimator's reason, which the form shows as sent.
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
  if (problem?.includes('user name')) return 'account.password.isUsername'
  if (next === current) return 'account.password.same'
  if (next !== repeated) return 'account.password.mismatch'
  return undefined
}

// Whether a new password will do: the domain's rules (length, not the user name), then how easily it is guessed,
// by zxcvbn-ts with its common and English dictionaries (built once, on the first check). Every place that sets a
// password asks here, generated passwords included.
import { passwordProblem } from '@renewal-atlas/domain'
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common'
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en'
import { generatePassword } from './secret.ts'

/**
 * The zxcvbn score a new password needs: 3 is about 10^8 guesses, out of reach online (sign-ins are rate-limited)
 * and slow offline against scrypt hashes. 0–2 are the common, repeated, sequential and keyboard-walk passwords.
 */
export const MIN_PASSWORD_SCORE = 3

/** Words someone guessing at this installation tries first, besides the user's own name. */
const INSTALLATION_WORDS = ['renewal', 'atlas', 'huanxin', 'jinjiang', 'chengdu']

/** When the estimator gives no advice of its own. */
const DEFAULT_ADVICE = 'Add another word or two. Uncommon words are better.'

let estimator: ZxcvbnFactory | undefined

/** Why a new password of `username` is not acceptable, in words to show the user; undefined when it will do. */
export function newPasswordProblem(username: string, password: string): string | undefined {
  const rule = passwordProblem(username, password)
  if (rule) return rule
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations,
  })
  const { score, feedback } = estimator.check(password, [username, ...INSTALLATION_WORDS])
  if (score >= MIN_PASSWORD_SCORE) return undefined
  const advice = [feedback.warning, ...feedback.suggestions].filter(Boolean).join(' ') || DEFAULT_ADVICE
  return `the password is too easy to guess: ${advice}`
}

/** A random password (one-time, demo or printed by the CLI) that passes the same check as a chosen one. */
export function generateAcceptablePassword(username: string): string {
  // A 16-character random password scores 4 all but always; the loop only makes the guarantee explicit.
  for (;;) {
    const password = generatePassword()
    if (!newPasswordProblem(username, password)) return password
  }
}

import { describe, expect, it } from 'vitest'
import { generateAcceptablePassword, newPasswordProblem } from './password-policy.ts'
import { generatePassword } from './secret.ts'

describe('a new password', () => {
  it('when it is ten identical characters, then it is refused saying repeated characters are easy to guess', () => {
    expect(newPasswordProblem('li.wei', 'aaaaaaaaaa')).toBe(
      'the password is too easy to guess: Repeated characters like "aaa" are easy to guess. ' +
        'Add more words that are less common. Avoid repeated words and characters.',
    )
  })

  it.each([
    ['a password from the lists of common ones', 'password123', /commonly used password/],
    ['a keyboard row', 'qwertyuiop', /frequently used password/],
    ['the digits in order', '1234567890', /frequently used password/],
    ['the alphabet in order', 'abcdefghij', /sequences like "abc"/],
  ])('when it is %s, then it is refused with the estimator’s reason', (_what, password, reason) => {
    expect(newPasswordProblem('li.wei', password)).toMatch(reason)
  })

  it('when it is the user name with a year, then the user name counts as a word anyone would guess', () => {
    expect(newPasswordProblem('zhang.san', 'zhang.san2024')).toMatch(/^the password is too easy to guess: /)
  })

  it('keeps the rules of length and user name, in their own words', () => {
    expect(newPasswordProblem('li.wei', 'short')).toBe('the password must have at least 10 characters')
    expect(newPasswordProblem('zhang.san.01', 'ZHANG.SAN.01')).toBe('the password must not be the user name')
  })

  it('when it is several uncommon words, or Chinese and digits, then it will do', () => {
    expect(newPasswordProblem('li.wei', 'correct horse battery staple')).toBeUndefined()
    expect(newPasswordProblem('li.wei', '锦江区旧改2025年春季')).toBeUndefined()
  })

  it('passes every generated password, as the demo accounts and one-time passwords get them', () => {
    for (let i = 0; i < 10; i++) {
      expect(newPasswordProblem('demo-admin', generatePassword())).toBeUndefined()
      const password = generateAcceptablePassword('demo-admin')
      expect(password).toHaveLength(16)
      expect(newPasswordProblem('demo-admin', password)).toBeUndefined()
    }
  })
})

import { describe, expect, it } from 'vitest'
import { newPasswordProblem } from './password-rules.ts'

describe('a new password', () => {
  it('when it is shorter than 10 characters, then it is too short', () => {
    expect(newPasswordProblem('li.wei', 'old-password-1', 'short', 'short')).toBe('account.password.tooShort')
  })

  it('when it is the user name, then it is refused even in capitals', () => {
    expect(newPasswordProblem('zhang.san.01', 'old-password-1', 'ZHANG.SAN.01', 'ZHANG.SAN.01')).toBe(
      'account.password.isUsername',
    )
  })

  it('when it repeats the current one or the two entries differ, then each says so', () => {
    expect(newPasswordProblem('li.wei', 'same-password-1', 'same-password-1', 'same-password-1')).toBe(
      'account.password.same',
    )
    expect(newPasswordProblem('li.wei', 'old-password-1', 'new-password-12', 'new-password-13')).toBe(
      'account.password.mismatch',
    )
  })

  it('when it is long enough but easy to guess, then the form leaves the verdict (and its reason) to the API', () => {
    expect(newPasswordProblem('li.wei', 'old-password-1', 'aaaaaaaaaa', 'aaaaaaaaaa')).toBeUndefined()
    expect(newPasswordProblem('li.wei', 'old-password-1', 'password123', 'password123')).toBeUndefined()
  })

  it('when it is long enough, new and typed twice alike, then it will do', () => {
    expect(
      newPasswordProblem('li.wei', 'old-password-1', '锦江区旧改2025年春季', '锦江区旧改2025年春季'),
    ).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { isAppPath } from './app-path.ts'

describe('the app’s paths', () => {
  it('are the start page only: every view is a route in the hash', () => {
    expect(isAppPath('/')).toBe(true)
    expect(isAppPath('/index.html')).toBe(true)
    expect(isAppPath('/dashboard')).toBe(false)
    expect(isAppPath('/nowhere/at/all')).toBe(false)
  })
})

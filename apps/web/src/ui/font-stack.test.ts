import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { uiFontFamilies, uiFontStack } from './font-stack.ts'

describe('the UI font stack', () => {
  it('starts with the app’s own web font, and styles.css writes the same stack', () => {
    expect(uiFontStack.startsWith(`"${uiFontFamilies.common}", "${uiFontFamilies.rest}",`)).toBe(true)
    const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8')
    const root = /:root\s*\{[^}]*?font-family:\s*([^;]+);/.exec(css)?.[1]
    expect(root?.replace(/\s+/g, ' ')).toBe(uiFontStack)
  })
})

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatFirstAdminAdvice } from './first-accounts.ts'

const root = path.resolve(import.meta.dirname, '../../../..')

describe('the advice on a first start with no user', () => {
  it('names both ways to make the first administrator, with commands that exist', () => {
    const advice = formatFirstAdminAdvice(false)
    expect(advice).toContain('reading needs a signed-in user')
    expect(advice).toMatch(/ATLAS_ADMIN_USERNAME=\S+ ATLAS_ADMIN_PASSWORD=/)
    expect(advice).toContain('npm run atlas -- user:create --username chief --role admin')
    const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts
    expect(scripts.atlas).toBeDefined()
    expect(readFileSync(path.join(root, 'scripts/cli/atlas-cli.ts'), 'utf8')).toContain("'user:create'")
  })

  it('says nothing of closed reading when visitors may read', () => {
    expect(formatFirstAdminAdvice(true)).not.toContain('reading needs')
  })
})

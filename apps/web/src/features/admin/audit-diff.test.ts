import { describe, expect, it } from 'vitest'
import { auditChanges } from './audit-diff.ts'

const feature = (
  properties: Record<string, unknown>,
  ring = [
    [104, 30],
    [104.1, 30],
    [104, 30.1],
    [104, 30],
  ],
) => ({
  type: 'Feature',
  id: 7,
  geometry: { type: 'Polygon', coordinates: [ring] },
  properties: { id: 7, version: 3, ...properties },
})

describe('what an audit entry changed', () => {
  it('when a compound’s households went from 240 to 250, then that is the one change (not its version)', () => {
    const before = feature({ name: '五福苑', households: 240 })
    const after = {
      ...feature({ name: '五福苑', households: 250 }),
      properties: { id: 7, version: 4, name: '五福苑', households: 250 },
    }
    expect(auditChanges(before, after)).toEqual([{ key: 'households', before: 240, after: 250 }])
  })

  it('when a compound was deleted, then every field shows with nothing after', () => {
    const changes = auditChanges(feature({ name: '五福苑' }), null)
    expect(changes.map((c) => c.key)).toEqual(['name', 'geometry'])
    expect(changes[0]).toEqual({ key: 'name', before: '五福苑', after: undefined })
  })

  it('when a user’s role changed, then the plain record’s field is listed', () => {
    expect(auditChanges({ role: 'viewer', active: true }, { role: 'planner', active: true })).toEqual([
      { key: 'role', before: 'viewer', after: 'planner' },
    ])
  })
})

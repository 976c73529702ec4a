// The district's streets as a choice (the users page's streets, the dashboard's street filter): code and name,
// in Chinese collation order.
import type { AtlasAreas } from '../../api/layers.schema.ts'

export interface StreetOption {
  code: string
  name: string
}

export function streetOptionsOf(areas: AtlasAreas | null): StreetOption[] {
  return [...(areas?.streets.features ?? [])]
    .map((f) => ({ code: f.properties.code, name: f.properties.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

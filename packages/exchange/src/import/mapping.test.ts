import { EXCHANGE_LAYERS, IMPORT_TARGETS } from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import { columnSignature, suggestMapping } from './mapping.ts'

describe('columnSignature', () => {
  it('ignores order, case and surrounding spaces', () => {
    expect(columnSignature(['Code', ' 名称 ', 'storeys'])).toBe(columnSignature(['storeys', 'code', '名称']))
  })

  it('tells different column sets apart', () => {
    expect(columnSignature(['code', 'name'])).not.toBe(columnSignature(['code', 'name', 'storeys']))
    expect(columnSignature(['code', 'name'])).not.toBe(columnSignature(['code', 'nam']))
  })
})

describe('suggestMapping', () => {
  it.each(['compounds', 'buildings', 'facilities'] as const)(
    'maps our own %s export onto itself, by camelCase names and by dbf names',
    (target) => {
      const exported = EXCHANGE_LAYERS[target].fields
      for (const by of ['name', 'dbf'] as const) {
        const mapping = suggestMapping(
          exported.map((f) => f[by]),
          target,
        )
        for (const field of IMPORT_TARGETS[target].fields) {
          const source = exported.find((f) => f.name === field.name)
          expect(mapping[field.name], `${by} of ${field.name}`).toBe(source ? source[by] : null)
        }
      }
    },
  )

  it('maps a Chinese survey table by labels and aliases', () => {
    const columns = ['序号', '小区名称', '编码', '地址', '建成年代', '户数', '人数', '改造状态', '老旧小区']
    expect(suggestMapping(columns, 'compounds')).toEqual({
      code: '编码',
      name: '小区名称',
      address: '地址',
      communityCode: null,
      builtYear: '建成年代',
      buildingCount: null,
      households: '户数',
      residents: '人数',
      floorAreaM2: null,
      managementType: null,
      onOldRegister: '老旧小区',
      renovationStatus: '改造状态',
      renovationYear: null,
    })
  })

  it('matches case-insensitively and uses each column once, strongest match first', () => {
    // NAME is the field's own name, 名称 only an alias of it: NAME wins and 名称 stays unmapped.
    const mapping = suggestMapping(['NAME', '名称', 'BM', 'Storeys'], 'buildings')
    expect(mapping.name).toBe('NAME')
    expect(mapping.code).toBe('BM')
    expect(mapping.storeys).toBe('Storeys')
    expect(Object.values(mapping).filter((c) => c === '名称')).toHaveLength(0)
  })

  it('maps facility types by English alias', () => {
    expect(suggestMapping(['Type', 'Name', 'Code'], 'facilities')).toMatchObject({
      facilityType: 'Type',
      name: 'Name',
      code: 'Code',
    })
  })
})

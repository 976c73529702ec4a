import { describe, expect, it } from 'vitest'
import { dxfChunks } from './dxf.ts'
import { batchesOf, collect, createCompound, createFacility, createRoad } from './test-fixtures.ts'

interface Group {
  code: number
  value: string
}

/** The DXF as (group code, value) pairs. */
function groups(text: string): Group[] {
  const lines = text.split('\r\n')
  const result: Group[] = []
  for (let i = 0; i + 1 < lines.length; i += 2)
    result.push({ code: Number(lines[i]), value: lines[i + 1] ?? '' })
  return result
}

/** The entities of the ENTITIES section, each as its list of groups. */
function entities(all: Group[]): Group[][] {
  const start = all.findIndex(
    (g, i) => g.code === 2 && g.value === 'ENTITIES' && all[i - 1]?.value === 'SECTION',
  )
  const result: Group[][] = []
  for (const g of all.slice(start + 1)) {
    if (g.code === 0) {
      if (g.value === 'ENDSEC') break
      result.push([g])
    } else result.at(-1)?.push(g)
  }
  return result
}

const value = (entity: Group[], code: number) => entity.find((g) => g.code === code)?.value

async function drawing() {
  return collect(
    dxfChunks(
      [
        { layer: 'compounds', batches: batchesOf([createCompound(1)]) },
        {
          layer: 'roads',
          batches: batchesOf([
            createRoad(2, [
              [400_000, 3_390_000],
              [400_100.5, 3_390_050],
            ]),
          ]),
        },
        {
          layer: 'facilities',
          batches: batchesOf([createFacility(3, [400_050, 3_390_050], '养老服务站 ^1')]),
        },
      ],
      { crs: '4544' },
    ),
  )
}

describe('DXF export', () => {
  it('is R12 (AC1009) ASCII in metres and ends with EOF', async () => {
    const text = await drawing()
    expect(text).toMatch(/^[\x20-\x7e\r\n]*$/)
    const all = groups(text)
    const header = all.map((g) => g.value)
    expect(header.slice(0, 2)).toEqual(['SECTION', 'HEADER'])
    expect(header[header.indexOf('$ACADVER') + 1]).toBe('AC1009')
    expect(header[header.indexOf('$INSUNITS') + 1]).toBe('6')
    expect(all.at(-1)).toEqual({ code: 0, value: 'EOF' })
  })

  it('declares a CAD layer per feature type, each in its own colour, and a label layer beside it', async () => {
    const all = groups(await drawing())
    const layers = new Map<string, string>()
    all.forEach((g, i) => {
      if (g.code === 0 && g.value === 'LAYER' && all[i + 1]?.code === 2) {
        const colour = all.slice(i + 1).find((h) => h.code === 62)?.value ?? ''
        layers.set(all[i + 1]?.value ?? '', colour.trim())
      }
    })
    expect([...layers.keys()]).toEqual([
      '0',
      'COMPOUNDS',
      'COMPOUNDS_LABEL',
      'ROADS',
      'ROADS_LABEL',
      'FACILITIES',
      'FACILITIES_LABEL',
    ])
    const colours = ['COMPOUNDS', 'ROADS', 'FACILITIES'].map((name) => layers.get(name))
    expect(new Set(colours).size).toBe(3)
  })

  it('draws each polygon ring as a closed POLYLINE without the repeated first vertex', async () => {
    const drawn = entities(groups(await drawing()))
    const rings = drawn.filter((e) => e[0]?.value === 'POLYLINE' && value(e, 8) === 'COMPOUNDS')
    expect(rings).toHaveLength(2) // exterior and courtyard
    for (const ring of rings) expect(value(ring, 70)?.trim()).toBe('1')
    const vertices = drawn.filter((e) => e[0]?.value === 'VERTEX' && value(e, 8) === 'COMPOUNDS')
    expect(vertices).toHaveLength(8)
    expect(vertices.map((v) => [value(v, 10), value(v, 20)])[0]).toEqual(['400200.000', '3390000.000'])
    expect(drawn.filter((e) => e[0]?.value === 'SEQEND')).toHaveLength(3)
  })

  it('draws a road as an open POLYLINE and a facility as a POINT, in metres', async () => {
    const drawn = entities(groups(await drawing()))
    const road = drawn.find((e) => e[0]?.value === 'POLYLINE' && value(e, 8) === 'ROADS')
    expect(value(road ?? [], 70)?.trim()).toBe('0')
    const roadVertices = drawn.filter((e) => e[0]?.value === 'VERTEX' && value(e, 8) === 'ROADS')
    expect(roadVertices.map((v) => value(v, 10))).toEqual(['400000.000', '400100.500'])
    const point = drawn.find((e) => e[0]?.value === 'POINT')
    expect([value(point ?? [], 8), value(point ?? [], 10), value(point ?? [], 20)]).toEqual([
      'FACILITIES',
      '400050.000',
      '3390050.000',
    ])
  })

  it('labels named polygons and facilities with TEXT, Chinese as \\U+XXXX, and leaves roads unlabelled', async () => {
    const texts = entities(groups(await drawing())).filter((e) => e[0]?.value === 'TEXT')
    expect(texts.map((t) => [value(t, 8), value(t, 1)])).toEqual([
      ['COMPOUNDS_LABEL', '\\U+4E94\\U+798F\\U+82D1' + '1\\U+671F'],
      ['FACILITIES_LABEL', '\\U+517B\\U+8001\\U+670D\\U+52A1\\U+7AD9 ^ 1'],
    ])
    const compoundLabel = texts[0] ?? []
    expect(Number(value(compoundLabel, 11))).toBeGreaterThan(400_200)
    expect(Number(value(compoundLabel, 11))).toBeLessThan(400_300)
  })

  it('refuses a system in degrees', () => {
    expect(() => dxfChunks([], { crs: '4326' })).toThrow(TypeError)
  })
})

// Hand-made features for the writers' tests: squares with holes, L-shapes, lines and points around Wufuyuan in
// EPSG:4544 metres and WGS84 degrees, and helpers to feed them in batches and read the chunks back.
import type { ExportFeature, Geometry } from '../types.ts'

export type Ring = number[][]

/** A square ring from its lower-left corner, counter-clockwise unless asked otherwise. */
export function square(x: number, y: number, size: number, winding: 'ccw' | 'cw' = 'ccw'): Ring {
  const ring = [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ]
  return winding === 'ccw' ? ring : ring.reverse()
}

/** A compound in Gauss-Kruger metres: a 100 m square with a 20 m courtyard hole, named in Chinese. */
export function createCompound(id: number, overrides: Partial<ExportFeature> = {}): ExportFeature {
  const x = 400_000 + id * 200
  return {
    id,
    properties: {
      id,
      code: `510104030-${String(id).padStart(3, '0')}`,
      name: `五福苑${id}期`,
      address: '锦江区红星路12号',
      streetCode: '510104030',
      streetName: '书院街街道',
      builtYear: 1995,
      households: 120,
      floorAreaM2: 8_650.25,
      managementType: 'trust_property',
      onOldRegister: true,
      renovationStatus: 'completed',
      renovationYear: 2023,
      synthetic: true,
    },
    geometry: {
      type: 'Polygon',
      coordinates: [square(x, 3_390_000, 100), square(x + 40, 3_390_040, 20, 'cw')],
    },
    ...overrides,
  }
}

export function createRoad(id: number, coordinates: Ring, name: string | null = '红星路'): ExportFeature {
  return {
    id,
    properties: {
      id,
      code: `R${id}`,
      name,
      roadClass: 'branch',
      redLineWidthM: 12,
      lengthM: 230.5,
      synthetic: true,
    },
    geometry: { type: 'LineString', coordinates },
  }
}

export function createFacility(
  id: number,
  coordinates: number[],
  name: string | null = '社区卫生服务站',
): ExportFeature {
  return {
    id,
    properties: {
      id,
      code: `F${id}`,
      name,
      facilityType: 'clinic',
      capacity: 20,
      floorAreaM2: null,
      synthetic: true,
    },
    geometry: { type: 'Point', coordinates },
  }
}

export function polygon(...rings: Ring[]): Geometry {
  return { type: 'Polygon', coordinates: rings }
}

/** The features as an async stream of batches of `size`. */
export async function* batchesOf<T>(items: readonly T[], size = 2): AsyncIterable<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}

/**
 * `count` compounds made batch by batch as they are asked for, never held together: the streaming tests' input.
 */
export async function* manyCompounds(count: number, batchSize = 1_000): AsyncIterable<ExportFeature[]> {
  for (let start = 1; start <= count; start += batchSize) {
    const batch: ExportFeature[] = []
    for (let id = start; id < Math.min(start + batchSize, count + 1); id++) batch.push(createCompound(id))
    yield batch
  }
}

/** All chunks joined: for small outputs only. */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = ''
  for await (const chunk of chunks) text += chunk
  return text
}

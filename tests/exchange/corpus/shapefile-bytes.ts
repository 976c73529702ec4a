// Shapefiles built byte by byte for tests (.shp, .shx, .dbf): points or polygons with ESRI ring order (exteriors
// clockwise), dBASE columns of text (UTF-8 or GBK), numbers and logicals. Small, deterministic, no GDAL needed.
import type { Geometry } from '@renewal-atlas/exchange'
import iconv from 'iconv-lite'

export interface DbfFieldSpec {
  name: string
  type: 'C' | 'N' | 'L'
  length: number
  decimals?: number
}

export type DbfValue = string | number | boolean | null

export interface ShapefileSpec {
  shapeType: 'Point' | 'Polygon'
  fields: readonly DbfFieldSpec[]
  records: readonly { geometry: Geometry | null; values: readonly DbfValue[] }[]
  /** Encoding of text cells and column names (default UTF-8). */
  encoding?: 'utf-8' | 'gbk'
}

export interface ShapefileBytes {
  shp: Uint8Array
  shx: Uint8Array
  dbf: Uint8Array
}

const SHAPE_TYPE = { Point: 1, Polygon: 5 } as const

export function shapefileBytes(spec: ShapefileSpec): ShapefileBytes {
  const contents = spec.records.map((r) => shapeContent(r.geometry))
  const shpLength = 100 + contents.reduce((sum, c) => sum + 8 + c.length, 0)
  const shp = Buffer.alloc(shpLength)
  const shx = Buffer.alloc(100 + 8 * contents.length)
  const box = boundsOf(spec.records.map((r) => r.geometry))
  writeHeader(shp, shpLength, SHAPE_TYPE[spec.shapeType], box)
  writeHeader(shx, shx.length, SHAPE_TYPE[spec.shapeType], box)
  let at = 100
  for (const [i, content] of contents.entries()) {
    shx.writeInt32BE(at / 2, 100 + 8 * i)
    shx.writeInt32BE(content.length / 2, 104 + 8 * i)
    shp.writeInt32BE(i + 1, at)
    shp.writeInt32BE(content.length / 2, at + 4)
    content.copy(shp, at + 8)
    at += 8 + content.length
  }
  return { shp: new Uint8Array(shp), shx: new Uint8Array(shx), dbf: dbfBytes(spec) }
}

function writeHeader(buffer: Buffer, length: number, shapeType: number, box: number[]): void {
  buffer.writeInt32BE(9994, 0)
  buffer.writeInt32BE(length / 2, 24)
  buffer.writeInt32LE(1000, 28)
  buffer.writeInt32LE(shapeType, 32)
  for (const [k, v] of box.entries()) buffer.writeDoubleLE(v, 36 + 8 * k)
}

function shapeContent(geometry: Geometry | null): Buffer {
  if (!geometry) return Buffer.alloc(4)
  if (geometry.type === 'Point') {
    const content = Buffer.alloc(20)
    content.writeInt32LE(1, 0)
    content.writeDoubleLE(geometry.coordinates[0], 4)
    content.writeDoubleLE(geometry.coordinates[1], 12)
    return content
  }
  const polygons: number[][][][] =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : []
  const rings = polygons.flatMap((polygon) =>
    polygon.map((ring, i) => (signedArea(ring) > 0 === (i === 0) ? [...ring].reverse() : ring)),
  )
  const points = rings.reduce((sum, ring) => sum + ring.length, 0)
  const content = Buffer.alloc(44 + 4 * rings.length + 16 * points)
  content.writeInt32LE(5, 0)
  for (const [k, v] of boundsOf([geometry]).entries()) content.writeDoubleLE(v, 4 + 8 * k)
  content.writeInt32LE(rings.length, 36)
  content.writeInt32LE(points, 40)
  let start = 0
  let at = 44 + 4 * rings.length
  for (const [r, ring] of rings.entries()) {
    content.writeInt32LE(start, 44 + 4 * r)
    start += ring.length
    for (const [x, y] of ring as [number, number][]) {
      content.writeDoubleLE(x, at)
      content.writeDoubleLE(y, at + 8)
      at += 16
    }
  }
  return content
}

/** Twice the signed area: positive for counter-clockwise rings. */
function signedArea(ring: number[][]): number {
  let sum = 0
  for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) {
    sum +=
      (ring[j]?.[0] as number) * (ring[k]?.[1] as number) -
      (ring[k]?.[0] as number) * (ring[j]?.[1] as number)
  }
  return sum
}

function boundsOf(geometries: readonly (Geometry | null)[]): number[] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return
    if (typeof value[0] !== 'number') {
      for (const child of value) visit(child)
      return
    }
    const [x, y] = value as [number, number]
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x)
    maxY = Math.max(maxY, y)
  }
  for (const geometry of geometries) if (geometry) visit(geometry.coordinates)
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : [0, 0, 0, 0]
}

export function dbfBytes(spec: Pick<ShapefileSpec, 'fields' | 'records' | 'encoding'>): Uint8Array {
  const encode = (text: string) =>
    spec.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8')
  const headerLength = 32 + 32 * spec.fields.length + 1
  const recordLength = 1 + spec.fields.reduce((sum, f) => sum + f.length, 0)
  const dbf = Buffer.alloc(headerLength + recordLength * spec.records.length + 1, 0x20)
  dbf.fill(0, 0, headerLength)
  dbf.writeUInt8(0x03, 0)
  dbf.writeUInt8(126, 1)
  dbf.writeUInt8(1, 2)
  dbf.writeUInt8(1, 3)
  dbf.writeUInt32LE(spec.records.length, 4)
  dbf.writeUInt16LE(headerLength, 8)
  dbf.writeUInt16LE(recordLength, 10)
  for (const [i, field] of spec.fields.entries()) {
    const at = 32 + 32 * i
    encode(field.name).copy(dbf, at, 0, 10)
    dbf.write(field.type, at + 11, 'latin1')
    dbf.writeUInt8(field.length, at + 16)
    dbf.writeUInt8(field.decimals ?? 0, at + 17)
  }
  dbf.writeUInt8(0x0d, headerLength - 1)
  for (const [r, record] of spec.records.entries()) {
    let at = headerLength + r * recordLength + 1
    for (const [i, field] of spec.fields.entries()) {
      const value = record.values[i] ?? null
      const cell =
        value === null
          ? Buffer.alloc(0)
          : field.type === 'L'
            ? Buffer.from(value ? 'T' : 'F')
            : field.type === 'N'
              ? Buffer.from(
                  (field.decimals ? Number(value).toFixed(field.decimals) : String(value)).padStart(
                    field.length,
                  ),
                )
              : encode(String(value))
      cell.copy(dbf, at, 0, Math.min(cell.length, field.length))
      at += field.length
    }
  }
  dbf.writeUInt8(0x1a, dbf.length - 1)
  return new Uint8Array(dbf)
}

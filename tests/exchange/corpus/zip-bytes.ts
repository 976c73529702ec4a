// Zip files built byte by byte for tests: any entry name, including the `../` and absolute ones that zip writers
// refuse to write, and where a case needs it a declared size that lies about the content. Deterministic.
import { crc32, deflateRawSync } from 'node:zlib'

export interface ZipEntrySpec {
  name: string
  content: Uint8Array
  /** Store instead of deflate. */
  store?: boolean
  /** The uncompressed size written in the headers (default: the true size). */
  declaredSize?: number
}

/** 2026-01-01 00:00 in MS-DOS date and time. */
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1
const DOS_TIME = 0

export function zipBytes(entries: readonly ZipEntrySpec[]): Uint8Array {
  const chunks: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const data = entry.store ? Buffer.from(entry.content) : deflateRawSync(entry.content)
    const fields = {
      flags: /^[\x20-\x7e]*$/.test(entry.name) ? 0 : 0x800,
      method: entry.store ? 0 : 8,
      crc: crc32(entry.content),
      compressed: data.length,
      size: entry.declaredSize ?? entry.content.length,
    }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    writeCommon(local, 6, fields)
    local.writeUInt16LE(name.length, 26)
    chunks.push(local, name, data)
    const header = Buffer.alloc(46)
    header.writeUInt32LE(0x02014b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(20, 6)
    writeCommon(header, 8, fields)
    header.writeUInt16LE(name.length, 28)
    header.writeUInt32LE(offset, 42)
    central.push(header, name)
    offset += local.length + name.length + data.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...chunks, directory, end]))
}

/** Flags, method, time, date, CRC and sizes: the same run of fields in local and central headers. */
function writeCommon(
  buffer: Buffer,
  at: number,
  f: { flags: number; method: number; crc: number; compressed: number; size: number },
): void {
  buffer.writeUInt16LE(f.flags, at)
  buffer.writeUInt16LE(f.method, at + 2)
  buffer.writeUInt16LE(DOS_TIME, at + 4)
  buffer.writeUInt16LE(DOS_DATE, at + 6)
  buffer.writeUInt32LE(f.crc, at + 8)
  buffer.writeUInt32LE(f.compressed, at + 12)
  buffer.writeUInt32LE(f.size, at + 16)
}

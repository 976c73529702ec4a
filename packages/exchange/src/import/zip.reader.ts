// Zip uploads, read from memory with yauzl. Everything a zip bomb could abuse is checked on the central directory
// before a single entry is inflated: the entry count, each entry's path (no `..`, absolute or backslash paths), the
// declared sizes and their compression ratios. While an entry inflates its bytes are counted, and the stream is cut
// the moment it passes its declared size, so a lying directory costs at most one chunk. Node only.
import { IMPORT_LIMITS } from '@renewal-atlas/domain'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { FileRejected } from '../errors.ts'
import { decodeText, firstInvalidGbk, firstInvalidUtf8 } from './text.ts'
import { count, formatBytes } from './words.ts'

export interface ZipMember {
  /** The entry's path inside the zip, decoded (UTF-8 flag, Info-ZIP Unicode path, else UTF-8 or GBK). */
  name: string
  compressedSize: number
  uncompressedSize: number
  entry: Entry
}

export interface ZipArchive {
  members: ZipMember[]
  read(member: ZipMember): Promise<Uint8Array>
  close(): void
}

/** Entries smaller than this cannot be bombs whatever their ratio (their declared size is enforced). */
const RATIO_FREE_BYTES = 1024 * 1024

export async function openZip(bytes: Uint8Array): Promise<ZipArchive> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // Names stay raw so that unsafe ones are refused with our reason and GBK ones decode; sizes are counted by
  // inflate() below, which refuses with our reason where yauzl's own check would throw its message.
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false },
      (error, zipfile) => (error ? reject(zipInvalid(error)) : resolve(zipfile)),
    ),
  )
  try {
    if (zip.entryCount > IMPORT_LIMITS.maxZipEntries) {
      throw new FileRejected(
        'zip_too_many_entries',
        `The zip holds ${count(zip.entryCount)} entries (limit ${IMPORT_LIMITS.maxZipEntries})`,
        413,
      )
    }
    const members = (await readDirectory(zip)).map(checkEntry)
    const declared = members.reduce((sum, m) => sum + m.uncompressedSize, 0)
    if (declared > IMPORT_LIMITS.maxUnzippedBytes) {
      throw new FileRejected(
        'zip_bomb',
        `The zip declares ${formatBytes(declared)} uncompressed (limit ${formatBytes(IMPORT_LIMITS.maxUnzippedBytes)})`,
        413,
      )
    }
    return { members, read: (member) => inflate(zip, member), close: () => zip.close() }
  } catch (error) {
    zip.close()
    throw error
  }
}

function readDirectory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = []
    zip.on('entry', (entry: Entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve(entries))
    zip.on('error', (error: Error) => reject(zipInvalid(error)))
    zip.readEntry()
  })
}

function checkEntry(entry: Entry): ZipMember {
  const name = entryName(entry)
  const shown = printable(name)
  const unsafe = (why: string) => new FileRejected('zip_unsafe_path', `Zip entry ${shown} ${why}`)
  if (name.includes('\0')) throw unsafe('has a NUL character in its path')
  if (name.includes('\\')) throw unsafe('has a backslash in its path')
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw unsafe('has an absolute path')
  if (name.split('/').includes('..')) throw unsafe('has a path outside the archive')
  if (entry.isEncrypted()) throw new FileRejected('zip_invalid', `Zip entry ${shown} is encrypted`)
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new FileRejected(
      'zip_invalid',
      `Zip entry ${shown} uses compression method ${entry.compressionMethod}; only stored and deflated entries can be read`,
    )
  }
  const { compressedSize, uncompressedSize } = entry
  if (entry.compressionMethod === 0 && compressedSize !== uncompressedSize) {
    throw new FileRejected(
      'zip_invalid',
      `Zip entry ${shown} is stored uncompressed but declares ${count(compressedSize)} bytes stored and ${count(uncompressedSize)} bytes of content`,
    )
  }
  const ratio = uncompressedSize / Math.max(compressedSize, 1)
  if (uncompressedSize > RATIO_FREE_BYTES && ratio > IMPORT_LIMITS.maxCompressionRatio) {
    throw new FileRejected(
      'zip_bomb',
      `Zip entry ${shown} declares ${formatBytes(uncompressedSize)} uncompressed from ${formatBytes(compressedSize)} (ratio ${count(Math.round(ratio))}:1, limit ${IMPORT_LIMITS.maxCompressionRatio}:1)`,
      413,
    )
  }
  return { name, compressedSize, uncompressedSize, entry }
}

/** An entry name as shown in a reason: control characters escaped, everything else as written. */
const printable = (name: string) =>
  name.replace(/\p{Cc}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

const UNICODE_PATH_EXTRA_FIELD = 0x7075

function entryName(entry: Entry): string {
  const raw = new Uint8Array(entry.fileNameRaw)
  if (entry.generalPurposeBitFlag & 0x800) return decodeText(raw, 'utf-8')
  const unicodePath = entry.extraFields.find((field) => field.id === UNICODE_PATH_EXTRA_FIELD)
  if (unicodePath && unicodePath.data.length > 5 && unicodePath.data[0] === 1) {
    return decodeText(new Uint8Array(unicodePath.data.subarray(5)), 'utf-8')
  }
  // Zips made on Chinese Windows store GBK names without saying so.
  if (firstInvalidUtf8(raw) < 0) return decodeText(raw, 'utf-8')
  if (firstInvalidGbk(raw) < 0) return decodeText(raw, 'gbk')
  return new TextDecoder('latin1').decode(raw)
}

function inflate(zip: ZipFile, member: ZipMember): Promise<Uint8Array> {
  const shown = printable(member.name)
  return new Promise((resolve, reject) => {
    zip.openReadStream(member.entry, (error, stream) => {
      if (error) return reject(zipInvalid(error, shown))
      const chunks: Buffer[] = []
      let received = 0
      stream.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received > member.uncompressedSize) {
          stream.destroy()
          reject(
            new FileRejected(
              'zip_bomb',
              `Zip entry ${shown} inflates past the ${formatBytes(member.uncompressedSize)} it declares`,
              413,
            ),
          )
          return
        }
        chunks.push(chunk)
      })
      stream.on('error', (streamError: Error) => reject(zipInvalid(streamError, shown)))
      stream.on('end', () => {
        if (received < member.uncompressedSize) {
          reject(
            new FileRejected(
              'zip_invalid',
              `Zip entry ${shown} holds ${count(received)} bytes but declares ${count(member.uncompressedSize)}: the zip is damaged`,
            ),
          )
        } else resolve(Buffer.concat(chunks))
      })
    })
  })
}

function zipInvalid(error: Error, entry?: string): FileRejected {
  const where = entry ? `Zip entry ${entry} could not be read` : 'The zip could not be read'
  return new FileRejected('zip_invalid', `${where}: ${error.message}`)
}

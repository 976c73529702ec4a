// A zipped Shapefile: the one .shp in the zip and its .shx, .dbf, .prj and .cpg beside it (same name, any case),
// extracted with the zip checks of zip.reader.ts and read by shapefile.reader.ts. Archives inside the zip are
// refused rather than opened. Node only (yauzl).
import type { ImportEncoding } from '@renewal-atlas/domain'
import { FileRejected } from '../errors.ts'
import type { SourceDataset } from '../types.ts'
import { readShapefile } from './shapefile.reader.ts'
import { decodeText } from './text.ts'
import { formatBytes } from './words.ts'
import { openZip, type ZipArchive, type ZipMember } from './zip.reader.ts'

const NESTED_ARCHIVE = /\.(zip|kmz|7z|rar|tar|gz|tgz|bz2|xz)$/i
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
/** A .prj or .cpg is a line of text. */
const MAX_SIDECAR_BYTES = 64 * 1024

export async function readShapefileZip(bytes: Uint8Array, encoding: ImportEncoding): Promise<SourceDataset> {
  const zip = await openZip(bytes)
  try {
    const members = zip.members.filter(isContent)
    const nested = members.find((m) => NESTED_ARCHIVE.test(m.name))
    if (nested) throw nestedArchive(nested.name)
    if (members.some((m) => m.name === '[Content_Types].xml')) {
      throw new FileRejected(
        'unsupported_format',
        'The file is an Office document (xlsx/docx), not a zipped Shapefile: save the sheet as CSV and upload that',
        415,
      )
    }
    const shps = members.filter((m) => /\.shp$/i.test(m.name))
    if (shps.length === 0) {
      const listed =
        members
          .map((m) => m.name)
          .slice(0, 10)
          .join(', ') || 'none'
      throw new FileRejected('shapefile_incomplete', `The zip holds no .shp file (entries: ${listed})`)
    }
    if (shps.length > 1) {
      throw new FileRejected(
        'zip_invalid',
        `The zip holds ${shps.length} Shapefiles (${shps.map((m) => m.name).join(', ')}): upload one per zip`,
      )
    }
    const shpMember = shps[0] as ZipMember
    const baseName = shpMember.name.slice(0, -4)
    const sibling = (extension: string) =>
      members.find((m) => m.name.toLowerCase() === `${baseName}.${extension}`.toLowerCase()) ?? null
    const dbfMember = sibling('dbf')
    if (!dbfMember) {
      throw new FileRejected(
        'shapefile_incomplete',
        `${shpMember.name} has no ${baseName}.dbf beside it (its attribute table): zip the .shp, .shx, .dbf, .prj and .cpg together`,
      )
    }
    const shxMember = sibling('shx')
    const prjMember = sibling('prj')
    const cpgMember = sibling('cpg')
    return readShapefile(
      {
        baseName,
        shp: await extract(zip, shpMember),
        shx: shxMember ? await extract(zip, shxMember) : null,
        dbf: await extract(zip, dbfMember),
        prj: prjMember ? await extractText(zip, prjMember) : null,
        cpg: cpgMember ? await extractText(zip, cpgMember) : null,
      },
      encoding,
    )
  } finally {
    zip.close()
  }
}

/** Folders and the resource forks macOS adds (`__MACOSX/`, `._name`) are not content. */
function isContent(member: ZipMember): boolean {
  const base = member.name.split('/').at(-1) ?? ''
  return !member.name.endsWith('/') && !member.name.startsWith('__MACOSX/') && !base.startsWith('._')
}

function nestedArchive(name: string): FileRejected {
  return new FileRejected(
    'zip_nested',
    `Zip entry ${name} is itself an archive: unpack it and upload the Shapefile zipped once`,
  )
}

async function extract(zip: ZipArchive, member: ZipMember): Promise<Uint8Array> {
  const bytes = await zip.read(member)
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw nestedArchive(member.name)
  return bytes
}

async function extractText(zip: ZipArchive, member: ZipMember): Promise<string> {
  if (member.uncompressedSize > MAX_SIDECAR_BYTES) {
    throw new FileRejected(
      'shapefile_invalid',
      `${member.name} is ${formatBytes(member.uncompressedSize)}; a .prj or .cpg is one line of text`,
    )
  }
  return decodeText(await extract(zip, member), 'utf-8')
}

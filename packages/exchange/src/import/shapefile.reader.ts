// A Shapefile from its parts' bytes (.shp, .shx, .dbf, .prj, .cpg): the three record counts must agree before any
// feature is read, and the .cpg, when it names an encoding we know, says how the .dbf text is decoded.
import type { ImportEncoding } from '@renewal-atlas/domain'
import { FileRejected } from '../errors.ts'
import type { SourceDataset, SourceFeature } from '../types.ts'
import { checkFeatureCount, checkSomethingReadable } from './dataset.ts'
import { type DeclaredEncoding, readDbf } from './dbf.reader.ts'
import { checkShxOffsets, indexShp, readShape, readShx } from './shp.reader.ts'
import { count } from './words.ts'

export interface ShapefileParts {
  /** The .shp's name in the zip without its extension, e.g. `data/buildings`. */
  baseName: string
  shp: Uint8Array
  shx: Uint8Array | null
  dbf: Uint8Array
  prj: string | null
  cpg: string | null
}

export function readShapefile(parts: ShapefileParts, encoding: ImportEncoding): SourceDataset {
  const name = (extension: string) => `${parts.baseName}.${extension}`
  const dbf = readDbf(parts.dbf, name('dbf'), declaredEncoding(parts.cpg, encoding, name('cpg')))
  checkFeatureCount(dbf.recordCount, name('dbf'))
  const shp = indexShp(parts.shp, name('shp'))
  const shxOffsets = parts.shx ? readShx(parts.shx, name('shx')) : null
  const counts: [string, number | undefined][] = [
    [name('shx'), shxOffsets?.length],
    [name('shp'), shp.records.length],
  ]
  for (const [part, records] of counts) {
    if (records !== undefined && records !== dbf.recordCount) {
      throw new FileRejected(
        'shapefile_inconsistent',
        `${part} holds ${count(records)} records but ${name('dbf')} holds ${count(dbf.recordCount)}`,
      )
    }
  }
  if (shxOffsets) checkShxOffsets(shxOffsets, shp, name('shx'), name('shp'))
  const features = shp.records.map((_, i): SourceFeature => {
    const { geometry, issue } = readShape(shp, i, name('shp'))
    return { n: i + 1, geometry, properties: dbf.record(i), issues: issue ? [issue] : [] }
  })
  checkSomethingReadable(features, name('shp'))
  return {
    format: 'shapefile',
    columns: dbf.fields.map((f) => f.name),
    features,
    prj: parts.prj,
    encoding: dbf.encoding,
    geometryColumns: { lon: null, lat: null, wkt: null },
  }
}

/** A .cpg naming UTF-8 or GBK wins over the import options; other code pages (e.g. 1252) are not ours to read. */
function declaredEncoding(cpg: string | null, options: ImportEncoding, cpgName: string): DeclaredEncoding {
  const page = (cpg ?? '')
    .trim()
    .toLowerCase()
    .replace(/^ansi\s+/, '')
  if (/^(utf-?8|65001)$/.test(page)) return { encoding: 'utf-8', by: `is declared by ${cpgName} as` }
  if (/^(gbk|cp936|936|gb2312|gb18030|54936)$/.test(page))
    return { encoding: 'gbk', by: `is declared by ${cpgName} as` }
  return { encoding: options, by: 'was declared' }
}

// Zipped-Shapefile export, the file half: a layer streamed batch by batch into <base>.shp/.shx/.dbf through file
// handles, with placeholder headers that are patched once the record count, file lengths and bounding box are
// known, plus the .prj (ESRI WKT) and a .cpg declaring UTF-8 so Chinese attributes survive in GDAL, QGIS and ArcGIS.
import { type FileHandle, open, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { CRS_INFO, EXCHANGE_LAYERS, type ExportCrs, type ExportLayer } from '@renewal-atlas/domain'
import type { ExportFeature } from '../types.ts'
import { DBF_END, dbfColumns, dbfHeader, dbfRecord } from './dbf.ts'
import { esriPrj } from './prj.ts'
import {
  type Bounds,
  indexEntry,
  MAIN_HEADER_BYTES,
  mainHeader,
  RECORD_HEADER_BYTES,
  recordHeader,
  shapeContent,
  shapeTypeOf,
  unionBounds,
} from './shp.ts'

export interface ShapefileOptions {
  dir: string
  /** File name without extension, e.g. `compounds_EPSG4544`. */
  baseName: string
  crs: ExportCrs
}

export interface ShapefileResult {
  /** Paths of the files written: .shp, .shx, .dbf, .prj (unless GCJ-02), .cpg. */
  files: string[]
  features: number
}

const words = (bytes: number) => bytes / 2

/** Write the layer's features as a Shapefile in `dir`, holding one batch at a time. */
export async function writeShapefile(
  layer: ExportLayer,
  batches: AsyncIterable<ExportFeature[]>,
  options: ShapefileOptions,
): Promise<ShapefileResult> {
  const spec = EXCHANGE_LAYERS[layer]
  const shapeType = shapeTypeOf(spec.geometry)
  const columns = dbfColumns(spec.fields)
  const decimals = CRS_INFO[options.crs].decimals
  const file = (extension: string) => path.join(options.dir, `${options.baseName}.${extension}`)
  const files = { shp: file('shp'), shx: file('shx'), dbf: file('dbf') }
  const updated = new Date()

  const handles: FileHandle[] = []
  const openFile = async (name: string) => {
    const handle = await open(name, 'w')
    handles.push(handle)
    return handle
  }
  let count = 0
  try {
    const shp = await openFile(files.shp)
    const shx = await openFile(files.shx)
    const dbf = await openFile(files.dbf)
    await shp.write(Buffer.alloc(MAIN_HEADER_BYTES))
    await shx.write(Buffer.alloc(MAIN_HEADER_BYTES))
    await dbf.write(dbfHeader(columns, 0, updated))

    let shpWords = words(MAIN_HEADER_BYTES)
    let bounds: Bounds | null = null
    for await (const batch of batches) {
      const shpChunks: Buffer[] = []
      const shxChunks: Buffer[] = []
      const dbfChunks: Buffer[] = []
      for (const feature of batch) {
        count++
        const shape = shapeContent(feature.geometry, shapeType, decimals)
        shpChunks.push(recordHeader(count, shape.content.length), shape.content)
        shxChunks.push(indexEntry(shpWords, shape.content.length))
        shpWords += words(RECORD_HEADER_BYTES + shape.content.length)
        bounds = unionBounds(bounds, shape.bounds)
        dbfChunks.push(dbfRecord(columns, feature))
      }
      await Promise.all([
        shp.write(Buffer.concat(shpChunks)),
        shx.write(Buffer.concat(shxChunks)),
        dbf.write(Buffer.concat(dbfChunks)),
      ])
    }

    await dbf.write(DBF_END)
    await patch(shp, mainHeader(shapeType, shpWords, bounds))
    await patch(shx, mainHeader(shapeType, words(MAIN_HEADER_BYTES) + 4 * count, bounds))
    await patch(dbf, dbfHeader(columns, count, updated))
  } finally {
    await Promise.all(handles.map((handle) => handle.close()))
  }

  const written = [files.shp, files.shx, files.dbf]
  const prj = esriPrj(options.crs)
  if (prj) {
    written.push(file('prj'))
    await writeFile(file('prj'), prj)
  }
  written.push(file('cpg'))
  await writeFile(file('cpg'), 'UTF-8')
  return { files: written, features: count }
}

/** Overwrite the start of the file with its final header. */
async function patch(handle: FileHandle, header: Buffer) {
  await handle.write(header, 0, header.length, 0)
}

// The export writers: every format a layer can be written as, the bundle's README and metadata, and file names.
export { type CsvOptions, csvChunks } from './csv.ts'
export { type DxfOptions, dxfChunks } from './dxf.ts'
export { exportFileName } from './file-name.ts'
export { featureJson, geojsonChunks, geojsonSeqChunks } from './geojson.ts'
export {
  COLLECTION_LINE_PREFIX,
  geojsonFromLines,
  geojsonSeqFromLines,
  SEQUENCE_LINE_PREFIX,
} from './geojson-lines.ts'
export { type ExportDescription, exportMetadata } from './metadata.ts'
export { esriPrj } from './prj.ts'
export { bundleReadme } from './readme.ts'
export { type ShapefileOptions, type ShapefileResult, writeShapefile } from './shapefile.ts'
export { type ZipEntry, zipStream } from './zip.ts'

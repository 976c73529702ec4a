// Stable serialisation of the data set: one feature (or project) per line, keys in construction order,
// trailing newline. Byte-identical on every run.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { datasetFiles } from '@renewal-atlas/domain'
import type { Dataset } from './dataset.ts'

export function featureCollectionText(features: readonly unknown[]): string {
  if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n'
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`
}

export function arrayText(items: readonly unknown[]): string {
  if (items.length === 0) return '[]\n'
  return `[\n${items.map((f) => JSON.stringify(f)).join(',\n')}\n]\n`
}

/** File name → file text, in datasetFiles order. */
export function datasetTexts(d: Dataset): [string, string][] {
  return [
    [datasetFiles.district.file, featureCollectionText(d.district)],
    [datasetFiles.streets.file, featureCollectionText(d.streets)],
    [datasetFiles.communities.file, featureCollectionText(d.communities)],
    [datasetFiles.compounds.file, featureCollectionText(d.compounds)],
    [datasetFiles.buildings.file, featureCollectionText(d.buildings)],
    [datasetFiles.roads.file, featureCollectionText(d.roads)],
    [datasetFiles.facilities.file, featureCollectionText(d.facilities)],
    [datasetFiles.projects.file, arrayText(d.projects)],
    [datasetFiles.findings.file, featureCollectionText(d.findings)],
    [datasetFiles.suggestions.file, featureCollectionText(d.suggestions)],
    [datasetFiles.targets.file, arrayText(d.targets)],
  ]
}

export function writeDataset(d: Dataset, outDir: string): { file: string; bytes: number }[] {
  mkdirSync(outDir, { recursive: true })
  return datasetTexts(d).map(([file, text]) => {
    writeFileSync(path.join(outDir, file), text)
    return { file, bytes: Buffer.byteLength(text) }
  })
}

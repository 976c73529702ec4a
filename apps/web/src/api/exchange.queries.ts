// Imports in the query cache: the record of imports, and the writes of the wizard. An upload records an import; a
// commit or a rollback changes the target's layer on the map (and so its tiles and every query that reads it).
import type { ImportOptions, ImportRecord, ImportTarget, TileLayerName } from '@renewal-atlas/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { dataChanged } from './data-changed.ts'
import { commitImport, fetchImports, rollbackImport, uploadImport } from './exchange.api.ts'

export const importsQuery = (page: { limit: number; offset: number }) =>
  queryOptions({
    queryKey: ['imports', page],
    queryFn: ({ signal }) => fetchImports(page, { signal }),
  })

/** The map layers an import into each target writes. */
export const importTargetLayers: Record<ImportTarget, readonly TileLayerName[]> = {
  compounds: ['compounds', 'compound-labels'],
  buildings: ['buildings'],
  facilities: ['facilities'],
}

function layersOf(record: ImportRecord): readonly TileLayerName[] {
  return record.target ? importTargetLayers[record.target] : []
}

export function useUploadImport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { file: File; idempotencyKey: string }) =>
      uploadImport(input.file, input.idempotencyKey),
    onSuccess: () => void dataChanged(client, { layers: [], also: [['imports']] }),
  })
}

export function useCommitImport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { id: number; options: ImportOptions; idempotencyKey: string }) =>
      commitImport(input.id, input.options, input.idempotencyKey),
    onSuccess: (record) => void dataChanged(client, { layers: layersOf(record), also: [['imports']] }),
  })
}

export function useRollbackImport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => rollbackImport(id),
    onSuccess: (record) => void dataChanged(client, { layers: layersOf(record), also: [['imports']] }),
  })
}

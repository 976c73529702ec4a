// Writes of imported records and their removal on rollback. Records go in a batch per statement (arrays unnested,
// never SQL built from values), marked synthetic = false: they are the office's survey data, not the demo's. A
// rollback first lists what would lose work (records edited since, records that others now point at), then
// deletes exactly the import's rows.
import type { ImportTarget } from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import type { ChangedRecord } from './import.errors.ts'
import { arrayBindings } from './import-check.repository.ts'

type Value = string | number | boolean | null

/** One valid feature on its way in: mapped values, its parent's id and its WGS84 GeoJSON text. */
export interface RecordInput {
  values: Record<string, Value>
  parentId: number | null
  geojson: string
}

const BATCH_RECORDS = 500
const BATCH_CHARACTERS = 8_000_000

/** A column of the insert: where its value comes from and the array type it is bound as. */
interface Column {
  name: string
  type: 'text' | 'int' | 'float8' | 'bool'
  value: (input: RecordInput) => Value
  /** SQL default when the value is null (the column is not null with a default). */
  fallback?: string
}

const field =
  (name: string) =>
  (input: RecordInput): Value =>
    input.values[name] ?? null

const COLUMNS: Record<ImportTarget, Column[]> = {
  compounds: [
    { name: 'code', type: 'text', value: field('code') },
    { name: 'name', type: 'text', value: field('name') },
    { name: 'address', type: 'text', value: field('address') },
    { name: 'community_id', type: 'int', value: (input) => input.parentId },
    { name: 'built_year', type: 'int', value: field('builtYear') },
    { name: 'building_count', type: 'int', value: field('buildingCount'), fallback: '0' },
    { name: 'households', type: 'int', value: field('households'), fallback: '0' },
    { name: 'residents', type: 'int', value: field('residents'), fallback: '0' },
    { name: 'floor_area_m2', type: 'float8', value: field('floorAreaM2') },
    { name: 'management_type', type: 'text', value: field('managementType') },
    { name: 'on_old_register', type: 'bool', value: field('onOldRegister'), fallback: 'false' },
    { name: 'renovation_status', type: 'text', value: field('renovationStatus'), fallback: "'not_planned'" },
    { name: 'renovation_year', type: 'int', value: field('renovationYear') },
  ],
  buildings: [
    { name: 'code', type: 'text', value: field('code') },
    { name: 'compound_id', type: 'int', value: (input) => input.parentId },
    { name: 'name', type: 'text', value: field('name') },
    { name: 'storeys', type: 'int', value: field('storeys') },
    { name: 'households', type: 'int', value: field('households'), fallback: '0' },
    { name: 'built_year', type: 'int', value: field('builtYear') },
    { name: 'has_lift', type: 'bool', value: field('hasLift'), fallback: 'false' },
    { name: 'structure', type: 'text', value: field('structure') },
  ],
  facilities: [
    { name: 'code', type: 'text', value: field('code') },
    { name: 'name', type: 'text', value: field('name') },
    { name: 'facility_type', type: 'text', value: field('facilityType') },
    { name: 'capacity', type: 'int', value: field('capacity') },
    { name: 'floor_area_m2', type: 'float8', value: field('floorAreaM2') },
  ],
}

/** Table written per target: compounds go into compound_records, the table behind the `compounds` view. */
const TABLE: Record<ImportTarget, string> = {
  compounds: 'compound_records',
  buildings: 'buildings',
  facilities: 'facilities',
}

/** Polygons are stored 2D with the exterior ring counter-clockwise (RFC 7946), points 2D. */
const GEOMETRY: Record<ImportTarget, string> = {
  compounds: 'ST_ForcePolygonCCW(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(t.geojson), 4326)))',
  buildings: 'ST_ForcePolygonCCW(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(t.geojson), 4326)))',
  facilities: 'ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(t.geojson), 4326))',
}

/** `insert … select … from unnest($1::text[], …)`: made once per target from the constants above. */
function insertSql(target: ImportTarget): string {
  const columns = COLUMNS[target]
  const names = columns.map((c) => c.name)
  const selected = columns.map((c) => (c.fallback ? `coalesce(t.${c.name}, ${c.fallback})` : `t.${c.name}`))
  const arrays = [...columns.map((c) => `?::${c.type}[]`), '?::text[]']
  return (
    `insert into ${TABLE[target]} (${[...names, 'synthetic', 'geom'].join(', ')})\n` +
    `select ${[...selected, 'false', GEOMETRY[target]].join(', ')}\n` +
    `from unnest(${arrays.join(', ')}) with ordinality as t(${[...names, 'geojson', 'ord'].join(', ')})\n` +
    'order by t.ord\nreturning id'
  )
}

const INSERT_SQL: Record<ImportTarget, string> = {
  compounds: insertSql('compounds'),
  buildings: insertSql('buildings'),
  facilities: insertSql('facilities'),
}

export class ImportRecordRepository {
  constructor(private readonly knex: Knex) {}

  /** Insert the records; their new ids. Run it in the commit's transaction. */
  async insert(target: ImportTarget, inputs: RecordInput[]): Promise<number[]> {
    const ids: number[] = []
    for (const batch of batches(inputs)) {
      const bindings = [
        ...COLUMNS[target].map((column) => batch.map(column.value)),
        batch.map((input) => input.geojson),
      ]
      const result = await this.knex.raw<{ rows: { id: number }[] }>(
        INSERT_SQL[target],
        arrayBindings(bindings),
      )
      ids.push(...result.rows.map((row) => Number(row.id)))
    }
    return ids
  }

  /**
   * Records of the import that a rollback would lose work on: edited since (version > 1, which a soft delete of a
   * compound is too), or now referenced by records that are not the import's own (buildings under an imported
   * compound, health-check findings, residents' suggestions, renovation projects).
   */
  async changedSince(importId: number, target: ImportTarget): Promise<ChangedRecord[]> {
    const table = TABLE[target]
    const mine = this.knex('import_rows').where({ import_id: importId, table_name: table }).select('row_id')
    const edited = await this.knex(`${table} as r`)
      .whereIn('r.id', mine.clone())
      .where('r.version', '>', 1)
      .orderBy('r.id')
      .select('r.id', 'r.code', 'r.version')
    const changed: ChangedRecord[] = edited.map((row: { id: number; code: string; version: number }) => ({
      table: target,
      id: Number(row.id),
      code: row.code,
      reason: 'edited',
      detail: `edited since (now version ${row.version})`,
    }))
    for (const reference of REFERENCES[target]) {
      const rows = await this.knex(`${table} as r`)
        .join(`${reference.table} as x`, `x.${reference.column}`, 'r.id')
        .whereIn('r.id', mine.clone())
        .modify((q) => {
          if (reference.table === 'buildings') {
            q.whereNotIn(
              'x.id',
              this.knex('import_rows')
                .where({ import_id: importId, table_name: 'buildings' })
                .select('row_id'),
            )
          }
        })
        .groupBy('r.id', 'r.code')
        .orderBy('r.id')
        .select(
          'r.id',
          'r.code',
          this.knex.raw('count(*)::int as n'),
          this.knex.raw('min(??) as first', [`x.${reference.key}`]),
        )
      for (const row of rows as { id: number; code: string; n: number; first: number }[]) {
        changed.push({
          table: target,
          id: Number(row.id),
          code: row.code,
          reason: 'referenced',
          detail: `${row.n} ${reference.label}${row.n === 1 ? '' : 's'} (not from this import) refer to it, e.g. ${reference.key} ${row.first}`,
        })
      }
    }
    return changed
  }

  /** Delete the import's records of `target` (hard: nothing else had them); how many went. */
  async deleteImported(importId: number, target: ImportTarget): Promise<number> {
    const table = TABLE[target]
    return this.knex(table)
      .whereIn(
        'id',
        this.knex('import_rows').where({ import_id: importId, table_name: table }).select('row_id'),
      )
      .delete()
  }
}

/** Tables whose rows point at records of each target; a rollback would delete (cascade) or orphan them. */
const REFERENCES: Record<ImportTarget, Reference[]> = {
  compounds: [
    { table: 'buildings', column: 'compound_id', key: 'id', label: 'building' },
    { table: 'health_findings', column: 'compound_id', key: 'id', label: 'health-check finding' },
    { table: 'suggestions', column: 'compound_id', key: 'id', label: 'suggestion' },
    {
      table: 'renovation_project_compounds',
      column: 'compound_id',
      key: 'project_id',
      label: 'renovation project',
    },
  ],
  buildings: [{ table: 'health_findings', column: 'building_id', key: 'id', label: 'health-check finding' }],
  facilities: [],
}

/** A table that refers to records: its column holding the record's id, and the key that names its own rows. */
interface Reference {
  table: string
  column: string
  key: string
  label: string
}

function* batches(inputs: RecordInput[]): Generator<RecordInput[]> {
  let batch: RecordInput[] = []
  let characters = 0
  for (const input of inputs) {
    if (
      batch.length &&
      (batch.length >= BATCH_RECORDS || characters + input.geojson.length > BATCH_CHARACTERS)
    ) {
      yield batch
      batch = []
      characters = 0
    }
    batch.push(input)
    characters += input.geojson.length
  }
  if (batch.length) yield batch
}

// Loads a district data set (data/<district>/, the shape in packages/domain dataset.schema.ts) in one transaction.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { datasetFiles } from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import type { z } from 'zod'

const BATCH = 400

type Files = typeof datasetFiles
type Dataset = { [K in keyof Files]: z.infer<Files[K]['schema']> }

export type LoadCounts = Record<keyof Files, number>

/** Read and validate every file of a data set folder; a file that does not match its schema stops the load. */
export async function readDataset(dir: string): Promise<Dataset> {
  const entries = await Promise.all(
    (Object.keys(datasetFiles) as (keyof Files)[]).map(async (key) => {
      const { file, schema } = datasetFiles[key]
      const text = await readFile(path.join(dir, file), 'utf8')
      const parsed = schema.safeParse(JSON.parse(text))
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        throw new Error(`${file}: ${issue?.path.join('.')} ${issue?.message}`)
      }
      return [key, parsed.data] as const
    }),
  )
  return Object.fromEntries(entries) as Dataset
}

export async function isDatasetLoaded(knex: Knex, districtCode: string): Promise<boolean> {
  const row = await knex('districts').where({ code: districtCode }).first('id')
  return row !== undefined
}

/** Insert the whole data set; either everything is written or nothing is. */
export async function loadDataset(knex: Knex, dir: string): Promise<LoadCounts> {
  const data = await readDataset(dir)
  const counts = await knex.transaction((trx) => insertDataset(trx, data))
  await refreshPlannerStatistics(knex)
  return counts
}

/**
 * Load the data set unless its district is there already. Instances starting together on one server
 * queue on an advisory lock, so exactly one of them loads.
 */
export async function loadDatasetOnce(
  knex: Knex,
  dir: string,
  districtCode: string,
): Promise<LoadCounts | null> {
  if (await isDatasetLoaded(knex, districtCode)) return null
  const data = await readDataset(dir)
  const counts = await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`renewal-atlas:dataset:${districtCode}`])
    if (await isDatasetLoaded(trx, districtCode)) return null
    return insertDataset(trx, data)
  })
  if (counts) await refreshPlannerStatistics(knex)
  return counts
}

/**
 * ANALYZE after a bulk load: without statistics the planner guesses, and a page of an export over a freshly loaded
 * city (a join of 200,000 buildings) takes a hash join and a sort instead of a few index lookups (90 ms, not 4).
 */
async function refreshPlannerStatistics(knex: Knex): Promise<void> {
  await knex.raw('analyze')
}

async function insertDataset(trx: Knex.Transaction, data: Dataset): Promise<LoadCounts> {
  const geom = (g: unknown) => trx.raw('ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)', [JSON.stringify(g)])
  const multi = (g: unknown) =>
    trx.raw('ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))', [JSON.stringify(g)])

  const districtIds = await insertReturningIds(
    trx,
    'districts',
    data.district.features.map(({ properties: p, geometry }) => ({
      code: p.code,
      name: p.name,
      name_en: p.nameEn,
      official_area_km2: p.officialAreaKm2,
      resident_population: p.residentPopulation,
      service_population: p.servicePopulation,
      old_compound_cutoff_year: p.oldCompoundCutoffYear,
      synthetic: p.synthetic,
      source: p.source,
      geom: multi(geometry),
    })),
  )
  const districtId = [...districtIds.values()][0]
  if (districtId === undefined) throw new Error('district.geojson has no district')

  await insertBatches(
    trx,
    'renovation_targets',
    data.targets.map((t) => ({
      district_id: lookup(districtIds, t.districtCode, 'district'),
      target_year: t.year,
      old_compound_share: t.oldCompoundShare,
      name: t.name,
      name_en: t.nameEn,
      synthetic: t.synthetic,
    })),
  )

  const streetIds = await insertReturningIds(
    trx,
    'streets',
    data.streets.features.map(({ properties: p, geometry }) => ({
      code: p.code,
      name: p.name,
      district_id: lookup(districtIds, p.districtCode, 'district'),
      synthetic: p.synthetic,
      geom: multi(geometry),
    })),
  )

  const communityIds = await insertReturningIds(
    trx,
    'communities',
    data.communities.features.map(({ properties: p, geometry }) => ({
      code: p.code,
      name: p.name,
      official_name: p.officialName,
      street_id: lookup(streetIds, p.streetCode, 'street'),
      synthetic: p.synthetic,
      geom: multi(geometry),
    })),
  )

  const compoundIds = await insertReturningIds(
    trx,
    'compounds',
    data.compounds.features.map(({ properties: p, geometry }) => ({
      code: p.code,
      name: p.name,
      address: p.address,
      community_id: lookup(communityIds, p.communityCode, 'community'),
      built_year: p.builtYear,
      building_count: p.buildingCount,
      households: p.households,
      residents: p.residents,
      floor_area_m2: p.floorAreaM2,
      management_type: p.managementType,
      on_old_register: p.onOldRegister,
      renovation_status: p.renovationStatus,
      renovation_year: p.renovationYear,
      synthetic: p.synthetic,
      geom: geom(geometry),
    })),
  )

  const buildingIds = await insertReturningIds(
    trx,
    'buildings',
    data.buildings.features.map(({ properties: p, geometry }) => ({
      code: p.code,
      compound_id: lookup(compoundIds, p.compoundCode, 'compound'),
      name: p.name,
      storeys: p.storeys,
      households: p.households,
      built_year: p.builtYear,
      has_lift: p.hasLift,
      structure: p.structure,
      synthetic: p.synthetic,
      geom: geom(geometry),
    })),
  )

  await insertReturningIds(
    trx,
    'roads',
    data.roads.features.map(({ properties: p, geometry }) => ({
      code: p.code,
      name: p.name,
      road_class: p.roadClass,
      red_line_width_m: p.redLineWidthM,
      carriageway_width_m: p.carriagewayWidthM,
      synthetic: p.synthetic,
      geom: geom(geometry),
    })),
  )

  await insertReturningIds(
    trx,
    'facilities',
    data.facilities.features.map(({ properties: p, geometry }) => ({
      code: p.code,
      name: p.name,
      facility_type: p.facilityType,
      capacity: p.capacity,
      floor_area_m2: p.floorAreaM2,
      synthetic: p.synthetic,
      geom: geom(geometry),
    })),
  )

  const projectIds = await insertReturningIds(
    trx,
    'renovation_projects',
    data.projects.map((p) => ({
      code: p.code,
      name: p.name,
      status: p.status,
      start_date: p.startDate,
      completion_date: p.completionDate,
      budget_yuan: p.budgetYuan,
      synthetic: p.synthetic,
    })),
  )
  await insertBatches(
    trx,
    'renovation_project_compounds',
    data.projects.flatMap((p) =>
      p.compoundCodes.map((c) => ({
        project_id: lookup(projectIds, p.code, 'project'),
        compound_id: lookup(compoundIds, c, 'compound'),
      })),
    ),
  )
  await insertBatches(
    trx,
    'renovation_items',
    data.projects.flatMap((p) =>
      p.items.map((item) => ({
        project_id: lookup(projectIds, p.code, 'project'),
        category: item.category,
        item_type: item.itemType,
        description: item.description,
        quantity: item.quantity,
        unit: item.unit,
        cost_yuan: item.costYuan,
      })),
    ),
  )
  await insertBatches(
    trx,
    'project_funding',
    data.projects.flatMap((p) =>
      p.funding.map((f) => ({
        project_id: lookup(projectIds, p.code, 'project'),
        source: f.source,
        amount_yuan: f.amountYuan,
      })),
    ),
  )

  await insertReturningIds(
    trx,
    'health_findings',
    data.findings.features.map(({ properties: p, geometry }) => ({
      code: p.code,
      compound_id: lookup(compoundIds, p.compoundCode, 'compound'),
      building_id: p.buildingCode === null ? null : lookup(buildingIds, p.buildingCode, 'building'),
      indicator: p.indicator,
      severity: p.severity,
      found_date: p.foundDate,
      status: p.status,
      rectification: p.rectification,
      project_id: p.projectCode === null ? null : lookup(projectIds, p.projectCode, 'project'),
      description: p.description,
      synthetic: p.synthetic,
      geom: geom(geometry),
    })),
  )

  await insertReturningIds(
    trx,
    'suggestions',
    data.suggestions.features.map(({ properties: p, geometry }) => ({
      code: p.code,
      compound_id: lookup(compoundIds, p.compoundCode, 'compound'),
      channel: p.channel,
      text: p.text,
      category: p.category,
      status: p.status,
      project_id: p.projectCode === null ? null : lookup(projectIds, p.projectCode, 'project'),
      submitted_date: p.submittedDate,
      synthetic: p.synthetic,
      geom: geom(geometry),
    })),
  )

  return {
    district: data.district.features.length,
    streets: data.streets.features.length,
    communities: data.communities.features.length,
    compounds: data.compounds.features.length,
    buildings: data.buildings.features.length,
    roads: data.roads.features.length,
    facilities: data.facilities.features.length,
    projects: data.projects.length,
    findings: data.findings.features.length,
    suggestions: data.suggestions.features.length,
    targets: data.targets.length,
  }
}

function lookup(ids: Map<string, number>, code: string, what: string): number {
  const id = ids.get(code)
  if (id === undefined) throw new Error(`unknown ${what} code ${code}`)
  return id
}

async function insertBatches(
  trx: Knex.Transaction,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await trx(table).insert(rows.slice(i, i + BATCH))
}

/** Insert rows that have a `code` and return code → id, batch by batch in file order (so ids are stable). */
async function insertReturningIds(
  trx: Knex.Transaction,
  table: string,
  rows: ({ code: string } & Record<string, unknown>)[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (let i = 0; i < rows.length; i += BATCH) {
    const inserted: { id: number; code: string }[] = await trx(table)
      .insert(rows.slice(i, i + BATCH))
      .returning(['id', 'code'])
    for (const row of inserted) ids.set(row.code, row.id)
  }
  return ids
}

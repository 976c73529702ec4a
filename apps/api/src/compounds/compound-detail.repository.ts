// Reads what belongs to one compound: buildings, renovation projects (items, funding), findings, suggestions.
import {
  type BuildingResponseProperties,
  type FindingResponseProperties,
  fundingSource,
  type ProjectResponse,
  type SuggestionResponseProperties,
  type SuggestionStatus,
  suggestionStatus,
} from '@renewal-atlas/domain'
import type { Knex } from 'knex'
import { type Feature, geometrySelect, toFeature } from '../http/geojson.ts'

/** `date` columns as YYYY-MM-DD text in SQL, so neither driver turns them into a time-zoned Date. */
const isoDate = (knex: Knex, column: string, alias: string) =>
  knex.raw("to_char(??, 'YYYY-MM-DD') as ??", [column, alias])

/** `numeric` money as a JSON number (the drivers return numeric as text). */
const yuan = (knex: Knex, column: string, alias: string) => knex.raw('??::float8 as ??', [column, alias])

export type SuggestionFeature = Omit<Feature<SuggestionResponseProperties>, 'geometry'> & {
  geometry: { type: 'Point'; coordinates: [number, number] } | null
}

export class CompoundDetailRepository {
  constructor(private readonly knex: Knex) {}

  async compoundExists(id: number): Promise<boolean> {
    return (await this.knex('compounds').where({ id }).first('id')) !== undefined
  }

  async buildings(compoundId: number): Promise<Feature<BuildingResponseProperties>[]> {
    const rows = await this.knex('buildings as b')
      .where('b.compound_id', compoundId)
      .select(
        'b.id',
        'b.code',
        'b.name',
        'b.storeys',
        'b.households',
        'b.built_year as builtYear',
        'b.has_lift as hasLift',
        'b.structure',
        geometrySelect(this.knex, 'b.geom'),
      )
      .orderBy(['b.code', 'b.id'])
    return rows.map(({ geometry, ...p }) => toFeature(p as BuildingResponseProperties, geometry))
  }

  async projects(compoundId: number): Promise<ProjectResponse[]> {
    const k = this.knex
    const projects = await k('renovation_projects as p')
      .join('renovation_project_compounds as pc', 'pc.project_id', 'p.id')
      .where('pc.compound_id', compoundId)
      .select(
        'p.id',
        'p.code',
        'p.name',
        'p.status',
        isoDate(k, 'p.start_date', 'startDate'),
        isoDate(k, 'p.completion_date', 'completionDate'),
        yuan(k, 'p.budget_yuan', 'budgetYuan'),
      )
      .orderByRaw('p.start_date nulls last, p.id')
    if (projects.length === 0) return []
    const ids = projects.map((p) => p.id as number)
    const [funding, items] = await Promise.all([
      k('project_funding as f')
        .whereIn('f.project_id', ids)
        .select('f.project_id as projectId', 'f.source', yuan(k, 'f.amount_yuan', 'amountYuan')),
      k('renovation_items as i')
        .whereIn('i.project_id', ids)
        .select(
          'i.project_id as projectId',
          'i.category',
          'i.item_type as itemType',
          'i.description',
          'i.quantity',
          'i.unit',
          yuan(k, 'i.cost_yuan', 'costYuan'),
        )
        .orderBy('i.id'),
    ])
    const sourceOrder = (source: string) => fundingSource.values.indexOf(source as never)
    return projects.map((p) => ({
      ...p,
      funding: funding
        .filter((f) => f.projectId === p.id)
        .sort((a, b) => sourceOrder(a.source) - sourceOrder(b.source))
        .map(({ source, amountYuan }) => ({ source, amountYuan })),
      items: items.filter((i) => i.projectId === p.id).map(({ projectId: _, ...item }) => item),
    }))
  }

  async findings(compoundId: number): Promise<Feature<FindingResponseProperties>[]> {
    const k = this.knex
    const rows = await k('health_findings as f')
      .leftJoin('renovation_projects as p', 'p.id', 'f.project_id')
      .leftJoin('buildings as b', 'b.id', 'f.building_id')
      .where('f.compound_id', compoundId)
      .select(
        'f.id',
        'f.code',
        'f.indicator',
        'f.severity',
        isoDate(k, 'f.found_date', 'foundDate'),
        'f.status',
        'f.rectification',
        'p.code as projectCode',
        'f.description',
        'b.code as buildingCode',
        geometrySelect(k, 'f.geom'),
      )
      .orderBy([{ column: 'f.found_date', order: 'desc' }, 'f.id'])
    return rows.map(({ geometry, ...p }) => toFeature(p as FindingResponseProperties, geometry))
  }

  /** One page of suggestions, newest first, with the counts by status over all of them. */
  async suggestions(compoundId: number, page: { limit: number; offset: number }) {
    const k = this.knex
    const [counts, rows] = await Promise.all([
      k('suggestions')
        .where('compound_id', compoundId)
        .first(
          k.raw('count(*)::int as total'),
          ...suggestionStatus.values.map((status) =>
            k.raw('(count(*) filter (where status = ?))::int as ??', [status, status]),
          ),
        ),
      k('suggestions as s')
        .leftJoin('renovation_projects as p', 'p.id', 's.project_id')
        .where('s.compound_id', compoundId)
        .select(
          's.id',
          's.code',
          's.channel',
          's.text',
          's.category',
          's.status',
          'p.code as projectCode',
          isoDate(k, 's.submitted_date', 'submittedDate'),
          k.raw('ST_AsGeoJSON(s.geom, 7)::text as geometry'),
        )
        .orderByRaw('s.submitted_date desc nulls last, s.id')
        .limit(page.limit)
        .offset(page.offset),
    ])
    const features: SuggestionFeature[] = rows.map(({ geometry, ...p }) => ({
      type: 'Feature',
      id: p.id,
      geometry: geometry === null ? null : JSON.parse(geometry),
      properties: p as SuggestionResponseProperties,
    }))
    return {
      total: (counts?.total as number) ?? 0,
      byStatus: Object.fromEntries(
        suggestionStatus.values.map((status) => [status, (counts?.[status] as number) ?? 0]),
      ) as Record<SuggestionStatus, number>,
      features,
    }
  }
}

// Finds compounds whose name or address contains the search text, for the map's search box.
import type { CompoundSearchResult } from '@renewal-atlas/domain'
import type { Knex } from 'knex'

const LIKE_ESCAPE = '\\'

/** Makes `%`, `_` and the escape character itself match literally in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `${LIKE_ESCAPE}${ch}`)
}

interface SearchRow {
  id: number
  code: string
  name: string
  address: string | null
  streetName: string
  communityName: string
  centerLon: number
  centerLat: number
  minLon: number
  minLat: number
  maxLon: number
  maxLat: number
}

export class SearchRepository {
  constructor(private readonly knex: Knex) {}

  /** Names starting with the text come first, then by name (code-point order, the same on every backend). */
  async compounds(
    text: string,
    limit: number,
    streetIds: number[] | null = null,
  ): Promise<CompoundSearchResult[]> {
    const k = this.knex
    const contains = `%${escapeLike(text)}%`
    const startsWith = `${escapeLike(text)}%`
    const rounded = (expression: string, alias: string) =>
      k.raw(`round((${expression})::numeric, 7)::float8 as ??`, [alias])
    const rows: SearchRow[] = await k('compounds as c')
      .join('communities as cm', 'cm.id', 'c.community_id')
      .join('streets as s', 's.id', 'cm.street_id')
      .modify((q) => {
        if (streetIds) q.whereIn('s.id', streetIds)
      })
      .where((q) =>
        q
          .whereRaw('c.name ilike ? escape ?', [contains, LIKE_ESCAPE])
          .orWhereRaw('c.address ilike ? escape ?', [contains, LIKE_ESCAPE]),
      )
      .select(
        'c.id',
        'c.code',
        'c.name',
        'c.address',
        's.name as streetName',
        'cm.name as communityName',
        rounded('ST_X(ST_PointOnSurface(c.geom))', 'centerLon'),
        rounded('ST_Y(ST_PointOnSurface(c.geom))', 'centerLat'),
        rounded('ST_XMin(c.geom)', 'minLon'),
        rounded('ST_YMin(c.geom)', 'minLat'),
        rounded('ST_XMax(c.geom)', 'maxLon'),
        rounded('ST_YMax(c.geom)', 'maxLat'),
      )
      .orderByRaw('(c.name ilike ? escape ?) desc, c.name collate "C", c.id', [startsWith, LIKE_ESCAPE])
      .limit(limit)
    return rows.map(({ centerLon, centerLat, minLon, minLat, maxLon, maxLat, ...r }) => ({
      ...r,
      center: [centerLon, centerLat],
      bbox: [minLon, minLat, maxLon, maxLat],
    }))
  }
}

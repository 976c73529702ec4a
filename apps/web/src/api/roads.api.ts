// Road analysis results drawn on the map: dead ends (断头路).
import { deadEndCollection } from '@renewal-atlas/domain'
import { getJson, type RequestOptions } from './http-client.ts'

export function fetchDeadEnds(options: RequestOptions = {}) {
  return getJson('/roads/dead-ends', deadEndCollection, options)
}

import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { compoundWriteLayers } from './compounds.queries.ts'
import { dataChanged } from './data-changed.ts'
import { importTargetLayers } from './exchange.queries.ts'
import { layerListKey } from './layer-revision.ts'

/** A client holding the layer list and one query of each layer, as a page with a drawn map does. */
function createClientWithQueries() {
  const client = new QueryClient()
  const keys = [
    layerListKey,
    ['compounds', 'count', {}],
    ['compound-labels', 'x'],
    ['buildings', 'of-compound', 7],
    ['facilities', 'near', 7],
    ['roads', 'dead-ends'],
  ]
  for (const queryKey of keys) client.setQueryData(queryKey, 1)
  const stale = () =>
    keys.filter((queryKey) => client.getQueryState(queryKey)?.isInvalidated).map((k) => k[0])
  return { client, stale }
}

describe('the data-changed signal', () => {
  it('when a compound is edited, then the layer list (its tile revisions) and what reads compounds, their labels and buildings are stale', async () => {
    const { client, stale } = createClientWithQueries()
    await dataChanged(client, { layers: compoundWriteLayers })
    expect(stale()).toEqual(['layers', 'compounds', 'compound-labels', 'buildings'])
  })

  it('when facilities are imported, then the layer list and only what reads facilities are stale', async () => {
    const { client, stale } = createClientWithQueries()
    await dataChanged(client, { layers: importTargetLayers.facilities })
    expect(stale()).toEqual(['layers', 'facilities'])
  })

  it('when compounds change, then the queries that read them and the statistics are stale, and the users are not', async () => {
    const client = new QueryClient()
    const keys = [
      ['compounds', 'count', {}],
      ['compounds', 'record', 42],
      ['stats', 'summary', {}],
      ['audit', {}, { limit: 50, offset: 0 }],
      ['users', 'page', { limit: 50, offset: 0 }],
      ['facilities', 'anything'],
    ]
    for (const queryKey of keys) client.setQueryData(queryKey, 1)
    await dataChanged(client, { layers: ['compounds'] })
    const stale = keys.filter((queryKey) => client.getQueryState(queryKey)?.isInvalidated)
    expect(stale).toEqual(keys.slice(0, 4))
  })

  it('when a user is changed, then the users and the audit log are stale, and no layer is', async () => {
    const { client, stale } = createClientWithQueries()
    client.setQueryData(['users', 'page', { limit: 50, offset: 0 }], 1)
    await dataChanged(client, { layers: [], also: [['users']] })
    expect(client.getQueryState(['users', 'page', { limit: 50, offset: 0 }])?.isInvalidated).toBe(true)
    expect(stale()).toEqual([])
  })
})

import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { compoundWriteLayers } from './compounds.queries.ts'
import { dataChanged } from './data-changed.ts'
import { importTargetLayers } from './exchange.queries.ts'
import { layerRevisionQuery } from './layer-revision.ts'

/** A client with every layer's revision in use, as a drawn map holds them. */
function createClientWithMap() {
  const client = new QueryClient()
  const layers = ['compounds', 'compound-labels', 'buildings', 'facilities', 'roads'] as const
  for (const layer of layers) new QueryObserver(client, layerRevisionQuery(layer)).subscribe(() => {})
  const revisions = () =>
    Object.fromEntries(
      layers.map((layer) => [layer, client.getQueryData(layerRevisionQuery(layer).queryKey)]),
    )
  return { client, revisions }
}

describe('the data-changed signal', () => {
  it('when a compound is edited, then the compounds, their labels and the buildings get new tiles, and only they', async () => {
    const { client, revisions } = createClientWithMap()
    const before = revisions()
    await dataChanged(client, { layers: compoundWriteLayers })
    const after = revisions()
    for (const layer of ['compounds', 'compound-labels', 'buildings'])
      expect(after[layer]).not.toBe(before[layer])
    expect(after.facilities).toBe(before.facilities)
    expect(after.roads).toBe(before.roads)
  })

  it('when facilities are imported, then only the facilities get new tiles', async () => {
    const { client, revisions } = createClientWithMap()
    const before = revisions()
    await dataChanged(client, { layers: importTargetLayers.facilities })
    const after = revisions()
    expect(after.facilities).not.toBe(before.facilities)
    expect({ ...after, facilities: 0 }).toEqual({ ...before, facilities: 0 })
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
    const { client, revisions } = createClientWithMap()
    const before = revisions()
    client.setQueryData(['users', 'page', { limit: 50, offset: 0 }], 1)
    await dataChanged(client, { layers: [], also: [['users']] })
    expect(client.getQueryState(['users', 'page', { limit: 50, offset: 0 }])?.isInvalidated).toBe(true)
    expect(revisions()).toEqual(before)
  })
})

// Dead ends served by the API are exactly those the road graph finds in the demo roads inside the district outline.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { buildRoadGraph, findDeadEnds } from '@renewal-atlas/analysis'
import { DEFAULT_DATASET_DIR } from '@renewal-atlas/db'
import { deadEndCollection } from '@renewal-atlas/domain'
import type { FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataChangesFor } from '../../apps/api/src/changes/data-changed.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { backends } from '../support/backends.ts'

async function readGeoJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(DEFAULT_DATASET_DIR, file), 'utf8'))
}

/** The dead ends of the data set's own files, as `nodeKey roadCode` pairs. */
async function expectedDeadEnds(): Promise<string[]> {
  const roads = await readGeoJson<FeatureCollection<LineString, { code: string }>>('roads.geojson')
  const district = await readGeoJson<FeatureCollection<Polygon | MultiPolygon>>('district.geojson')
  const boundary = district.features[0]?.geometry
  const deadEnds = findDeadEnds(buildRoadGraph(roads), boundary ? { boundary } : {})
  return deadEnds
    .map((d) => `${d.properties.nodeKey} ${roads.features[d.properties.roadIndex]?.properties.code}`)
    .sort()
}

describe.each(backends)('road dead ends on the %s backend', (backend) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(backend)
  })
  afterAll(async () => {
    await app?.close()
  })

  async function deadEnds() {
    const res = await app.get('/api/v1/roads/dead-ends')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/)
    return deadEndCollection.parse(await res.json())
  }

  it('finds the same dead ends as the road graph of data/jinjiang/roads.geojson, more than 20 of them', async () => {
    const expected = await expectedDeadEnds()
    expect(expected.length).toBeGreaterThan(20)
    const body = await deadEnds()
    expect(body.features.map((f) => `${f.properties.nodeKey} ${f.properties.roadCode}`).sort()).toEqual(
      expected,
    )
  })

  it('places each dead end at its node and names the road and its class', async () => {
    const body = await deadEnds()
    for (const { geometry, properties } of body.features) {
      expect(geometry.coordinates.join(',')).toBe(properties.nodeKey)
      expect(properties.roadCode).toMatch(/^R\d+$/)
      expect(['arterial', 'secondary', 'branch', 'lane']).toContain(properties.roadClass)
    }
  })

  it('answers the same dead ends again from the cache', async () => {
    expect(await deadEnds()).toEqual(await deadEnds())
  })

  it('is described in the OpenAPI document', async () => {
    const doc = await (await app.get('/api/v1/openapi.json')).json()
    expect(
      doc.paths['/api/v1/roads/dead-ends'].get.responses['200'].content['application/geo+json'],
    ).toBeDefined()
  })

  const codes = async () => {
    const res = await app.get('/api/v1/roads/dead-ends')
    return deadEndCollection.parse(await res.json()).features.map((f) => f.properties.roadCode)
  }

  it('keeps its answer until a change of roads is announced, then finds the dead ends of the new network', async () => {
    const before = await codes()
    const road = before[0] as string
    const knex = app.server.db.knex
    // A road removed behind the API's back: the cache does not know yet.
    const row = await knex('roads').where({ code: road }).first()
    await knex('roads').where({ code: road }).delete()
    try {
      expect(await codes()).toEqual(before)
      // Another layer's change leaves it alone; a change of roads (a widening, a connection) renews it.
      dataChangesFor(app.server.db).emit([{ topic: 'facilities' }])
      expect(await codes()).toEqual(before)
      dataChangesFor(app.server.db).emit([{ topic: 'roads' }])
      expect(await codes()).not.toContain(road)
    } finally {
      await knex('roads').insert(row)
      dataChangesFor(app.server.db).emit([{ topic: 'roads' }])
    }
    expect(await codes()).toEqual(before)
  })
})

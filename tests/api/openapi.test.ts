// The OpenAPI description is generated from the zod schemas and its docs page is served by the API itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'

describe('OpenAPI description', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp('embedded', { loadDemo: false })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('describes every read route with its parameters and problem responses', async () => {
    const doc = await (await app.get('/api/v1/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/audit',
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/auth/password',
      '/api/v1/auth/session',
      '/api/v1/communities',
      '/api/v1/compounds',
      '/api/v1/compounds/{id}',
      '/api/v1/compounds/{id}/buildings',
      '/api/v1/compounds/{id}/findings',
      '/api/v1/compounds/{id}/history',
      '/api/v1/compounds/{id}/history/{entryId}/restore',
      '/api/v1/compounds/{id}/projects',
      '/api/v1/compounds/{id}/suggestions',
      '/api/v1/compounds/{id}/undelete',
      '/api/v1/deleted-compounds',
      '/api/v1/district',
      '/api/v1/exports/bundle',
      '/api/v1/exports/{layer}',
      '/api/v1/exports/{layer}/metadata',
      '/api/v1/health',
      '/api/v1/imports',
      '/api/v1/imports/{id}',
      '/api/v1/imports/{id}/commit',
      '/api/v1/imports/{id}/rollback',
      '/api/v1/imports/{id}/validate',
      '/api/v1/layers',
      '/api/v1/roads/dead-ends',
      '/api/v1/search/compounds',
      '/api/v1/stats/build-era',
      '/api/v1/stats/coverage',
      '/api/v1/stats/funding',
      '/api/v1/stats/progress',
      '/api/v1/stats/renovation-content',
      '/api/v1/stats/report.pdf',
      '/api/v1/stats/review-list',
      '/api/v1/stats/settings',
      '/api/v1/stats/summary',
      '/api/v1/streets',
      '/api/v1/tiles/{layer}.json',
      '/api/v1/tiles/{layer}/{z}/{x}/{y}.mvt',
      '/api/v1/tokens',
      '/api/v1/tokens/{id}',
      '/api/v1/users',
      '/api/v1/users/{id}',
      '/api/v1/users/{id}/password',
    ])
    const params = doc.paths['/api/v1/compounds'].get.parameters.map((p: { name: string }) => p.name)
    expect(params).toEqual(
      expect.arrayContaining([
        'bbox',
        'limit',
        'offset',
        'street',
        'community',
        'status',
        'onRegister',
        'builtFrom',
        'builtTo',
      ]),
    )
    expect(
      doc.paths['/api/v1/compounds'].get.responses['400'].content['application/problem+json'],
    ).toBeDefined()
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerAuth', 'cookieAuth'])
    expect(doc.paths['/api/v1/users'].get.security).toEqual([{ cookieAuth: [] }, { bearerAuth: [] }])
    expect(doc.components.schemas.CompoundProperties.properties.renovationStatus.enum).toEqual([
      'not_planned',
      'planned',
      'under_way',
      'completed',
    ])
  })

  it('serves the API reference page from the app, with no outside scripts', async () => {
    const res = await app.get('/api/v1/docs/')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/swagger-ui/)
    expect(html).not.toMatch(/(src|href)=["']?https?:/)
  })
})

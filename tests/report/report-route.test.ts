// GET /api/v1/stats/report.pdf over the demo database: the PDF carries the district's published figures.
import type { AddressInfo } from 'node:net'
import { prepareDatabase } from '@renewal-atlas/db'
import { JINJIANG_FACTS, problemResponse } from '@renewal-atlas/domain'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DataChanges } from '../../apps/api/src/changes/data-changed.ts'
import { problemHandler } from '../../apps/api/src/http/problem.ts'
import { openApiDocument } from '../../apps/api/src/openapi/registry.ts'
import { reportRoutes } from '../../apps/api/src/stats/report.routes.ts'
import { StatsRepository } from '../../apps/api/src/stats/stats.repository.ts'
import { StatsService } from '../../apps/api/src/stats/stats.service.ts'
import { backends, createTestDatabase, type TestDatabase } from '../support/backends.ts'
import { pdfPages, pdfText } from '../support/pdf.ts'

const squash = (text: string) => text.replace(/\s+/g, '')

describe.each(backends)('the report route on the %s backend', (backend) => {
  let database: TestDatabase
  let server: ReturnType<ReturnType<typeof express>['listen']>
  let base: string
  beforeAll(async () => {
    database = await createTestDatabase(backend, { demo: true })
    await prepareDatabase(database.db, { loadDemo: true })
    const app = express()
    app.use(
      '/api/v1',
      reportRoutes(new StatsService(new StatsRepository(database.db.knex), new DataChanges())),
    )
    app.use(problemHandler)
    server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`
  })
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
    await database?.dispose()
  })

  it('sends the district report as a PDF attachment with the published figures in its text', async () => {
    const res = await fetch(`${base}/stats/report.pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="renewal-atlas-report\.pdf"; filename\*=UTF-8''/,
    )
    const pages = await pdfPages(await res.arrayBuffer())
    expect(pages).toHaveLength(3)
    const first = squash(pages[0]?.text ?? '')
    expect(first).toContain('锦江区·全部年份')
    const { compounds, oldCompounds, renovatedOldCompounds, householdsBenefiting } = JINJIANG_FACTS
    for (const count of [compounds, oldCompounds, renovatedOldCompounds, householdsBenefiting]) {
      expect(first).toContain(count.toLocaleString('en-US'))
    }
    expect(first).toContain('63.5%')
    expect(first).toContain('各街道改造覆盖率')
  })

  it('names the street and years in the file name and ranks the communities of the street', async () => {
    const res = await fetch(`${base}/stats/report.pdf?street=510104022&yearFrom=2019&yearTo=2023&lang=en`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain(
      'filename="renewal-atlas-report-510104022-2019-2023.pdf"',
    )
    const text = squash(await pdfText(await res.arrayBuffer()))
    expect(text).toContain('Coveragebycommunity')
    expect(text).toContain('春熙路街道·2019–2023')
  })

  it('refuses an unknown street with a problem naming street', async () => {
    const res = await fetch(`${base}/stats/report.pdf?street=510104999`)
    expect(res.status).toBe(400)
    const problem = problemResponse.parse(await res.json())
    expect(problem.errors?.map((e) => e.name)).toEqual(['street'])
  })

  it('refuses parameters the report does not take, such as format', async () => {
    const res = await fetch(`${base}/stats/report.pdf?format=csv`)
    expect(res.status).toBe(400)
  })
})

describe('the report in the OpenAPI description', () => {
  it('is a GET answering application/pdf as a binary string, with the read errors', () => {
    const doc = openApiDocument('test') as {
      paths: Record<
        string,
        { get?: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }
      >
    }
    const get = doc.paths['/api/v1/stats/report.pdf']?.get
    expect(get?.responses['200']?.content?.['application/pdf']?.schema).toEqual({
      type: 'string',
      format: 'binary',
    })
    expect(Object.keys(get?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '500']))
  })
})

// Downloads over HTTP: the media type, an attachment with an ASCII file name and the title, never cached.
import type { AddressInfo } from 'node:net'
import { coverageTables, reviewTable, type StatsFilter } from '@renewal-atlas/domain'
import express from 'express'
import readExcelFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attachment, filterSuffix, sendDownload } from '../../apps/api/src/stats/downloads.ts'
import { createReviewRows, createStreetCoverage } from './fixtures.ts'

/** A bare app whose one route sends the street coverage or the review list the way the stats routes do. */
function downloadApp() {
  const app = express()
  app.get('/coverage', async (req, res) => {
    const filter: StatsFilter = {
      street: req.query.street as string | undefined,
      yearFrom: req.query.yearFrom ? Number(req.query.yearFrom) : undefined,
      yearTo: req.query.yearTo ? Number(req.query.yearTo) : undefined,
    }
    const format = req.query.format === 'xlsx' ? 'xlsx' : 'csv'
    const lang = req.query.lang === 'en' ? 'en' : 'zh'
    await sendDownload(res, {
      table: coverageTables.street,
      rows: createStreetCoverage().rows,
      format,
      lang,
      filter,
    })
  })
  app.get('/review', async (_req, res) => {
    await sendDownload(res, {
      table: reviewTable,
      rows: createReviewRows(),
      format: 'csv',
      lang: 'en',
      filter: {},
    })
  })
  return app
}

describe('a statistics download over HTTP', () => {
  let server: ReturnType<ReturnType<typeof express>['listen']>
  let base: string
  beforeAll(async () => {
    server = downloadApp().listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it('is CSV in UTF-8 with a BOM, as an attachment named after the table and the filter', async () => {
    const res = await fetch(`${base}/coverage?street=510104022&yearFrom=2019&yearTo=2021`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="coverage-street-510104022-2019-2021.csv"; ` +
        `filename*=UTF-8''${encodeURIComponent('各街道改造覆盖率-510104022-2019-2021.csv')}`,
    )
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toContain('春熙路街道')
  })

  it('is an Excel workbook with the xlsx media type when asked for', async () => {
    const res = await fetch(`${base}/coverage?format=xlsx&lang=en`)
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="coverage-street.xlsx"; filename*=UTF-8''Coverage%20by%20street.xlsx`,
    )
    const sheets = await readExcelFile(Buffer.from(await res.arrayBuffer()))
    expect(sheets[0]?.sheet).toBe('Coverage by street')
    expect(sheets[0]?.data[0]?.[1]).toBe('Street')
  })

  it('keeps characters a file name cannot hold out of the title', async () => {
    const res = await fetch(`${base}/review`)
    const disposition = res.headers.get('content-disposition') ?? ''
    expect(disposition).toContain('filename="review-list.csv"')
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
      'Review list built before the cut-off, not on the register.csv',
    )
  })
})

describe('download file names', () => {
  it('name the street and the years of the filter', () => {
    expect(filterSuffix({})).toBe('')
    expect(filterSuffix({ street: '510104022' })).toBe('-510104022')
    expect(filterSuffix({ yearFrom: 2019, yearTo: 2021 })).toBe('-2019-2021')
    expect(filterSuffix({ yearFrom: 2019 })).toBe('-from-2019')
    expect(filterSuffix({ street: '510104022', yearTo: 2021 })).toBe('-510104022-to-2021')
  })

  it('give old clients an ASCII name and others the title in UTF-8, with quotes and brackets encoded', () => {
    expect(attachment('a b"c.csv', "报告 (草稿)'s.csv")).toBe(
      `attachment; filename="a_b_c.csv"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%28%E8%8D%89%E7%A8%BF%29%27s.csv`,
    )
  })
})

// Page links for list responses: `next` and `prev` keep every other query parameter as the client sent it.
import { DEFAULT_PAGE_LIMIT } from '@renewal-atlas/domain'
import type { Request } from 'express'

export function pageOf(query: { limit?: number | undefined; offset?: number | undefined }) {
  return { limit: query.limit ?? DEFAULT_PAGE_LIMIT, offset: query.offset ?? 0 }
}

export function featurePage<F>(
  req: Request,
  page: { limit: number; offset: number },
  total: number,
  features: F[],
) {
  const self = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
  const at = (offset: number) => {
    const url = new URL(self)
    url.searchParams.set('offset', String(offset))
    url.searchParams.set('limit', String(page.limit))
    return url.toString()
  }
  const links = [{ rel: 'self', href: self.toString(), type: 'application/geo+json' }]
  if (page.offset + features.length < total)
    links.push({ rel: 'next', href: at(page.offset + page.limit), type: 'application/geo+json' })
  if (page.offset > 0)
    links.push({ rel: 'prev', href: at(Math.max(0, page.offset - page.limit)), type: 'application/geo+json' })
  return {
    type: 'FeatureCollection' as const,
    numberMatched: total,
    numberReturned: features.length,
    links,
    features,
  }
}

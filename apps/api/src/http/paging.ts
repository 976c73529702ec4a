// Page links for list responses: `next` and `prev` keep every other query parameter as the client sent it.
import type { Page } from '@renewal-atlas/domain'
import type { Request } from 'express'

export function featurePage<F>(req: Request, page: Page, total: number, features: F[]) {
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
    links.push({
      rel: 'prev',
      // from past the end, prev is the last page that has features
      href: at(Math.max(0, Math.min(page.offset, total) - page.limit)),
      type: 'application/geo+json',
    })
  return {
    type: 'FeatureCollection' as const,
    numberMatched: total,
    numberReturned: features.length,
    links,
    features,
  }
}

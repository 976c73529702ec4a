// The one HTTP client of the web app: same-origin GETs under /api/v1, every answer parsed with a zod schema.
import { z } from 'zod'
import { ApiError } from './api-error.ts'

export const apiBasePath = '/api/v1'

/** Page size asked of paged lists; the API's upper bound. */
export const pageLimit = 2000

/** A guard against a server whose `next` links never end. */
const maxPages = 500

const maxIssuesShown = 3

const problemSchema = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
})

/**
 * Resolve a path or a link from the API against this page's origin. The API builds absolute links from the
 * Host it saw, which behind a proxy (the Vite dev server) is not this page's; its path is what counts. The
 * page loads nothing from elsewhere, so a link outside /api/v1 is a server bug, not something to follow.
 */
function resolveUrl(pathOrHref: string): URL {
  const parsed = new URL(pathOrHref, window.location.origin)
  if (!parsed.pathname.startsWith(`${apiBasePath}/`)) {
    throw new ApiError(
      'invalid_response',
      `Refusing to follow a link outside ${apiBasePath}: ${parsed.href}`,
      {
        url: parsed.href,
      },
    )
  }
  return new URL(`${parsed.pathname}${parsed.search}`, window.location.origin)
}

async function readProblem(response: Response): Promise<z.infer<typeof problemSchema>> {
  try {
    const parsed = problemSchema.safeParse(await response.json())
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

async function requestJson(url: URL, signal?: AbortSignal): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/geo+json, application/json;q=0.9, application/problem+json;q=0.8' },
      ...(signal ? { signal } : {}),
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError('network', `Could not reach ${url.pathname}`, { url: url.href }, { cause: error })
  }
  if (!response.ok) {
    const problem = await readProblem(response)
    throw new ApiError(
      'http',
      `${url.pathname} answered ${response.status}${problem.title ? `: ${problem.title}` : ''}`,
      {
        url: url.href,
        status: response.status,
        ...(problem.title ? { problemTitle: problem.title } : {}),
        ...(problem.detail ? { problemDetail: problem.detail } : {}),
      },
    )
  }
  try {
    return await response.json()
  } catch (error) {
    throw new ApiError(
      'invalid_response',
      `${url.pathname} did not answer JSON`,
      { url: url.href },
      { cause: error },
    )
  }
}

function parseWith<S extends z.ZodType>(schema: S, body: unknown, url: URL): z.infer<S> {
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    // One bad field is usually wrong in every feature; a few issues say enough.
    const { issues } = parsed.error
    const shown = issues.slice(0, maxIssuesShown).map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    const more = issues.length > maxIssuesShown ? ` (+${issues.length - maxIssuesShown} more)` : ''
    throw new ApiError('invalid_response', `${url.pathname}: ${shown.join('; ')}${more}`, { url: url.href })
  }
  return parsed.data
}

export interface RequestOptions {
  signal?: AbortSignal
}

/** GET one JSON document under /api/v1 and parse it. */
export async function getJson<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const url = resolveUrl(`${apiBasePath}${path}`)
  return parseWith(schema, await requestJson(url, options.signal), url)
}

/** The envelope of a paged GeoJSON list (OGC API Features style). */
interface FeaturePage {
  type: 'FeatureCollection'
  features: unknown[]
  numberMatched?: number
  links?: { rel: string; href: string }[]
}

/**
 * GET every feature of a paged GeoJSON list: ask for `pageLimit` features a page and follow the
 * `next` link until there is none. Each page is parsed with `pageSchema`.
 */
export async function getAllFeatures<S extends z.ZodType<FeaturePage>>(
  path: string,
  pageSchema: S,
  options: RequestOptions = {},
): Promise<{ type: 'FeatureCollection'; features: z.infer<S>['features'] }> {
  const first = resolveUrl(`${apiBasePath}${path}`)
  first.searchParams.set('limit', String(pageLimit))

  const features: z.infer<S>['features'] = []
  const visited = new Set<string>()
  let next: URL | undefined = first
  let numberMatched: number | undefined
  while (next) {
    if (visited.has(next.href) || visited.size >= maxPages) {
      throw new ApiError('invalid_response', `${first.pathname}: the next links do not end`, {
        url: next.href,
      })
    }
    visited.add(next.href)
    const page: z.infer<S> = parseWith(pageSchema, await requestJson(next, options.signal), next)
    features.push(...page.features)
    numberMatched ??= page.numberMatched
    const nextLink = page.links?.find((link) => link.rel === 'next')
    next = nextLink && page.features.length > 0 ? resolveUrl(nextLink.href) : undefined
  }
  if (numberMatched !== undefined && numberMatched !== features.length) {
    // Records can change between pages; worth a warning, not a failure.
    console.warn(
      `${first.pathname}: numberMatched was ${numberMatched} but ${features.length} features arrived`,
    )
  }
  return { type: 'FeatureCollection', features }
}

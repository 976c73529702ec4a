// The one HTTP client of the web app: same-origin requests under /api/v1 with the session cookie, the CSRF token on
// writes and If-Match on versioned ones; every answer parsed with a zod schema, every refusal a typed error.
import { z } from 'zod'
import {
  ApiError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PreconditionRequiredError,
  RateLimitedError,
  SignInRequiredError,
  VersionConflictError,
} from './api-error.ts'

export const apiBasePath = '/api/v1'

/** Page size asked of paged lists; the API's upper bound. */
export const pageLimit = 2000

/** A guard against a server whose `next` links never end. */
const maxPages = 500

const maxIssuesShown = 3

const problemSchema = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(z.object({ name: z.string(), in: z.string(), reason: z.string() })).optional(),
  currentVersion: z.number().int().optional(),
  current: z.unknown().optional(),
})

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * The CSRF token of the signed-in session (from GET /api/v1/auth/session), sent as X-CSRF-Token with every write.
 * The session context sets it whenever the session changes; null when nobody is signed in.
 */
let csrfToken: string | null = null

export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Told when the API says the session has ended (401 session_expired), so the page can ask who it is again. */
let onSessionEnded: (() => void) | null = null

export function setSessionEndedListener(listener: (() => void) | null): void {
  onSessionEnded = listener
}

/** An ETag for a version number, as the API writes it: `"4"`. */
export function etagOf(version: number): string {
  return `"${version}"`
}

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

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('Retry-After')
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000))
}

/** A refusal as the typed error the UI explains: 400, 401, 403, 404, 409, 412, 428, 429, or a plain ApiError. */
async function refusalOf(
  response: Response,
  url: URL,
  conflictSchema: z.ZodType | undefined,
): Promise<ApiError> {
  const problem = await readProblem(response)
  const { status } = response
  const message = `${url.pathname} answered ${status}${problem.title ? `: ${problem.title}` : ''}`
  const details = {
    url: url.href,
    status,
    ...(problem.title ? { problemTitle: problem.title } : {}),
    ...(problem.detail ? { problemDetail: problem.detail } : {}),
    ...(problem.code ? { problemCode: problem.code } : {}),
    ...(problem.errors ? { fieldProblems: problem.errors } : {}),
  }
  switch (status) {
    case 400:
      return new InvalidInputError('http', message, details)
    case 401:
      if (problem.code === 'session_expired') onSessionEnded?.()
      return new SignInRequiredError('http', message, details)
    case 403:
      return new ForbiddenError('http', message, details)
    case 404:
      return new NotFoundError('http', message, details)
    case 409:
      return new ConflictError('http', message, details)
    case 412: {
      const current = conflictSchema?.safeParse(problem.current)
      return new VersionConflictError(
        message,
        details,
        problem.currentVersion,
        current?.success ? current.data : undefined,
      )
    }
    case 428:
      return new PreconditionRequiredError('http', message, details)
    case 429:
      return new RateLimitedError(message, details, retryAfterSeconds(response))
    default:
      return new ApiError('http', message, details)
  }
}

interface SendInit {
  method?: string
  /** A JSON body, or a file (a Blob) sent as it is, as application/octet-stream. */
  body?: unknown
  /** More request headers (Idempotency-Key). */
  headers?: Record<string, string> | undefined
  /** The ETag of the version a write is based on. */
  ifMatch?: string | undefined
  signal?: AbortSignal | undefined
  /** The schema of the record a 412 carries as `current`. */
  conflictSchema?: z.ZodType | undefined
}

interface Answer {
  status: number
  etag: string | null
  /** The parsed JSON body, or undefined for an empty answer (204). */
  body: unknown
}

/** fetch with the session cookie and the CSRF token on writes; a refusal becomes its typed error. */
async function fetchChecked(
  url: URL,
  method: string,
  headers: Headers,
  body: BodyInit | undefined,
  init: Pick<SendInit, 'signal' | 'conflictSchema'>,
): Promise<Response> {
  if (unsafeMethods.has(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken)
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    })
  } catch (error) {
    if (init.signal?.aborted) throw error
    throw new ApiError('network', `Could not reach ${url.pathname}`, { url: url.href }, { cause: error })
  }
  if (!response.ok) throw await refusalOf(response, url, init.conflictSchema)
  return response
}

/**
 * The one request function: same-origin credentials, the CSRF token on writes, If-Match when given, and every
 * refusal turned into its typed error.
 */
async function send(url: URL, init: SendInit = {}): Promise<Answer> {
  const method = (init.method ?? 'GET').toUpperCase()
  const headers = new Headers({
    Accept: 'application/geo+json, application/json;q=0.9, application/problem+json;q=0.8',
  })
  const raw = init.body instanceof Blob
  if (init.body !== undefined)
    headers.set('Content-Type', raw ? 'application/octet-stream' : 'application/json')
  if (init.ifMatch) headers.set('If-Match', init.ifMatch)
  for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value)
  const body = init.body === undefined ? undefined : raw ? (init.body as Blob) : JSON.stringify(init.body)
  const response = await fetchChecked(url, method, headers, body, init)
  const etag = response.headers.get('ETag')
  if (response.status === 204) return { status: response.status, etag, body: undefined }
  try {
    return { status: response.status, etag, body: await response.json() }
  } catch (error) {
    throw new ApiError(
      'invalid_response',
      `${url.pathname} did not answer JSON`,
      { url: url.href },
      { cause: error },
    )
  }
}

async function requestJson(url: URL, signal?: AbortSignal): Promise<unknown> {
  return (await send(url, { signal })).body
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

/** GET a file to read as a stream (an export): the answer once it is 2xx, its body not yet read. */
export function fetchFile(path: string, options: RequestOptions = {}): Promise<Response> {
  const url = resolveUrl(`${apiBasePath}${path}`)
  return fetchChecked(url, 'GET', new Headers({ Accept: '*/*' }), undefined, options)
}

export interface WriteOptions extends RequestOptions {
  /** More request headers, e.g. Idempotency-Key. */
  headers?: Record<string, string> | undefined
  /** The ETag of the version the write is based on (If-Match). */
  ifMatch?: string | undefined
  /** The schema of the record a 412 answer carries, so VersionConflictError.current is typed. */
  conflictSchema?: z.ZodType | undefined
}

/** A parsed answer with the ETag the API sent (the version to send back as If-Match). */
export interface Versioned<T> {
  data: T
  etag: string | null
}

/** GET one JSON document with its ETag. */
export async function getVersioned<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<Versioned<z.infer<S>>> {
  const url = resolveUrl(`${apiBasePath}${path}`)
  const answer = await send(url, { signal: options.signal })
  return { data: parseWith(schema, answer.body, url), etag: answer.etag }
}

/** POST, PATCH or DELETE with an optional JSON body; the answer parsed with `schema`, with its ETag. */
export async function sendJson<S extends z.ZodType>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  schema: S,
  options: WriteOptions = {},
): Promise<Versioned<z.infer<S>>> {
  const url = resolveUrl(`${apiBasePath}${path}`)
  const answer = await send(url, { method, body, ...options })
  return { data: parseWith(schema, answer.body, url), etag: answer.etag }
}

/** A write whose answer has no body (204): resolves with the ETag the API sent, if any. */
export async function sendEmpty(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: WriteOptions = {},
): Promise<string | null> {
  const url = resolveUrl(`${apiBasePath}${path}`)
  const answer = await send(url, { method, body, ...options })
  return answer.etag
}

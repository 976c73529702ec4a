// One autocannon run in its own process (so the client does not share the server's event loop), driven by the
// benchmark: reads { url, paths, connections, seconds?, amount? } as JSON from argv[2], walks `paths` round-robin
// with one counter shared by every connection (so simultaneous requests ask for different tiles), and prints the
// result as one line of JSON.
import autocannon from 'autocannon'

export interface LoadJob {
  url: string
  paths: string[]
  connections: number
  /** Run for this long … */
  seconds?: number
  /** … or for this many requests (a warm-up pass). */
  amount?: number
  /** Sent with every request, e.g. an Authorization header. */
  headers?: Record<string, string>
}

export interface LoadResult {
  requests: number
  seconds: number
  perSecond: number
  non2xx: number
  errors: number
  timeouts: number
  latencyP50Ms: number
  latencyP99Ms: number
  /** Answers 429 Too Many Requests (among non2xx). */
  status429: number
}

const job = JSON.parse(process.argv[2] as string) as LoadJob
let next = 0
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  pipelining: 1,
  ...(job.headers ? { headers: job.headers } : {}),
  timeout: 60,
  ...(job.amount ? { amount: job.amount } : { duration: job.seconds ?? 10 }),
  requests: [
    {
      setupRequest: (request) => {
        request.path = job.paths[next++ % job.paths.length] as string
        return request
      },
    },
  ],
})
const out: LoadResult = {
  requests: result.requests.total,
  seconds: result.duration,
  perSecond: result.requests.total / result.duration,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  latencyP50Ms: result.latency.p50,
  latencyP99Ms: result.latency.p99,
  status429:
    (result as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats?.['429']?.count ?? 0,
}
process.stdout.write(`${JSON.stringify(out)}\n`)

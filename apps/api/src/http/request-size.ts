// How large a request's URL and headers may be, and the problem+json answer when they are larger: 414 from the app
// for a long URL, before any session lookup or logging of it; 414 or 431 (or 400 for bytes that are not HTTP) from
// the HTTP server itself when the parser gives up, written straight to the socket, which Node would otherwise
// answer with a bare status line and a reset connection.
import type { Socket } from 'node:net'
import type { RequestHandler } from 'express'
import type { Logger } from '../logger.ts'
import {
  HeadersTooLargeError,
  type HttpError,
  MalformedRequestError,
  RequestTimeoutError,
  UriTooLongError,
} from './errors.ts'
import { problemBody } from './problem.ts'

/**
 * The longest URL (path and query) answered: room for an export `area` of MAX_AREA_PARAM_LENGTH characters of
 * GeoJSON once percent-encoded (about 16,300) with the other parameters.
 */
export const MAX_URL_LENGTH = 20_000

/** Request line and headers together (Node's maxHeaderSize): a longest URL plus 12 KiB of headers and cookies. */
export const MAX_HEADER_BYTES = 32 * 1024

const tooLong = () =>
  new UriTooLongError(
    `The URL is longer than ${MAX_URL_LENGTH.toLocaleString('en')} characters; send fewer or shorter parameters`,
  )

/** The app's first check: a URL over the limit is refused before anything reads it, and logged by its start. */
export function refuseLongUrl(logger: Logger): RequestHandler {
  return (req, _res, next) => {
    const length = req.originalUrl.length
    if (length <= MAX_URL_LENGTH) return next()
    logger.info(
      { method: req.method, url: `${req.originalUrl.slice(0, 200)}…`, urlLength: length, status: 414 },
      'request refused: URL too long',
    )
    throw tooLong()
  }
}

/** The HTTP server's 'clientError' listener: a request the parser refused gets its answer, then the socket closes. */
export function answerClientError(
  logger: Logger,
): (error: Error & { code?: string }, socket: Socket) => void {
  const answered = new WeakSet<Socket>()
  return (error, socket) => {
    // The parser reports again for every later chunk of the same request: answer once.
    if (answered.has(socket)) return
    answered.add(socket)
    const refusal = refusalOf(error)
    // Mid-response (a pipelined request), or the client is gone: nothing can be written that would be read.
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage
    if (!refusal || !socket.writable || inFlight?.headersSent) {
      socket.destroy()
      return
    }
    logger.info(
      { status: refusal.status, code: refusal.code, parserError: error.code },
      'request refused by the HTTP server',
    )
    const body = JSON.stringify(problemBody(refusal))
    socket.end(
      [
        `HTTP/1.1 ${refusal.status} ${refusal.title}`,
        'Content-Type: application/problem+json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Cache-Control: no-store',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    )
    // Ending (not destroying) lets the answer arrive before the close; what the client still sends is read and
    // dropped rather than reset, and a client that never closes is cut after a while.
    socket.resume()
    setTimeout(() => socket.destroy(), 5000).unref()
  }
}

function refusalOf(error: Error & { code?: string; rawPacket?: unknown }): HttpError | undefined {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return requestLineTooLong(error.rawPacket)
        ? tooLong()
        : new HeadersTooLargeError(
            `The request line and headers are larger than ${MAX_HEADER_BYTES / 1024} KiB; send fewer or smaller headers (cookies included)`,
          )
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new RequestTimeoutError('The request was not received in time')
    case 'ECONNRESET':
    case 'EPIPE':
      return undefined
    default:
      return new MalformedRequestError(`The request is not valid HTTP/1.1 (${error.code ?? 'unreadable'})`)
  }
}

/** Whether the bytes the parser gave up on start with a request line longer than the URL limit. */
function requestLineTooLong(raw: unknown): boolean {
  if (!Buffer.isBuffer(raw) || !/^[A-Z]{3,7} /.test(raw.subarray(0, 8).toString('latin1'))) return false
  const end = raw.indexOf('\r\n')
  return (end < 0 ? raw.length : end) > MAX_URL_LENGTH
}

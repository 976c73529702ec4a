// The session cookie: httpOnly, SameSite=Lax, Path=/, Secure when the request came over TLS.
import type { Request, Response } from 'express'

export const SESSION_COOKIE = 'atlas_session'

/** The value of one cookie from the Cookie header (no cookie-parser: this is the only cookie we read). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const at = part.indexOf('=')
    if (at < 0) continue
    if (part.slice(0, at).trim() !== name) continue
    const value = part.slice(at + 1).trim()
    return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value
  }
  return undefined
}

export function setSessionCookie(req: Request, res: Response, value: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: req.secure,
    expires: expiresAt,
  })
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: req.secure })
}

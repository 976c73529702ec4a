// Random secrets (session ids, CSRF tokens, API tokens, generated passwords) and the hashes they are stored as.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

export const API_TOKEN_PREFIX = 'atl_'

/** 32 random bytes as base64url: 256 bits, safe in a cookie or header. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex')
}

/** A personal access token: `atl_` and 43 base64url characters. */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomSecret()}`
}

// No 0/O, 1/l/I: a generated password is read off a console and typed in by a person.
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A 16-character password (about 93 bits) for one-time and demo passwords. */
export function generatePassword(length = 16): string {
  let out = ''
  for (let i = 0; i < length; i++) out += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]
  return out
}

/** Compares two strings in time that does not depend on where they first differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a), 'hex')
  const y = Buffer.from(sha256(b), 'hex')
  return timingSafeEqual(x, y)
}

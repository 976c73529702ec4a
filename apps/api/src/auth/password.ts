// Password hashing with scrypt (node:crypto): `scrypt$N$r$p$salt$hash`, compared in constant time.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

const N = 2 ** 15
const R = 8
const P = 1
const KEY_LENGTH = 32
const SALT_BYTES = 16
// scrypt needs 128·N·r bytes (32 MiB here); node's default ceiling is exactly that, so leave room.
const MAX_MEMORY = 256 * N * R

function derive(
  password: string,
  salt: Buffer,
  n: number,
  r: number,
  p: number,
  length: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      length,
      { N: n, r, p, maxmem: Math.max(MAX_MEMORY, 256 * n * r) },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, N, R, P, KEY_LENGTH)
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** True when the password matches; a malformed or missing hash never matches but costs the same time. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed) {
    await derive(password, DUMMY_SALT, N, R, P, KEY_LENGTH)
    return false
  }
  const key = await derive(password, parsed.salt, parsed.n, parsed.r, parsed.p, parsed.key.length)
  return timingSafeEqual(key, parsed.key)
}

// A fixed salt for the work done when there is no hash to compare with.
const DUMMY_SALT = randomBytes(SALT_BYTES)

interface ParsedHash {
  n: number
  r: number
  p: number
  salt: Buffer
  key: Buffer
}

function parseHash(stored: string | null | undefined): ParsedHash | undefined {
  const parts = stored?.split('$')
  if (parts?.length !== 6 || parts[0] !== 'scrypt') return undefined
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  // Only parameters this code writes are accepted, so a tampered row cannot make a sign-in cost minutes.
  if (n !== N || r !== R || p !== P) return undefined
  const salt = Buffer.from(parts[4] ?? '', 'base64url')
  const key = Buffer.from(parts[5] ?? '', 'base64url')
  if (salt.length < SALT_BYTES || key.length !== KEY_LENGTH) return undefined
  return { n, r, p, salt, key }
}

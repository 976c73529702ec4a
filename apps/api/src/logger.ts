// The one logger (pino). LOG_LEVEL sets the level; tests run it silent.
import pino from 'pino'

export type Logger = pino.Logger

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'renewal-atlas' } })
}

// The one logger (pino): JSON lines for machines, readable lines when a person watches a terminal.
// LOG_LEVEL sets the level; LOG_FORMAT=json keeps JSON on a terminal too.
import pino from 'pino'

export type Logger = pino.Logger

export function createLogger(
  level = process.env.LOG_LEVEL ?? 'info',
  pretty = Boolean(process.stdout.isTTY) && process.env.LOG_FORMAT !== 'json',
): Logger {
  return pino({
    level,
    base: { service: 'renewal-atlas' },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', singleLine: true },
          },
        }
      : {}),
  })
}

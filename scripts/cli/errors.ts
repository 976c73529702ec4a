// What the atlas CLI's exit code says: 0 done, 1 failed, 2 wrong usage, 3 an import refused for its features.

/** Wrong usage: an unknown command or option, or a missing or malformed value (exit 2, with the usage text). */
export class UsageError extends Error {}

/** The command could not be done: the server refused it, the network failed, a file is missing (exit 1). */
export class CommandError extends Error {}

/** An import whose features have errors: nothing was written; the report says which and why (exit 3). */
export class ImportRefusedError extends Error {}

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return 2
  if (error instanceof ImportRefusedError) return 3
  return 1
}

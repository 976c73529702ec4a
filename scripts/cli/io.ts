// What a command reads and writes, passed in rather than taken from `process`, so the same command runs from the
// terminal (scripts/atlas.ts) and inside a test's process, where its output is collected.

export interface CliIo {
  /** A line (or lines) on standard output. */
  out(text: string): void
  /** A line (or lines) on standard error. */
  err(text: string): void
  /** Standard input, for --password-stdin. */
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean }
  /** Where progress bars are drawn: standard error when it is a terminal, else nowhere. */
  progress?: NodeJS.WriteStream | undefined
  /** The environment: DATABASE_URL, RENEWAL_DATA_DIR, ATLAS_URL, ATLAS_TOKEN, PORT, INIT_CWD. */
  env: NodeJS.ProcessEnv
}

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return {
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    stdin: process.stdin,
    progress: process.stderr.isTTY ? process.stderr : undefined,
    env: process.env,
  }
}

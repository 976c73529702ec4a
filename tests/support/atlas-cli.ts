// Running `npm run atlas -- …` in tests: in this process through runAtlas (the commands, their output and exit
// codes, at the cost of the work only), or as a child process, as an operator runs it (the script's wiring).
import { execFile } from 'node:child_process'
import path from 'node:path'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { runAtlas } from '../../scripts/cli/atlas-cli.ts'

export interface AtlasRun {
  code: number
  stdout: string
  stderr: string
}

const ROOT = path.resolve(import.meta.dirname, '../..')
const execute = promisify(execFile)

/** The command in this process; `env` replaces the process's environment, `input` is what standard input holds. */
export async function atlasInProcess(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<AtlasRun> {
  const out: string[] = []
  const err: string[] = []
  const stdin = Object.assign(Readable.from(input ? [Buffer.from(input)] : []), { isTTY: false })
  const code = await runAtlas(args, {
    out: (text) => out.push(`${text}\n`),
    err: (text) => err.push(`${text}\n`),
    stdin,
    env,
  })
  return { code, stdout: out.join(''), stderr: err.join('') }
}

/** The command as a child process: `npx tsx scripts/atlas.ts …` in the project folder. */
export async function atlasProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  input?: string,
): Promise<AtlasRun> {
  const child = execute('npx', ['tsx', 'scripts/atlas.ts', ...args], { cwd: ROOT, env })
  child.child.stdin?.end(input)
  try {
    const { stdout, stderr } = await child
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

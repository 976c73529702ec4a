// `npm run atlas -- <command>`: operator commands (users, backup and restore, exports and imports); see
// scripts/cli/atlas-cli.ts. Exit codes: 0 done, 1 failed, 2 wrong usage, 3 import refused for invalid features.
import { runAtlas } from './cli/atlas-cli.ts'
import { processIo } from './cli/io.ts'

process.exitCode = await runAtlas(process.argv.slice(2), processIo())

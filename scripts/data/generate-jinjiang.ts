// npm run data:generate [-- --out <dir>]: writes the Jinjiang demo data set (default data/jinjiang).
// Deterministic: the same code and packages give byte-identical files.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildDataset } from './jinjiang.ts'
import { writeDataset } from './output.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function parseArgs(argv: string[]): { out: string } {
  let out = path.join(root, 'data/jinjiang')
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--out') {
      const v = argv[++i]
      if (!v) throw new Error('--out needs a directory')
      out = path.resolve(v)
    } else if (a.startsWith('--out=')) out = path.resolve(a.slice('--out='.length))
    else if (a === '--help' || a === '-h') {
      console.log('usage: tsx scripts/data/generate-jinjiang.ts [--out <dir>]')
      process.exit(0)
    } else throw new Error(`unknown argument: ${a}`)
  }
  return { out }
}

const { out } = parseArgs(process.argv.slice(2))
const t0 = performance.now()
const dataset = buildDataset()
const written = writeDataset(dataset, out)
let total = 0
for (const w of written) {
  total += w.bytes
  console.log(`${w.file.padEnd(26)} ${(w.bytes / 1024).toFixed(1).padStart(9)} KiB`)
}
console.log(
  `${'total'.padEnd(26)} ${(total / 1024).toFixed(1).padStart(9)} KiB → ${path.relative(process.cwd(), out) || '.'}`,
)
console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

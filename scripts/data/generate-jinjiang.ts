// npm run data:generate [-- --out <dir>] [-- --scale district|city]: writes the Jinjiang demo data set
// (default data/jinjiang), or with `--scale city` the synthetic city-scale benchmark set (scripts/data/city.ts:
// about 15,500 compounds and 200,000 buildings; never committed, so --out is required).
// Deterministic: the same code and packages give byte-identical files.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildCityDataset, cityReadme } from './city.ts'
import { buildDataset } from './jinjiang.ts'
import { writeDataset } from './output.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
type Scale = 'district' | 'city'
const usage = 'usage: tsx scripts/data/generate-jinjiang.ts [--scale district|city] [--out <dir>]'

function parseArgs(argv: string[]): { out: string | undefined; scale: Scale } {
  let out: string | undefined
  let scale: Scale = 'district'
  const setScale = (v: string | undefined) => {
    if (v !== 'district' && v !== 'city') throw new Error(`--scale must be district or city, not ${v}`)
    scale = v
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--out') {
      const v = argv[++i]
      if (!v) throw new Error('--out needs a directory')
      out = path.resolve(v)
    } else if (a.startsWith('--out=')) out = path.resolve(a.slice('--out='.length))
    else if (a === '--scale') setScale(argv[++i])
    else if (a.startsWith('--scale=')) setScale(a.slice('--scale='.length))
    else if (a === '--help' || a === '-h') {
      console.log(usage)
      process.exit(0)
    } else throw new Error(`unknown argument: ${a}\n${usage}`)
  }
  return { out, scale }
}

const args = parseArgs(process.argv.slice(2))
if (args.scale === 'city' && !args.out)
  throw new Error('--scale city needs --out <dir> (the city-scale set is synthetic and never committed)')
const out = args.out ?? path.join(root, 'data/jinjiang')
const t0 = performance.now()
const district = buildDataset()
const dataset = args.scale === 'city' ? buildCityDataset(district) : district
const written = writeDataset(dataset, out)
if (args.scale === 'city') writeFileSync(path.join(out, 'README.md'), cityReadme(dataset))
let total = 0
for (const w of written) {
  total += w.bytes
  console.log(`${w.file.padEnd(26)} ${(w.bytes / 1024).toFixed(1).padStart(9)} KiB`)
}
console.log(
  `${'total'.padEnd(26)} ${(total / 1024).toFixed(1).padStart(9)} KiB → ${path.relative(process.cwd(), out) || '.'}`,
)
if (args.scale === 'city')
  console.log(
    `city scale (synthetic): ${dataset.compounds.length} compounds, ${dataset.buildings.length} buildings, ${dataset.roads.length} roads, ${dataset.facilities.length} facilities`,
  )
console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

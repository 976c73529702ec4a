// `npm start`: build the web app when its sources are newer than the build, then serve everything on one port.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Renewal Atlas needs Node.js 20.19 or newer; this is ${process.version}.`)
  process.exit(1)
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const web = path.join(root, 'apps/web')
const built = path.join(web, 'dist/index.html')

function newestMtime(target: string): number {
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(target).map((name) => newestMtime(path.join(target, name))))
}

const sources = [
  path.join(web, 'src'),
  path.join(web, 'index.html'),
  path.join(web, 'vite.config.ts'),
  path.join(web, 'vite-plugins'),
  path.join(root, 'packages/domain/src'),
  // The UI font holds the characters of the demo data's names (vite-plugins/ui-font-characters.ts).
  path.join(root, 'data/jinjiang'),
  path.join(root, 'package-lock.json'),
]
const stale =
  !existsSync(built) || sources.some((s) => existsSync(s) && newestMtime(s) > statSync(built).mtimeMs)
if (stale) {
  console.log('building the web app (apps/web) …')
  execFileSync('npm', ['run', 'build', '--workspace', '@renewal-atlas/web'], { cwd: root, stdio: 'inherit' })
}

await import('../apps/api/src/main.ts')

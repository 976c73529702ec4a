// `atlas export` and `atlas import`: the API's exports and imports from a terminal or a script. They talk to a
// running Renewal Atlas over HTTP (so they work while `npm start` holds the embedded database, and the same
// permissions apply), show progress bars on a terminal, and exit with codes a script can trust: an export is
// written to a temporary name and renamed only when complete; an import writes nothing unless --commit is given
// and every feature passed (or --skip-invalid).
import { createHash } from 'node:crypto'
import { createWriteStream, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  exportCrs,
  exportFormat,
  exportLayer,
  FEATURE_COUNT_HEADER,
  IDEMPOTENCY_HEADER,
  type ImportRecord,
  type ImportUploadResponse,
  type ImportValidationReport,
  importCrs,
  importEncoding,
  importIssueCode,
  importReasonEnglish,
  importTarget,
} from '@renewal-atlas/domain'
import cliProgress from 'cli-progress'
import { CommandError, ImportRefusedError, UsageError } from './errors.ts'
import type { CliIo } from './io.ts'

export const EXCHANGE_OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  layers: { type: 'string' },
  format: { type: 'string' },
  crs: { type: 'string' },
  street: { type: 'string' },
  community: { type: 'string' },
  status: { type: 'string' },
  'on-register': { type: 'string' },
  'built-from': { type: 'string' },
  'built-to': { type: 'string' },
  bbox: { type: 'string' },
  area: { type: 'string' },
  near: { type: 'string' },
  radius: { type: 'string' },
  clip: { type: 'boolean' },
  'csv-geometry': { type: 'string' },
  bundle: { type: 'boolean' },
  name: { type: 'string' },
  file: { type: 'string' },
  target: { type: 'string' },
  encoding: { type: 'string' },
  mapping: { type: 'string' },
  lon: { type: 'string' },
  lat: { type: 'string' },
  wkt: { type: 'string' },
  commit: { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  report: { type: 'string' },
  'idempotency-key': { type: 'string' },
} as const

export const EXCHANGE_USAGE = `  export --layers <layer[,layer]> [--format <format>] [--crs <crs>] [--out <file>] [--bundle] [--name <name>]
         [--street <code>] [--community <code>] [--status <s,s>] [--on-register true|false]
         [--built-from <year>] [--built-to <year>] [--bbox <minLon,minLat,maxLon,maxLat> | --area <polygon.geojson> |
          --near <compound id> [--radius <m>]] [--clip] [--csv-geometry wkt|lonlat]
      Download an export from the running server (--url or ATLAS_URL, default this machine's PORT or 3000; a token from
      ATLAS_TOKEN or --token when public read is off). One layer is one file; several layers, or --bundle, one zip
      with README.md and metadata.json. Layers: ${exportLayer.values.join(', ')}.
      Formats: ${exportFormat.values.join(', ')}. CRS: ${exportCrs.values.join(', ')} (DXF: 4544 or 4523).
  import --file <path> --target <${importTarget.values.join('|')}> [--crs <crs>] [--encoding <enc>] [--mapping <json file>]
         [--lon <column> --lat <column> | --wkt <column>] [--report <report.json>] [--commit] [--skip-invalid]
      Upload a survey file (GeoJSON, zipped Shapefile or CSV), print how it was read and the validation report.
      Without --commit nothing is written. With --commit the import is written in one transaction, refused
      (exit 3) if any feature is invalid unless --skip-invalid. Needs a token (ATLAS_TOKEN or --token) of a user
      who may import. CRS: ${importCrs.values.join(', ')}. Encodings: ${importEncoding.values.join(', ')}.
`

type Values = {
  [K in keyof typeof EXCHANGE_OPTIONS]?: (typeof EXCHANGE_OPTIONS)[K]['type'] extends 'boolean'
    ? boolean
    : string
} & { out?: string }

/** A path as the user typed it: `npm run` starts scripts in the project folder, INIT_CWD is where they were. */
function userPath(io: CliIo, file: string): string {
  return path.resolve(io.env.INIT_CWD ?? process.cwd(), file)
}

// ---------------------------------------------------------------------------------------------------------------
// export

export async function exportCommand(values: Values, io: CliIo): Promise<void> {
  const layers = (values.layers ?? '').split(',').filter(Boolean)
  if (!layers.length) throw new UsageError('--layers is required, e.g. --layers compounds,buildings')
  const query = new URLSearchParams()
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined) query.set(name, value)
  }
  set('format', values.format)
  set('crs', values.crs)
  set('street', values.street)
  set('community', values.community)
  set('status', values.status)
  set('onRegister', values['on-register'])
  set('builtFrom', values['built-from'])
  set('builtTo', values['built-to'])
  set('bbox', values.bbox)
  set('near', values.near)
  set('radius', values.radius)
  set('csvGeometry', values['csv-geometry'])
  if (values.clip) query.set('clip', 'true')
  if (values.area) {
    if (!existsSync(userPath(io, values.area))) throw new UsageError(`--area ${values.area}: no such file`)
    query.set('area', readFileSync(userPath(io, values.area), 'utf8').trim())
  }
  const bundle = values.bundle || layers.length > 1
  let urlPath: string
  if (bundle) {
    query.set('layers', layers.join(','))
    set('name', values.name)
    urlPath = '/api/v1/exports/bundle'
  } else {
    urlPath = `/api/v1/exports/${encodeURIComponent(layers[0] ?? '')}`
  }

  const response = await request(io, values, `${urlPath}?${query}`)
  const total = Number(response.headers.get(FEATURE_COUNT_HEADER) ?? Number.NaN)
  const fileName = fileNameOf(response.headers.get('Content-Disposition')) ?? 'export'
  const out = userPath(io, values.out ?? fileName)
  const partial = `${out}.partial`
  const textual = !bundle && !['shapefile', 'dxf'].includes(values.format ?? 'geojson')
  const bar = progressBar(io, textual ? 'features' : 'kB', textual && Number.isFinite(total) ? total : 0)
  let lines = 0
  let bytes = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      if (textual) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1
        bar?.update(Math.min(lines, total))
      } else bar?.update(Math.round(bytes / 1024))
      done(null, chunk)
    },
  })
  try {
    if (!response.body) throw new CommandError('the server sent no body')
    await pipeline(Readable.fromWeb(response.body as never), counter, createWriteStream(partial))
    renameSync(partial, out)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error instanceof CommandError
      ? error
      : new CommandError(`export cut short: ${(error as Error).message}`)
  } finally {
    bar?.stop()
  }
  const count = Number.isFinite(total) ? `${total.toLocaleString('en')} features, ` : ''
  io.out(`wrote ${out} (${count}${(bytes / 1024 / 1024).toFixed(1)} MB)`)
}

// ---------------------------------------------------------------------------------------------------------------
// import

export async function importCommand(values: Values, io: CliIo): Promise<void> {
  if (!values.file) throw new UsageError('--file <path> is required')
  if (!values.target) throw new UsageError(`--target is required: ${importTarget.values.join(', ')}`)
  const file = userPath(io, values.file)
  if (!existsSync(file)) throw new CommandError(`${values.file}: no such file`)
  const bytes = readFileSync(file)
  const options = {
    target: values.target,
    crs: values.crs ?? 'auto',
    encoding: values.encoding ?? 'auto',
    skipInvalid: Boolean(values['skip-invalid']),
    ...(values.mapping ? { mapping: readJson(io, values.mapping, '--mapping') } : {}),
    ...(values.lon ? { lonColumn: values.lon } : {}),
    ...(values.lat ? { latColumn: values.lat } : {}),
    ...(values.wkt ? { wktColumn: values.wkt } : {}),
  }
  // The same file with the same options makes the same key: running the command again never imports twice.
  const key =
    values['idempotency-key'] ??
    `cli-${createHash('sha256').update(bytes).update(JSON.stringify(options)).digest('hex').slice(0, 40)}`

  const fileName = path.basename(file)
  const uploaded = (await (
    await request(io, values, `/api/v1/imports?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', [IDEMPOTENCY_HEADER]: key },
      body: bytes,
    })
  ).json()) as ImportUploadResponse
  const { analysis } = uploaded
  // The same file with the same options was sent before (the key is made from them): say what became of it.
  if (uploaded.import.status === 'committed') {
    io.out(
      `${fileName} was imported already as import ${uploaded.import.id} ` +
        `(${uploaded.import.counts.created} ${uploaded.import.target} created); nothing written again`,
    )
    return
  }
  if (uploaded.import.status === 'rolled_back') {
    throw new CommandError(
      `${fileName} was imported as import ${uploaded.import.id} and rolled back; to import it again, ` +
        'give a new --idempotency-key',
    )
  }
  io.out(
    `${fileName}: ${analysis.format}, ${analysis.featureCount} features, columns ${analysis.columns.join(', ')}`,
  )
  io.out(
    `coordinate system: ${analysis.detectedCrs ?? 'not detected'} (${importReasonEnglish(analysis.crsReason)})`,
  )
  if (analysis.detectedEncoding) io.out(`text encoding: ${analysis.detectedEncoding}`)

  const report = (await (
    await request(io, values, `/api/v1/imports/${uploaded.import.id}/validate`, jsonPost(options))
  ).json()) as ImportValidationReport
  printReport(io, report)
  if (values.report) {
    writeFileSync(userPath(io, values.report), `${JSON.stringify(report, null, 2)}\n`)
    io.out(`report written to ${values.report}`)
  }
  const refused = report.counts.invalid > 0 && !options.skipInvalid
  if (!values.commit) {
    io.out(`import ${uploaded.import.id} checked; nothing written (add --commit to import)`)
    if (refused) throw new ImportRefusedError('invalid features')
    return
  }
  if (refused) {
    io.err(
      `atlas: ${report.counts.invalid} invalid feature(s): nothing written (fix them, or add --skip-invalid)`,
    )
    throw new ImportRefusedError('invalid features')
  }
  const record = (await (
    await request(io, values, `/api/v1/imports/${uploaded.import.id}/commit`, {
      ...jsonPost(options),
      headers: { ...jsonPost(options).headers, [IDEMPOTENCY_HEADER]: `${key}-commit` },
    })
  ).json()) as ImportRecord
  io.out(
    `import ${record.id} committed: ${record.counts.created} ${record.target} created` +
      (record.counts.skipped ? `, ${record.counts.skipped} skipped` : ''),
  )
}

function printReport(io: CliIo, report: ImportValidationReport): void {
  const { counts } = report
  io.out(
    `checked ${counts.features} features: ${counts.valid} valid, ${counts.warning} with warnings, ${counts.invalid} invalid`,
  )
  for (const [code, n] of Object.entries(report.issueCounts)) {
    const label = importIssueCode.labels[code as keyof typeof importIssueCode.labels]
    io.out(`  ${n} × ${code}${label ? ` (${label.zh} ${label.en})` : ''}`)
  }
  const shown = report.features.filter((f) => f.issues.length).slice(0, 20)
  for (const feature of shown) {
    for (const issue of feature.issues) {
      io.out(
        `  #${feature.n}${feature.code ? ` ${feature.code}` : ''}: ${issue.severity} ${issue.code}` +
          `${issue.field ? ` [${issue.field}]` : ''}: ${importReasonEnglish(issue, report.target)}`,
      )
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

/** --url, else ATLAS_URL, else the server `npm start` runs on this machine (its PORT, 3000 by default). */
function baseUrl(io: CliIo, values: Values): string {
  const local = `http://127.0.0.1:${io.env.PORT || 3000}`
  return (values.url ?? io.env.ATLAS_URL ?? local).replace(/\/$/, '')
}

function jsonPost(body: unknown): RequestInit & { headers: Record<string, string> } {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
}

/** A request with the bearer token; a refusal becomes a CommandError with the problem's detail and fields. */
async function request(
  io: CliIo,
  values: Values,
  urlPath: string,
  init: RequestInit = {},
): Promise<Response> {
  const token = values.token ?? io.env.ATLAS_TOKEN
  const headers = new Headers(init.headers)
  if (token) headers.set('Authorization', `Bearer ${token}`)
  let response: Response
  try {
    response = await fetch(`${baseUrl(io, values)}${urlPath}`, { ...init, headers })
  } catch (error) {
    throw new CommandError(
      `cannot reach ${baseUrl(io, values)} (${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}); ` +
        'is the server running? Set ATLAS_URL or --url',
    )
  }
  if (response.ok) return response
  const text = await response.text()
  let message = `${response.status} ${response.statusText}`
  try {
    const problem = JSON.parse(text) as { detail?: string; errors?: { name: string; reason: string }[] }
    message = `${response.status}: ${problem.detail ?? message}`
    const fields = (problem.errors ?? []).map((e) => `${e.name}: ${e.reason}`)
    if (fields.length && !problem.detail?.includes(fields[0] ?? '')) message += ` (${fields.join('; ')})`
  } catch {
    // not problem+json: the status says it
  }
  if (response.status === 401) message += ' — send a token with ATLAS_TOKEN or --token'
  throw new CommandError(message)
}

function fileNameOf(disposition: string | null): string | undefined {
  return disposition?.match(/filename="([^"]+)"/)?.[1]
}

function readJson(io: CliIo, file: string, option: string): unknown {
  try {
    return JSON.parse(readFileSync(userPath(io, file), 'utf8'))
  } catch (error) {
    throw new UsageError(`${option} ${file}: ${(error as Error).message}`)
  }
}

/** A bar on standard error when it is a terminal; scripts and CI logs get only the final line. */
function progressBar(io: CliIo, unit: string, total: number): cliProgress.SingleBar | undefined {
  if (!io.progress) return undefined
  const bar = new cliProgress.SingleBar(
    {
      stream: io.progress,
      format: total ? `{bar} {percentage}% | {value}/{total} ${unit}` : `{value} ${unit}`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0)
  return bar
}

// Validation of an upload, feature by feature, with nothing written: first the file-side checks of
// @renewal-atlas/exchange (attributes against the target's rules, geometry type and coordinate sanity, codes
// repeated in the file) on geometry converted to WGS84 in JS, then the database's checks (PostGIS validity, the
// district, codes taken, the parent record, the planner's streets). The same function runs for the validation
// report and again, authoritatively, inside the commit's transaction.
import {
  type FieldMapping,
  geosProblemOf,
  type ImportFeatureReport,
  type ImportIssue,
  type ImportIssueCode,
  type ImportTarget,
  type ImportValidationReport,
  issueOf,
  MAX_REPORTED_FEATURES,
  ReasonCodeTaken,
  ReasonEmptyGeometry,
  ReasonNoParentAtLocation,
  ReasonNotConvertible,
  ReasonNulCharacter,
  ReasonOutsideDistrict,
  ReasonOutsideUserStreets,
  ReasonOverlapsBuilding,
  ReasonParentCodeUnknown,
  ReasonPartlyOutsideDistrict,
  ReasonPostgisInvalid,
  ReasonPostgisUnreadable,
  type SourceCrs,
} from '@renewal-atlas/domain'
import {
  checkGeometry,
  duplicateCodes,
  type Geometry,
  mapAttributes,
  type SourceDataset,
  toWgs84,
} from '@renewal-atlas/exchange'
import type { CheckResult, GeometryVerdict, ImportCheckRepository } from './import-check.repository.ts'

type Value = string | number | boolean | null

/** A feature after every check: its mapped values, WGS84 geometry, parent and issues. */
export interface CheckedFeature {
  n: number
  code: string | null
  name: string | null
  values: Record<string, Value>
  /** In WGS84; a one-part MultiPolygon is already its polygon. */
  wgs84: Geometry | null
  /** Community (compounds) or compound (buildings) it will belong to. */
  parentId: number | null
  status: ImportFeatureReport['status']
  issues: ImportIssue[]
}

export interface Validation {
  features: CheckedFeature[]
  counts: ImportValidationReport['counts']
  issueCounts: Record<string, number>
}

export interface ValidationInput {
  target: ImportTarget
  crs: SourceCrs
  mapping: FieldMapping
  /** The planner's streets (ids) when the import is area-limited; null for everywhere. */
  streetIds: number[] | null
}

/** Issues about the geometry: when one is an error, the geometry is not sent to the database. */
const GEOMETRY_ISSUES = new Set<ImportIssueCode>([
  'invalid_geometry',
  'missing_geometry',
  'wrong_geometry_type',
  'too_many_vertices',
  'swapped_coordinates',
  'wrong_crs',
])

/** The field naming the parent record of each target. */
const PARENT_FIELD: Record<ImportTarget, string | null> = {
  compounds: 'communityCode',
  buildings: 'compoundCode',
  facilities: null,
}

const text = (value: Value | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : String(value)

export async function validateFeatures(
  dataset: SourceDataset,
  input: ValidationInput,
  checks: ImportCheckRepository,
): Promise<Validation> {
  const { target, crs, mapping } = input
  const features = dataset.features.map((source): CheckedFeature => {
    const attributes = mapAttributes(source, target, mapping)
    const issues = [...source.issues, ...attributes.issues, ...dropNulText(attributes.values)]
    let wgs84: Geometry | null = null
    if (source.geometry) {
      try {
        wgs84 = toWgs84(source.geometry, crs)
      } catch (cause) {
        issues.push(issueOf(ReasonNotConvertible, { crs }, { detail: messageOf(cause) }))
      }
    }
    issues.push(...checkGeometry(source.geometry, wgs84, target, crs))
    return {
      n: source.n,
      code: text(attributes.values.code),
      name: text(attributes.values.name),
      values: attributes.values,
      wgs84: wgs84 && asSinglePolygon(wgs84),
      parentId: null,
      status: 'valid',
      issues,
    }
  })

  const repeats = duplicateCodes(features.map(({ n, code }) => ({ n, code })))
  for (const feature of features) {
    const repeat = repeats.get(feature.n)
    if (repeat) feature.issues.push(repeat)
  }

  const parentField = PARENT_FIELD[target]
  const results = await checks.check(
    target,
    features.map((feature) => ({
      n: feature.n,
      code: feature.code,
      parentCode: parentField ? text(feature.values[parentField]) : null,
      geojson: feature.wgs84 && !hasGeometryError(feature.issues) ? JSON.stringify(feature.wgs84) : null,
    })),
  )
  const byN = new Map(results.map((result) => [result.n, result]))
  for (const feature of features) {
    const result = byN.get(feature.n)
    if (result) {
      feature.issues.push(...databaseIssues(feature, result, input))
      feature.parentId = result.parentId
    }
    feature.status = statusOf(feature.issues)
  }
  return summarise(features)
}

/** What the database found, as issues. */
function databaseIssues(feature: CheckedFeature, result: CheckResult, input: ValidationInput): ImportIssue[] {
  const { target, streetIds } = input
  const issues: ImportIssue[] = []
  if (result.verdict !== null) issues.push(verdictIssue(result.verdict))
  if (result.district === 'outside') issues.push(issueOf(ReasonOutsideDistrict, {}))
  else if (result.district === 'partly') issues.push(issueOf(ReasonPartlyOutsideDistrict, {}))
  if (result.codeExists && feature.code !== null) {
    issues.push(issueOf(ReasonCodeTaken, { field: 'code', value: feature.code, target }))
  }
  const parentField = PARENT_FIELD[target]
  const parentCode = parentField ? text(feature.values[parentField]) : null
  const placed = result.district === 'inside' || result.district === 'partly'
  if (parentField && result.parentId === null) {
    if (parentCode !== null) {
      issues.push(issueOf(ReasonParentCodeUnknown, { field: parentField, value: parentCode, target }))
    } else if (placed) {
      issues.push(issueOf(ReasonNoParentAtLocation, { field: parentField, target }))
    }
  }
  // A feature without its parent is refused already; its street is unknown.
  if (streetIds !== null && !(parentField && result.parentId === null)) {
    const outside = result.streetId === null ? placed : !streetIds.includes(result.streetId)
    if (outside) issues.push(issueOf(ReasonOutsideUserStreets, { target }))
  }
  for (const overlap of result.overlaps) {
    issues.push(
      issueOf(ReasonOverlapsBuilding, {
        existingCode: overlap.code,
        overlapM2: Math.round(overlap.m2 * 10) / 10,
        share: overlap.ownM2 > 0 ? Math.round((100 * overlap.m2) / overlap.ownM2) : 100,
      }),
    )
  }
  return issues
}

/** PostGIS's verdict as an issue: its own words stay the detail, the place they name the location. */
function verdictIssue(verdict: GeometryVerdict): ImportIssue {
  switch (verdict.kind) {
    case 'invalid': {
      const problem = geosProblemOf(verdict.reason)
      return issueOf(ReasonPostgisInvalid, problem ? { problem } : {}, {
        detail: verdict.reason,
        ...(verdict.location ? { location: verdict.location } : {}),
      })
    }
    case 'empty':
      return issueOf(ReasonEmptyGeometry, {})
    case 'unreadable':
      return issueOf(ReasonPostgisUnreadable, {}, { detail: verdict.message })
  }
}

/** PostgreSQL text cannot hold NUL: a value with one is refused here (and emptied) rather than failing in SQL. */
function dropNulText(values: Record<string, Value>): ImportIssue[] {
  const issues: ImportIssue[] = []
  for (const [field, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.includes('\u0000')) {
      values[field] = null
      issues.push(issueOf(ReasonNulCharacter, { field }))
    }
  }
  return issues
}

function hasGeometryError(issues: ImportIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error' && GEOMETRY_ISSUES.has(issue.code))
}

function statusOf(issues: ImportIssue[]): CheckedFeature['status'] {
  if (issues.some((issue) => issue.severity === 'error')) return 'invalid'
  return issues.length ? 'warning' : 'valid'
}

/** A one-part MultiPolygon is stored as its polygon; anything else stays as it is (checkGeometry judged it). */
function asSinglePolygon(geometry: Geometry): Geometry {
  if (
    geometry.type === 'MultiPolygon' &&
    Array.isArray(geometry.coordinates) &&
    geometry.coordinates.length === 1
  ) {
    return { type: 'Polygon', coordinates: geometry.coordinates[0] }
  }
  return geometry
}

function summarise(features: CheckedFeature[]): Validation {
  const counts = { features: features.length, valid: 0, warning: 0, invalid: 0 }
  const issueCounts: Record<string, number> = {}
  for (const feature of features) {
    counts[feature.status] += 1
    for (const issue of feature.issues) issueCounts[issue.code] = (issueCounts[issue.code] ?? 0) + 1
  }
  return { features, counts, issueCounts }
}

/** The report of a validation: features with issues first, at most MAX_REPORTED_FEATURES, and their preview. */
export function validationReport(
  importId: number,
  reading: Pick<ImportValidationReport, 'target' | 'crs' | 'encoding' | 'mapping'>,
  validation: Validation,
): ImportValidationReport {
  const rank = { invalid: 0, warning: 1, valid: 2 } as const
  const listed = [...validation.features]
    .sort((a, b) => rank[a.status] - rank[b.status] || a.n - b.n)
    .slice(0, MAX_REPORTED_FEATURES)
  return {
    importId,
    ...reading,
    counts: validation.counts,
    issueCounts: validation.issueCounts,
    features: listed.map(({ n, code, status, issues }) => ({ n, code, status, issues })),
    preview: {
      type: 'FeatureCollection',
      features: listed
        .filter((feature) => feature.wgs84 !== null)
        .map((feature) => ({
          type: 'Feature',
          geometry: feature.wgs84,
          properties: { n: feature.n, status: feature.status, code: feature.code, name: feature.name },
        })),
    },
  }
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

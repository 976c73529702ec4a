import {
  ReasonNotACode,
  ReasonNotANumber,
  ReasonNotWholeNumber,
  ReasonNotYesNo,
  ReasonOutsideRange,
  ReasonRenovationYearMissing,
  ReasonRenovationYearNotCompleted,
  ReasonRequiredEmpty,
  ReasonRequiredNotMapped,
} from '@renewal-atlas/domain'
import { describe, expect, it } from 'vitest'
import type { SourceFeature } from '../types.ts'
import { mapAttributes } from './attributes.ts'

const feature = (properties: Record<string, unknown>): SourceFeature => ({
  n: 1,
  geometry: null,
  properties: Object.assign(Object.create(null), properties),
  issues: [],
})

/** Maps every given column onto the field of the same name. */
const identity = (properties: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(properties).map((k) => [k, k]))

const map = (target: 'compounds' | 'buildings' | 'facilities', properties: Record<string, unknown>) =>
  mapAttributes(feature(properties), target, identity(properties))

describe('coercing values', () => {
  it('reads numbers from numbers and numeric text, thousands separators included', () => {
    const { values, issues } = map('compounds', {
      code: 'WFY',
      name: '五福苑',
      households: ' 1,234 ',
      floorAreaM2: '56789.5',
      builtYear: 1988,
    })
    expect(issues).toEqual([])
    expect(values).toMatchObject({ households: 1234, floorAreaM2: 56789.5, builtYear: 1988 })
  })

  it.each([
    ['是', true],
    ['否', false],
    ['有', true],
    ['无', false],
    ['Yes', true],
    ['no', false],
    ['1', true],
    ['0', false],
    [true, true],
    ['TRUE', true],
  ])('reads %j as %s', (raw, expected) => {
    expect(map('buildings', { code: 'B1', hasLift: raw }).values.hasLift).toBe(expected)
  })

  it('reads coded values from the code or its Chinese or English label', () => {
    expect(map('buildings', { code: 'B1', structure: '砖混' }).values.structure).toBe('brick_concrete')
    expect(map('buildings', { code: 'B1', structure: 'Frame' }).values.structure).toBe('frame')
    expect(map('buildings', { code: 'B1', structure: 'shear_wall' }).values.structure).toBe('shear_wall')
  })

  it('trims text and leaves unmapped fields out', () => {
    const { values } = mapAttributes(feature({ bm: '  B1 ', other: 'x' }), 'buildings', {
      code: 'bm',
      name: null,
    })
    expect(values).toEqual({ code: 'B1' })
  })

  it('gives mapped but empty cells as null', () => {
    expect(map('buildings', { code: 'B1', storeys: '' }).values).toEqual({ code: 'B1', storeys: null })
  })
})

describe('issues', () => {
  it('reports a required field that is unmapped or empty as missing_attribute', () => {
    const { issues } = mapAttributes(feature({ mc: '  ' }), 'facilities', { name: 'mc' })
    expect(issues.map((i) => [i.code, i.field, i.reason])).toEqual([
      ['missing_attribute', 'code', ReasonRequiredNotMapped],
      ['missing_attribute', 'name', ReasonRequiredEmpty],
      ['missing_attribute', 'facilityType', ReasonRequiredNotMapped],
    ])
    expect(issues[1]?.params).toEqual({ field: 'name', column: 'mc' })
  })

  it('reports text where a number belongs, and fractions where a whole number belongs, as invalid_value', () => {
    const { issues, values } = map('buildings', { code: 'B1', storeys: '六', households: '12.5' })
    expect(issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        field: 'storeys',
        reason: ReasonNotANumber,
        params: { field: 'storeys', value: '六' },
      },
      {
        code: 'invalid_value',
        severity: 'error',
        field: 'households',
        reason: ReasonNotWholeNumber,
        params: { field: 'households', value: '12.5' },
      },
    ])
    expect(values.storeys).toBeNull()
  })

  it('reports an unknown code with the allowed ones', () => {
    const [issue] = map('buildings', { code: 'B1', structure: '别墅' }).issues
    expect(issue).toMatchObject({ code: 'invalid_value', reason: ReasonNotACode })
    expect(issue?.params).toEqual({
      field: 'structure',
      value: '别墅',
      allowed: ['brick_concrete', 'brick_wood', 'frame', 'shear_wall', 'frame_shear_wall'],
    })
  })

  it('reports a word that is not yes or no', () => {
    expect(map('buildings', { code: 'B1', hasLift: 'maybe' }).issues[0]).toMatchObject({
      code: 'invalid_value',
      reason: ReasonNotYesNo,
      params: { field: 'hasLift', value: 'maybe' },
    })
  })

  it('reports values outside the field’s range as out_of_range', () => {
    const { issues } = map('compounds', { code: 'C1', name: '五福苑', floorAreaM2: -5, builtYear: '2150' })
    expect(issues.map((i) => [i.code, i.reason, i.params])).toEqual([
      [
        'out_of_range',
        ReasonOutsideRange,
        { field: 'builtYear', value: 2150, min: 1900, max: 2100, unit: 'year' },
      ],
      [
        'out_of_range',
        ReasonOutsideRange,
        { field: 'floorAreaM2', value: -5, min: 0, max: 10_000_000, unit: 'm2' },
      ],
    ])
    expect(map('buildings', { code: 'B1', storeys: 0 }).issues[0]?.params).toEqual({
      field: 'storeys',
      value: 0,
      min: 1,
      max: 200,
    })
  })

  it('requires a renovation year exactly when the renovation is completed', () => {
    const base = { code: 'C1', name: '五福苑' }
    expect(
      map('compounds', { ...base, renovationStatus: '已完成改造', renovationYear: 2021 }).issues,
    ).toEqual([])
    expect(map('compounds', { ...base, renovationStatus: 'completed' }).issues).toMatchObject([
      { code: 'invalid_value', field: 'renovationYear', reason: ReasonRenovationYearMissing },
    ])
    expect(
      map('compounds', { ...base, renovationStatus: 'planned', renovationYear: 2021 }).issues,
    ).toMatchObject([
      {
        code: 'invalid_value',
        field: 'renovationYear',
        reason: ReasonRenovationYearNotCompleted,
        params: { field: 'renovationYear', year: 2021, status: 'planned' },
      },
    ])
    expect(map('compounds', { ...base, renovationYear: 2021 }).issues[0]?.params).toMatchObject({
      status: null,
    })
  })

  it('reads only the feature’s own properties', () => {
    const { issues } = mapAttributes(feature({}), 'buildings', { code: 'toString' })
    expect(issues.map((i) => i.code)).toEqual(['missing_attribute'])
  })
})

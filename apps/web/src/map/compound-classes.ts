// The compound status classes: one table that the map's fill colour and the legend are both built from.
import type { RenovationStatus } from '@renewal-atlas/domain'
import type { ExpressionSpecification } from 'maplibre-gl'
import type { MessageKey } from '../i18n/messages.ts'

export type CompoundClassKey = 'not_old' | RenovationStatus

export interface CompoundClass {
  key: CompoundClassKey
  labelKey: MessageKey
  colour: string
  /** The feature properties a compound must have to fall in the class. */
  where: { onOldRegister: boolean; renovationStatus?: RenovationStatus }
}

/**
 * Old compounds by status, then the rest. Colours are from the Okabe–Ito palette, which stays
 * distinguishable under the common colour-vision deficiencies; the neutral grey marks compounds
 * that are not on the old-compound register (老旧小区台账).
 */
export const compoundClasses: readonly CompoundClass[] = [
  {
    key: 'not_planned',
    labelKey: 'class.not_planned',
    colour: '#D55E00',
    where: { onOldRegister: true, renovationStatus: 'not_planned' },
  },
  {
    key: 'planned',
    labelKey: 'class.planned',
    colour: '#E69F00',
    where: { onOldRegister: true, renovationStatus: 'planned' },
  },
  {
    key: 'under_way',
    labelKey: 'class.under_way',
    colour: '#56B4E9',
    where: { onOldRegister: true, renovationStatus: 'under_way' },
  },
  {
    key: 'completed',
    labelKey: 'class.completed',
    colour: '#009E73',
    where: { onOldRegister: true, renovationStatus: 'completed' },
  },
  { key: 'not_old', labelKey: 'class.not_old', colour: '#BDBDBD', where: { onOldRegister: false } },
]

/** Drawn for a compound no class matches; the class table covers every valid record, so it should not show. */
export const unclassifiedColour = '#000000'

export interface ClassifiableCompound {
  onOldRegister: boolean
  renovationStatus: RenovationStatus
}

export function classifyCompound(compound: ClassifiableCompound): CompoundClass | undefined {
  return compoundClasses.find(
    ({ where }) =>
      where.onOldRegister === compound.onOldRegister &&
      (where.renovationStatus === undefined || where.renovationStatus === compound.renovationStatus),
  )
}

/** How many compounds fall in each class, every class present (zero when empty). */
export function countByClass(compounds: Iterable<ClassifiableCompound>): Map<CompoundClassKey, number> {
  const counts = new Map<CompoundClassKey, number>(compoundClasses.map((c) => [c.key, 0]))
  for (const compound of compounds) {
    const cls = classifyCompound(compound)
    if (cls) counts.set(cls.key, (counts.get(cls.key) ?? 0) + 1)
  }
  return counts
}

function classCondition({ where }: CompoundClass): ExpressionSpecification {
  const onRegister: ExpressionSpecification = ['==', ['get', 'onOldRegister'], where.onOldRegister]
  if (where.renovationStatus === undefined) return onRegister
  return ['all', onRegister, ['==', ['get', 'renovationStatus'], where.renovationStatus]]
}

/** The `fill-color` of the `compounds-fill` layer: a `case` over the same conditions `classifyCompound` applies. */
export function compoundFillColour(): ExpressionSpecification {
  const branches = compoundClasses.flatMap((cls) => [classCondition(cls), cls.colour])
  return ['case', ...branches, unclassifiedColour] as ExpressionSpecification
}

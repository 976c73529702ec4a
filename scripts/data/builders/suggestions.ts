// Residents' suggestions (居民意见) of Wufuyuan's evening talks (五福夜话): 288 collected, 192 agreed, 160 taken
// into the project, as in the case.
import type {
  ItemType,
  ProjectRecord,
  SuggestionChannel,
  SuggestionProperties,
  SuggestionStatus,
} from '@renewal-atlas/domain'
import { WUFUYUAN } from '../case-study.ts'
import { SUGGESTION_TEXT } from '../catalogue.ts'
import { type Feature, feature, type Point, pointGeom } from '../dataset.ts'
import { dateBetween } from '../dates.ts'
import { subQuad } from '../geo.ts'
import { stream } from '../random.ts'
import type { CompoundDraft } from './compound-draft.ts'

export function buildSuggestions(
  wfy: CompoundDraft,
  project: ProjectRecord,
): Feature<SuggestionProperties, Point>[] {
  const r = stream('suggestions')
  const projectTypes = [...new Set(project.items.map((i) => i.itemType))]
  const otherTypes: ItemType[] = [
    'lighting',
    'greening',
    'barrier_free',
    'elderly_service',
    'lift',
    'fire_safety',
  ]
  const nProject = 160
  const nConsensus = WUFUYUAN.consensus - nProject
  const nCollected = WUFUYUAN.suggestions - WUFUYUAN.consensus
  const plan: { status: SuggestionStatus; category: ItemType }[] = []
  for (let k = 0; k < nProject; k++)
    plan.push({ status: 'project', category: projectTypes[k % projectTypes.length] as ItemType })
  for (let k = 0; k < nConsensus; k++)
    plan.push({ status: 'consensus', category: otherTypes[k % otherTypes.length] as ItemType })
  for (let k = 0; k < nCollected; k++)
    plan.push({ status: 'collected', category: r.chance(0.5) ? r.pick(projectTypes) : r.pick(otherTypes) })
  const ordered = r.shuffle(plan)
  const q = wfy.plot.quad
  return ordered.map((s, k) => {
    const channel = r.weighted<SuggestionChannel>(
      ['night_talk', 'hearing', 'home_visit', 'phone', 'questionnaire'],
      [80, 5, 7, 3, 5],
    )
    const texts = SUGGESTION_TEXT[s.category] ?? ['希望改善小区环境']
    const text = r.pick(texts).replaceAll('{b}', `${r.int(1, WUFUYUAN.buildings)}栋`)
    return feature<SuggestionProperties, Point>(
      {
        code: `S${wfy.code.slice(1)}-${String(k + 1).padStart(3, '0')}`,
        compoundCode: wfy.code,
        channel,
        text,
        category: s.category,
        status: s.status,
        projectCode: s.status === 'project' ? project.code : null,
        submittedDate: dateBetween(r, '2019-03-01', '2020-05-31'),
        synthetic: true,
      },
      pointGeom(subQuad(q, r.range(0.05, 0.95), 0, r.range(0.05, 0.95), 0)[0]),
    )
  })
}

// The district's renovation target (改造目标): one synthetic demo setting.
import { JINJIANG_FACTS, type RenovationTargetRecord } from '@renewal-atlas/domain'

/** The demo's one renovation target, a synthetic setting: the whole register renovated by the end of 2027. */
export const DEMO_TARGET = {
  year: 2027,
  oldCompoundShare: 1,
  name: '2027年底前完成清单内全部老旧小区改造（演示目标）',
  nameEn: 'All register compounds renovated by the end of 2027 (demo target)',
} as const

export function buildTargets(): RenovationTargetRecord[] {
  return [{ districtCode: JINJIANG_FACTS.districtCode, ...DEMO_TARGET, synthetic: true }]
}

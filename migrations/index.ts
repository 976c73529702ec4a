// The ordered list of migrations. Imported statically (not discovered on disk) so the same list runs
// under tsx, vitest and any bundler, on both database backends.
import type { Knex } from 'knex'
import * as administrativeAreas from './20261126_0001_administrative_areas.ts'
import * as compoundsAndBuildings from './20261126_0002_compounds_and_buildings.ts'
import * as roadsAndFacilities from './20261126_0003_roads_and_facilities.ts'
import * as renovationProjects from './20261126_0004_renovation_projects.ts'
import * as plansAndMeasures from './20261126_0005_plans_and_measures.ts'
import * as findingsAndSuggestions from './20261126_0006_findings_and_suggestions.ts'
import * as usersRolesAudit from './20261126_0007_users_roles_audit.ts'
import * as renovationTargets from './20261126_0008_renovation_targets.ts'
import * as accountsSessionsTokens from './20261126_0009_accounts_sessions_tokens.ts'
import * as compoundSoftDelete from './20261126_0010_compound_soft_delete.ts'
import * as imports from './20261127_0011_imports.ts'

export interface Migration {
  name: string
  up(knex: Knex): Promise<void>
  down(knex: Knex): Promise<void>
}

export const migrations: Migration[] = [
  { name: '20261126_0001_administrative_areas', ...administrativeAreas },
  { name: '20261126_0002_compounds_and_buildings', ...compoundsAndBuildings },
  { name: '20261126_0003_roads_and_facilities', ...roadsAndFacilities },
  { name: '20261126_0004_renovation_projects', ...renovationProjects },
  { name: '20261126_0005_plans_and_measures', ...plansAndMeasures },
  { name: '20261126_0006_findings_and_suggestions', ...findingsAndSuggestions },
  { name: '20261126_0007_users_roles_audit', ...usersRolesAudit },
  { name: '20261126_0008_renovation_targets', ...renovationTargets },
  { name: '20261126_0009_accounts_sessions_tokens', ...accountsSessionsTokens },
  { name: '20261126_0010_compound_soft_delete', ...compoundSoftDelete },
  { name: '20261127_0011_imports', ...imports },
]

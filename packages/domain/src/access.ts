// Who may do what: roles, permissions, the streets a role is limited to, and the one table of every API route.
// The API enforces this table in one middleware; the web app reads the same table to hide what a role cannot do.
import type { z } from 'zod'
import { labelledEnum, type RoleCode, roleCode } from './labels.ts'

/** admin 管理员, planner 规划人员, leadership 领导, design_institute 设计院, viewer 只读用户 (the roles table). */
export const role = roleCode
export type Role = RoleCode

export const permission = labelledEnum({
  read: { zh: '查看记录、地图和搜索', en: 'Read records, the map and search' },
  readStats: { zh: '查看统计看板', en: 'Read the dashboard statistics' },
  export: { zh: '下载与导出', en: 'Download and export' },
  editCompounds: { zh: '编辑小区', en: 'Edit compounds' },
  editFindings: { zh: '编辑体检问题', en: 'Edit health-check findings' },
  editSuggestions: { zh: '编辑居民意见', en: "Edit residents' suggestions" },
  editPlans: { zh: '编辑片区规划', en: 'Edit area plans' },
  import: { zh: '导入数据', en: 'Import data' },
  ownAccount: { zh: '管理本人账户（密码、令牌）', en: 'Manage own account (password, tokens)' },
  manageUsers: { zh: '管理用户', en: 'Manage users' },
  manageSettings: { zh: '管理设置', en: 'Manage settings' },
  viewAudit: { zh: '查看操作日志', en: 'View the audit log' },
  restoreDeleted: { zh: '恢复已删除记录', en: 'Restore deleted records' },
})
export type Permission = z.infer<typeof permission.schema>

const EDITS = ['editCompounds', 'editFindings', 'editSuggestions', 'editPlans'] as const

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: permission.values,
  planner: ['read', 'readStats', 'export', ...EDITS, 'import', 'ownAccount'],
  leadership: ['read', 'readStats', 'export', 'ownAccount'],
  design_institute: ['read', 'export', 'ownAccount'],
  viewer: ['read', 'readStats', 'ownAccount'],
}

/**
 * Permissions a role holds only inside the streets granted to the user: a planner edits and imports in their
 * streets; a design institute reads and exports only there. Other permissions of the role apply everywhere.
 */
export const AREA_LIMITED: Readonly<Partial<Record<Role, readonly Permission[]>>> = {
  planner: [...EDITS, 'import'],
  design_institute: ['read', 'export'],
}

/** What a visitor who has not signed in may do when the public-read setting is on. */
export const ANONYMOUS_PERMISSIONS: readonly Permission[] = ['read', 'readStats', 'export']

export function can(who: Role, what: Permission): boolean {
  return ROLE_PERMISSIONS[who].includes(what)
}

export function isAreaLimited(who: Role, what: Permission): boolean {
  return AREA_LIMITED[who]?.includes(what) ?? false
}

/**
 * `public`: anyone, signed in or not, whatever the public-read setting; `signedIn`: any signed-in user; a
 * permission: a user whose role holds it, or a visitor when it is one of ANONYMOUS_PERMISSIONS and public read
 * is on. `area: 'compound'`: the compound of the path's `{id}` must lie in the user's streets when the
 * permission is area-limited for the role.
 */
export interface RouteRule {
  permission: Permission | 'public' | 'signedIn'
  area?: 'compound' | 'none'
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type RouteKey = `${HttpMethod} /${string}`

const read = { permission: 'read' } as const
const readCompound = { permission: 'read', area: 'compound' } as const
const editCompound = { permission: 'editCompounds', area: 'compound' } as const
const stats = { permission: 'readStats' } as const
const own = { permission: 'ownAccount' } as const
const users = { permission: 'manageUsers' } as const
const anyone = { permission: 'public' } as const
const exportData = { permission: 'export' } as const
const importData = { permission: 'import' } as const

/** Every route of the API, keyed `METHOD /path` in OpenAPI path syntax. A route missing here is refused. */
export const ROUTE_ACCESS = {
  // service
  'GET /api/v1/health': anyone,
  'GET /api/v1/openapi.json': anyone,
  'GET /api/v1/docs': anyone,
  'GET /api/v1/docs/{file}': anyone,

  // accounts
  'POST /api/v1/auth/login': anyone,
  'POST /api/v1/auth/logout': { permission: 'signedIn' },
  'GET /api/v1/auth/session': anyone,
  'POST /api/v1/auth/password': own,
  'GET /api/v1/tokens': own,
  'POST /api/v1/tokens': own,
  'DELETE /api/v1/tokens/{id}': own,
  'GET /api/v1/users': users,
  'POST /api/v1/users': users,
  'GET /api/v1/users/{id}': users,
  'PATCH /api/v1/users/{id}': users,
  'POST /api/v1/users/{id}/password': users,
  'GET /api/v1/audit': { permission: 'viewAudit' },

  // administrative areas, roads and the map
  'GET /api/v1/district': read,
  'GET /api/v1/streets': read,
  'GET /api/v1/communities': read,
  'GET /api/v1/roads/dead-ends': read,
  'GET /api/v1/tiles/{layer}/{z}/{x}/{y}.mvt': read,
  'GET /api/v1/tiles/{layer}.json': read,
  'GET /api/v1/layers': read,

  // compounds: lists are narrowed to the user's streets when read is area-limited
  'GET /api/v1/compounds': read,
  'GET /api/v1/search/compounds': read,
  'GET /api/v1/compounds/{id}': readCompound,
  'GET /api/v1/compounds/{id}/buildings': readCompound,
  'GET /api/v1/compounds/{id}/projects': readCompound,
  'GET /api/v1/compounds/{id}/findings': readCompound,
  'GET /api/v1/compounds/{id}/suggestions': readCompound,
  'GET /api/v1/compounds/{id}/history': readCompound,
  'PATCH /api/v1/compounds/{id}': editCompound,
  'DELETE /api/v1/compounds/{id}': editCompound,
  'POST /api/v1/compounds/{id}/history/{entryId}/restore': editCompound,
  'GET /api/v1/deleted-compounds': { permission: 'restoreDeleted' },
  'POST /api/v1/compounds/{id}/undelete': { permission: 'restoreDeleted' },

  // statistics; the PDF report is the dashboard in print, so it needs what the dashboard needs
  'GET /api/v1/stats/coverage': stats,
  'GET /api/v1/stats/summary': stats,
  'GET /api/v1/stats/progress': stats,
  'GET /api/v1/stats/renovation-content': stats,
  'GET /api/v1/stats/funding': stats,
  'GET /api/v1/stats/build-era': stats,
  'GET /api/v1/stats/review-list': stats,
  'GET /api/v1/stats/settings': stats,
  'GET /api/v1/stats/report.pdf': stats,

  // data exchange: exports for design institutes (narrowed to their streets), imports of survey files
  'GET /api/v1/exports/bundle': exportData,
  'GET /api/v1/exports/{layer}': exportData,
  'GET /api/v1/exports/{layer}/metadata': exportData,
  'POST /api/v1/imports': importData,
  'GET /api/v1/imports': importData,
  'GET /api/v1/imports/{id}': importData,
  'POST /api/v1/imports/{id}/validate': importData,
  'POST /api/v1/imports/{id}/commit': importData,
  'POST /api/v1/imports/{id}/rollback': importData,

  // OGC API Features (Part 1, Core + GeoJSON) for GDAL and QGIS: the same reading rights as the map
  'GET /ogc': read,
  'GET /ogc/conformance': read,
  'GET /ogc/api': read,
  'GET /ogc/collections': read,
  'GET /ogc/collections/{collectionId}': read,
  'GET /ogc/collections/{collectionId}/items': read,
  'GET /ogc/collections/{collectionId}/items/{featureId}': read,
} as const satisfies Record<RouteKey, RouteRule>

export type RouteAccessKey = keyof typeof ROUTE_ACCESS

/** The rule of a route key, for code that builds the key at run time. */
export function routeRule(key: string): RouteRule | undefined {
  return (ROUTE_ACCESS as Record<string, RouteRule>)[key]
}

/** Whether a role may use a route at all, before any area check (for hiding what a role cannot do). */
export function roleMayUse(who: Role, key: RouteAccessKey): boolean {
  const { permission: needed } = ROUTE_ACCESS[key] as RouteRule
  return needed === 'public' || needed === 'signedIn' || can(who, needed)
}

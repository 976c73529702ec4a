// The pages of the app as routes over the location hash: the map (/), the dashboard, the import wizard, one's
// account and the administrators' pages. A new page is one route here (plus, if it needs one, its entry in the
// header or the account menu). The view's shared state is the root's search parameters (atlas-search.ts).
import type { QueryClient } from '@tanstack/react-query'
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Navigate,
  type RouterHistory,
} from '@tanstack/react-router'
import { AppShell } from '../app.tsx'
import {
  type AtlasSearch,
  atlasSearchSchema,
  parseAtlasSearch,
  stringifyAtlasSearch,
} from './atlas-search.ts'
import { DashboardRoute } from './dashboard-route.tsx'
import { MapRoute } from './map-route.tsx'

// The pages off the map are loaded when first opened: they are not needed to show the map.
const pageRoutes = () => import('./page-routes.tsx')

export interface RouterContext {
  queryClient: QueryClient
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  validateSearch: atlasSearchSchema,
  component: AppShell,
  // An unknown `view=` opens the map, as a malformed link always did.
  notFoundComponent: () => <Navigate to="/" search={(current: AtlasSearch) => current} replace />,
})

const parent = () => rootRoute

export const routeTree = rootRoute.addChildren([
  createRoute({ getParentRoute: parent, path: '/', component: MapRoute }),
  createRoute({ getParentRoute: parent, path: '/dashboard', component: DashboardRoute }),
  createRoute({
    getParentRoute: parent,
    path: '/imports',
    component: lazyRouteComponent(pageRoutes, 'ImportsRoute'),
  }),
  createRoute({
    getParentRoute: parent,
    path: '/account',
    component: lazyRouteComponent(pageRoutes, 'AccountRoute'),
  }),
  createRoute({
    getParentRoute: parent,
    path: '/users',
    component: lazyRouteComponent(pageRoutes, 'UsersRoute'),
  }),
  createRoute({
    getParentRoute: parent,
    path: '/audit',
    component: lazyRouteComponent(pageRoutes, 'AuditRoute'),
  }),
  createRoute({
    getParentRoute: parent,
    path: '/deleted',
    component: lazyRouteComponent(pageRoutes, 'DeletedRoute'),
  }),
])

export function createAtlasRouter(queryClient: QueryClient, history: RouterHistory) {
  return createRouter({
    routeTree,
    history,
    context: { queryClient },
    parseSearch: parseAtlasSearch,
    stringifySearch: stringifyAtlasSearch,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAtlasRouter>
  }
}

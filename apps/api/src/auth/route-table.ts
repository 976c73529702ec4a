// ROUTE_ACCESS compiled to matchers, and the routes an Express router really serves, so that the two can be
// compared: a request is matched to its rule by the same path syntax Express routes it with (path-to-regexp).
import { ROUTE_ACCESS, type RouteRule } from '@renewal-atlas/domain'
import type { Router } from 'express'
import { type MatchFunction, match } from 'path-to-regexp'

export interface CompiledRule {
  key: string
  method: string
  /** OpenAPI syntax: /api/v1/compounds/{id} */
  path: string
  rule: RouteRule
  matches: MatchFunction<Partial<Record<string, string>>>
}

export interface RuleMatch {
  rule: RouteRule
  key: string
  params: Partial<Record<string, string>>
}

/** `/compounds/{id}` → `/compounds/:id` (path-to-regexp, as Express routes are written). */
export const toExpressPath = (openApiPath: string): string => openApiPath.replace(/\{(\w+)\}/g, ':$1')

/** `/compounds/:id` → `/compounds/{id}` (OpenAPI). */
export const toOpenApiPath = (expressPath: string): string => expressPath.replace(/:(\w+)/g, '{$1}')

export function compileRouteTable(table: Record<string, RouteRule> = ROUTE_ACCESS): CompiledRule[] {
  return Object.entries(table).map(([key, rule]) => {
    const [method = '', path = ''] = key.split(' ')
    // Raw (undecoded) segments: a malformed percent-escape is the route's 400 to give, not ours to throw.
    return { key, method, path, rule, matches: match(toExpressPath(path), { decode: false }) }
  })
}

/** The rule for a request; HEAD is answered by GET routes, as Express does. */
export function findRule(rules: CompiledRule[], method: string, path: string): RuleMatch | undefined {
  const wanted = method === 'HEAD' ? 'GET' : method
  for (const compiled of rules) {
    if (compiled.method !== wanted) continue
    const found = compiled.matches(path)
    if (found) return { rule: compiled.rule, key: compiled.key, params: found.params }
  }
  return undefined
}

export interface ServedRoute {
  method: string
  /** Express syntax with the mount path in front: /api/v1/compounds/:id */
  path: string
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> }
  handle?: { stack?: Layer[] }
  rawPath?: string
  slash?: boolean
}

/** Every method and path a router's routes answer, through nested routers, with `prefix` in front. */
export function servedRoutes(router: Router, prefix = ''): ServedRoute[] {
  const walk = (stack: Layer[], base: string): ServedRoute[] =>
    stack.flatMap((layer) => {
      if (layer.route) {
        return Object.keys(layer.route.methods)
          .filter((method) => method !== '_all')
          .map((method) => ({ method: method.toUpperCase(), path: `${base}${layer.route?.path}` }))
      }
      if (layer.handle?.stack)
        return walk(layer.handle.stack, layer.slash ? base : `${base}${layer.rawPath ?? ''}`)
      return []
    })
  return walk((router as unknown as { stack: Layer[] }).stack, prefix)
}

/** A matcher for "does some route of the router answer this request?" */
export function servedMatcher(routes: ServedRoute[]): (method: string, path: string) => boolean {
  const compiled = routes.map((r) => ({ method: r.method, matches: match(r.path, { decode: false }) }))
  return (method, path) => {
    const wanted = method === 'HEAD' ? 'GET' : method
    return compiled.some((r) => r.method === wanted && r.matches(path) !== false)
  }
}

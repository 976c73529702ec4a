// The router's history over the location hash, in the format links have always had: the page is `view=` (absent
// for the map) and the view's state follows as plain parameters — `#view=dashboard&street=510104017&years=2019-2023`,
// `#map=13.5/30.6512/104.0812&theme=era&c=42`. The router itself works with paths (`/dashboard?street=…`); these
// two functions translate, so every link already shared opens the same view and no link changes form.
import { createBrowserHistory, parseHref, type RouterHistory } from '@tanstack/history'

/** The router's href (`/dashboard?street=…`) for a location hash (`#view=dashboard&street=…`). */
export function routerHrefOf(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const view = params.get('view')
  params.delete('view')
  const path = view && view !== 'map' && /^[a-z-]+$/.test(view) ? `/${view}` : '/'
  // The rest is kept as written (not re-encoded): the search parser reads it.
  const rest = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('view='))
    .join('&')
  return rest ? `${path}?${rest}` : path
}

/** The location hash (without `#`) for a router href: the inverse of routerHrefOf. */
export function hashOf(href: string): string {
  const [path = '/', search = ''] = href.split('?', 2)
  const view = path.replace(/^\/+|\/+$/g, '')
  return [view ? `view=${view}` : '', search].filter(Boolean).join('&')
}

/** A browser history whose locations live in the hash, in the links' own format. */
export function createAtlasHistory(win: Window = window): RouterHistory {
  return createBrowserHistory({
    window: win,
    parseLocation: () => parseHref(routerHrefOf(win.location.hash), win.history.state),
    createHref: (href) => `${win.location.pathname}${win.location.search}#${hashOf(href)}`,
  })
}

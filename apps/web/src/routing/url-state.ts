// The shareable view in the URL hash: which page (map, dashboard or an account page), position, thematic layer, filters,
// selected compound, the dashboard's renovation-year range and language. The street filter is shared: the
// dashboard's figures and the map show the same street.
// `#map=13.5/30.6512/104.0812&theme=era&street=510104001&status=planned,completed&built=1980-1999&c=42&lang=en`
// `#view=dashboard&street=510104017&years=2019-2023`, `#view=users`, `#view=imports`
import { type RenovationStatus, renovationStatus, STATS_YEAR_RANGE } from '@renewal-atlas/domain'
import { isLanguage, type Language } from '../i18n/messages.ts'
import { defaultTheme, isThemeId, type ThemeId } from '../map/compound-classes.ts'
import type { CompoundFilters } from '../map/compound-filter.ts'
import type { MapPosition } from '../map/map-position.ts'

/** The two pages of the header's tabs: the map workspace and the leadership dashboard (统计). */
export const appViews = ['map', 'dashboard'] as const
export type TabView = (typeof appViews)[number]

/** The pages of the account menu: one's own password and tokens, and the administrators' pages. */
export const accountViews = ['account', 'users', 'audit', 'deleted'] as const
export type AccountView = (typeof accountViews)[number]

/** The import wizard (导入), opened from the header by roles that may import. */
export const exchangeViews = ['imports'] as const
export type ExchangeView = (typeof exchangeViews)[number]

export type AppView = TabView | AccountView | ExchangeView

export function isTabView(view: AppView): view is TabView {
  return (appViews as readonly string[]).includes(view)
}

function isAppView(value: string | null): value is AppView {
  return (
    value !== null && ([...appViews, ...accountViews, ...exchangeViews] as readonly string[]).includes(value)
  )
}

/** The renovation years the dashboard counts; either end open. */
export interface YearRange {
  from?: number
  to?: number
}

export interface UrlState {
  /** Absent for the map, the default page. `#view=account` is one's own account, `users`, `audit`, `deleted`
   * the administrators' pages, `imports` the import wizard. */
  view?: AppView
  position?: MapPosition
  theme: ThemeId
  filters: CompoundFilters
  compoundId?: number
  /** The dashboard's renovation-year range; absent when every year counts. */
  years?: YearRange
  language?: Language
}

const streetCode = /^\d{9}$/
const communityCode = /^\d{12}$/
const wholeNumber = /^\d{1,7}$/

/** `a-b`, `a-` or `-b` → [a, b] with either side optional; undefined when malformed. */
function parseRange(value: string | null): [number | undefined, number | undefined] | undefined {
  if (!value) return undefined
  const match = /^(\d{0,7})-(\d{0,7})$/.exec(value)
  if (!match) return undefined
  const from = match[1] ? Number(match[1]) : undefined
  const to = match[2] ? Number(match[2]) : undefined
  if (from !== undefined && to !== undefined && from > to) return undefined
  return [from, to]
}

function formatRange(from: number | undefined, to: number | undefined): string | undefined {
  if (from === undefined && to === undefined) return undefined
  return `${from ?? ''}-${to ?? ''}`
}

function parsePosition(value: string | null): MapPosition | undefined {
  const parts = value?.split('/').map(Number)
  if (parts?.length !== 3 || parts.some((n) => !Number.isFinite(n))) return undefined
  const [zoom, lat, lon] = parts as [number, number, number]
  if (zoom < 0 || zoom > 24 || Math.abs(lat) > 85 || Math.abs(lon) > 180) return undefined
  return { zoom, center: [lon, lat] }
}

/** Read the view from a location hash; anything malformed is ignored, never an error. */
export function decodeUrlState(hash: string): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const filters: CompoundFilters = {}
  const street = params.get('street')
  if (street && streetCode.test(street)) filters.street = street
  const community = params.get('community')
  if (community && communityCode.test(community)) filters.community = community
  const status = params
    .get('status')
    ?.split(',')
    .filter((s): s is RenovationStatus => (renovationStatus.values as readonly string[]).includes(s))
  if (status && status.length > 0) filters.status = status
  const onRegister = params.get('register')
  if (onRegister === 'true' || onRegister === 'false') filters.onRegister = onRegister === 'true'
  const built = parseRange(params.get('built'))
  if (built?.[0] !== undefined) filters.builtFrom = built[0]
  if (built?.[1] !== undefined) filters.builtTo = built[1]
  const households = parseRange(params.get('hh'))
  if (households?.[0] !== undefined) filters.householdsMin = households[0]
  if (households?.[1] !== undefined) filters.householdsMax = households[1]

  const years = parseRange(params.get('years'))
  const yearRange: YearRange = {}
  const inStatsRange = (y: number | undefined) =>
    y !== undefined && y >= STATS_YEAR_RANGE.min && y <= STATS_YEAR_RANGE.max
  if (inStatsRange(years?.[0])) yearRange.from = years?.[0]
  if (inStatsRange(years?.[1])) yearRange.to = years?.[1]

  const view = params.get('view')
  const theme = params.get('theme')
  const compound = params.get('c')
  const language = params.get('lang')
  const position = parsePosition(params.get('map'))
  return {
    ...(isAppView(view) && view !== 'map' ? { view } : {}),
    theme: isThemeId(theme) ? theme : defaultTheme,
    filters,
    ...(position ? { position } : {}),
    ...(compound && wholeNumber.test(compound) && Number(compound) > 0
      ? { compoundId: Number(compound) }
      : {}),
    ...(yearRange.from !== undefined || yearRange.to !== undefined ? { years: yearRange } : {}),
    ...(isLanguage(language) ? { language } : {}),
  }
}

/** Write the view as a location hash (without the leading `#`); defaults are left out. */
export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams()
  if (state.view && state.view !== 'map') params.set('view', state.view)
  if (state.position) {
    const { zoom, center } = state.position
    // 2 decimals of zoom and 5 of degrees (about 1 m) are as precise as a shared view needs.
    params.set('map', `${zoom.toFixed(2)}/${center[1].toFixed(5)}/${center[0].toFixed(5)}`)
  }
  if (state.theme !== defaultTheme) params.set('theme', state.theme)
  const f = state.filters
  if (f.street) params.set('street', f.street)
  if (f.community) params.set('community', f.community)
  if (f.status && f.status.length > 0) params.set('status', f.status.join(','))
  if (f.onRegister !== undefined) params.set('register', String(f.onRegister))
  const built = formatRange(f.builtFrom, f.builtTo)
  if (built) params.set('built', built)
  const households = formatRange(f.householdsMin, f.householdsMax)
  if (households) params.set('hh', households)
  if (state.compoundId !== undefined) params.set('c', String(state.compoundId))
  const years = formatRange(state.years?.from, state.years?.to)
  if (years) params.set('years', years)
  if (state.language) params.set('lang', state.language)
  // URLSearchParams escapes `/` and `,`; both are safe in a fragment and easier to read unescaped.
  return params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',')
}

// The leadership dashboard (统计): filter bar, print and share, headline figures, coverage by street and
// community, progress against the target, renovation content, funding, build era and the review list.
// Loaded on demand (it brings ECharts); the map workspace does not pay for it.
import type { StatsFilter } from '@renewal-atlas/domain'
import { useMemo, useRef } from 'react'
import { statsQueries } from '../../api/stats.queries.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import type { YearRange } from '../../routing/url-state.ts'
import { streetOptionsOf } from '../atlas-data/street-options.ts'
import type { AreasState } from '../atlas-data/use-areas.ts'
import { BuildEraPanel } from './build-era-panel.tsx'
import { ContentPanel } from './content-panel.tsx'
import { CoveragePanel, type MapTarget } from './coverage-panel.tsx'
import { DashboardActions } from './dashboard-actions.tsx'
import { FilterBar } from './filter-bar.tsx'
import { FundingSourcesPanel } from './funding-sources-panel.tsx'
import { FundingStreetsPanel } from './funding-streets-panel.tsx'
import { HeadlinePanel } from './headline-cards.tsx'
import { ProgressPanel } from './progress-panel.tsx'
import { ReadinessProvider, useReportReady } from './readiness.tsx'
import { ReviewListPanel } from './review-list-panel.tsx'
import { PanelError } from './stats-panel.tsx'
import { useStatsResource } from './use-stats-resource.ts'
import './dashboard.css'

/** Every panel that must have its data before the dashboard counts as ready. */
const panelKeys = [
  'panel:settings',
  'panel:headline',
  'panel:coverage',
  'panel:progress',
  'panel:content',
  'panel:funding-sources',
  'panel:funding-streets',
  'panel:build-era',
  'panel:review-list',
] as const

export interface DashboardViewProps {
  areasState: AreasState
  onRetryAreas: () => void
  street: string | undefined
  years: YearRange
  onFilterChange: (street: string | undefined, years: YearRange) => void
  onShowOnMap: (target: MapTarget) => void
  onLocateCompound: (compoundId: number) => void
}

export default function DashboardView(props: DashboardViewProps) {
  return (
    <ReadinessProvider panels={panelKeys}>
      <DashboardPage {...props} />
    </ReadinessProvider>
  )
}

function DashboardPage(props: DashboardViewProps) {
  const { areasState, onRetryAreas, street, years, onFilterChange, onShowOnMap, onLocateCompound } = props
  const { t, language } = useI18n()
  const areas = areasState.status === 'ready' ? areasState.areas : null
  const pageRef = useRef<HTMLDivElement>(null)
  const filter = useMemo<StatsFilter>(
    () => ({
      ...(street ? { street } : {}),
      ...(years.from !== undefined ? { yearFrom: years.from } : {}),
      ...(years.to !== undefined ? { yearTo: years.to } : {}),
    }),
    [street, years.from, years.to],
  )

  const settings = useStatsResource(statsQueries.settings())
  useReportReady('panel:settings', !settings.loading && settings.data !== null)
  const summary = useStatsResource(statsQueries.summary(filter))

  const district = areas?.district.features[0]?.properties
  const districtName = district ? (language === 'en' ? district.nameEn : district.name) : ''
  const streets = useMemo(() => streetOptionsOf(areas), [areas])
  const streetName = streets.find((s) => s.code === street)?.name
  const scope = streetName ? `${districtName} · ${streetName}` : districtName
  const { first, last } = settings.data?.yearRange ?? { first: null, last: null }
  const yearBounds = first !== null && last !== null ? { first, last } : null
  const coverageFigure = summary.loading
    ? null
    : (summary.data?.rows.find((r) => r.key === 'coverage') ?? null)
  const yearsText =
    years.from !== undefined || years.to !== undefined
      ? t('dash.scopeYears', { from: years.from ?? first ?? '…', to: years.to ?? last ?? '…' })
      : t('dash.scopeAllYears')

  return (
    <div className="dashboard">
      <div className="dashboard__page" ref={pageRef} data-testid="dashboard">
        <header className="dashboard__head">
          <div>
            <h2 className="dashboard__title">{t('dash.title')}</h2>
            <p className="dashboard__scope">
              <span data-testid="dashboard-scope">{scope}</span>
              <span aria-hidden="true"> · </span>
              <span>{yearsText}</span>
              {summary.data && (
                <>
                  <span aria-hidden="true"> · </span>
                  <strong data-testid="as-of">{t('dash.asOf', { year: summary.data.asOfYear })}</strong>
                </>
              )}
            </p>
          </div>
          <DashboardActions filter={filter} pageRef={pageRef} />
        </header>
        <FilterBar
          streets={streets}
          street={street}
          years={years}
          yearBounds={yearBounds}
          onChange={onFilterChange}
        />
        {settings.error && <PanelError error={settings.error} onRetry={settings.retry} />}
        <div className="dashboard__grid">
          <HeadlinePanel filter={filter} summary={summary} scope={scope} />
          <CoveragePanel
            filter={filter}
            areas={areas}
            areasError={areasState.status === 'error' ? areasState.error : null}
            onRetryAreas={onRetryAreas}
            districtName={districtName}
            reference={coverageFigure?.value ?? null}
            onChooseStreet={(code) => onFilterChange(code, years)}
            onShowOnMap={onShowOnMap}
          />
          <ProgressPanel filter={filter} />
          <ContentPanel filter={filter} />
          <FundingSourcesPanel filter={filter} scope={scope} />
          <FundingStreetsPanel filter={filter} onChooseStreet={(code) => onFilterChange(code, years)} />
          <BuildEraPanel filter={filter} nationalCutoffYear={settings.data?.nationalCutoffYear ?? null} />
          <ReviewListPanel street={street} onLocateCompound={onLocateCompound} />
        </div>
        <p className="dashboard__footnote">
          {t('dash.footnote')}
          {settings.data?.syntheticData && ` ${t('dash.footnoteSynthetic')}`}
        </p>
      </div>
    </div>
  )
}

// Coverage by street (ranked bars and a small choropleth); a click on a street drills down to its communities,
// a click on a community (or 在地图上查看) opens the map on those compounds.
import {
  type CoverageRow,
  coverageClassesOf,
  coverageLegendDecimals,
  coverageTables,
  rankCoverage,
  type StatsFilter,
} from '@renewal-atlas/domain'
import { useMemo } from 'react'
import type { ApiError } from '../../api/api-error.ts'
import type { AtlasAreas } from '../../api/layers.schema.ts'
import { statsQueries } from '../../api/stats.queries.ts'
import {
  type CoverageWords,
  coverageBarOption,
  coverageMapLayout,
  coverageMapOption,
} from '../../charts/chart-options.ts'
import { type ChartGeoMap, ChartView } from '../../charts/chart-view.tsx'
import { areaLabel, chooseMapLabels } from '../../charts/map-labels.ts'
import { useI18n } from '../../i18n/i18n-context.tsx'
import { coverageLegendLabel } from '../../map/compound-classes.ts'
import { DataTable } from './data-table.tsx'
import { useChartReady } from './readiness.tsx'
import { StatsPanel } from './stats-panel.tsx'
import { useStatsResource } from './use-stats-resource.ts'

/** Where "view on the map" goes: a street, or one community of it. */
export interface MapTarget {
  street?: string
  community?: string
}

export interface CoveragePanelProps {
  filter: StatsFilter
  areas: AtlasAreas | null
  /** The areas (for the small map) failed to load. */
  areasError: ApiError | null
  onRetryAreas: () => void
  districtName: string
  /** The coverage of the whole (district or street), drawn as a line over the bars. */
  reference: number | null
  onChooseStreet: (street: string | undefined) => void
  onShowOnMap: (target: MapTarget) => void
}

type AreaFeature = AtlasAreas['streets']['features'][number] | AtlasAreas['communities']['features'][number]

const polygonal = (f: AreaFeature) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'

/** The areas as a GeoJSON collection ECharts can draw: polygons only, keyed by `code`, labelled at `cp`. */
function geoMapOf(name: string, features: readonly AreaFeature[]): ChartGeoMap {
  return {
    name,
    geoJson: {
      type: 'FeatureCollection',
      features: features.filter(polygonal).map((f) => {
        const label = areaLabel({ code: f.properties.code, name: f.properties.name, geometry: f.geometry })
        return {
          type: 'Feature',
          properties: {
            code: f.properties.code,
            name: f.properties.name,
            ...(label ? { cp: label.point } : {}),
          },
          geometry: f.geometry,
        }
      }),
    },
  }
}

export function CoveragePanel(props: CoveragePanelProps) {
  const { filter, areas, areasError, onRetryAreas, districtName, reference, onChooseStreet, onShowOnMap } =
    props
  const { t, numbers: format } = useI18n()
  const street = filter.street
  const level = street ? 'community' : 'street'
  const coverage = useStatsResource(statsQueries.coverage(level, filter))
  const rows = coverage.data?.groupBy === level ? coverage.data.rows : null
  const streetName = areas?.streets.features.find((f) => f.properties.code === street)?.properties.name

  const geoMap = useMemo(() => {
    if (!areas) return undefined
    if (!street) return geoMapOf('atlas-streets', areas.streets.features)
    const communities = areas.communities.features.filter((f) => f.properties.streetCode === street)
    return geoMapOf(`atlas-communities-${street}`, communities)
  }, [areas, street])
  const shownAreas = useMemo(() => {
    if (!street) return areas?.streets.features ?? []
    return (areas?.communities.features ?? []).filter((f) => f.properties.streetCode === street)
  }, [areas, street])
  const names = useMemo(
    () => new Map<string, string>(shownAreas.map((f) => [f.properties.code, f.properties.name])),
    [shownAreas],
  )

  const words = useMemo<CoverageWords>(
    () => ({
      coverage: t('dash.coverage.coverage'),
      renovated: t('dash.coverage.renovatedOfOld'),
      oldCompounds: t('dash.coverage.oldCompounds'),
      householdsBenefiting: t('dash.coverage.householdsBenefiting'),
    }),
    [t],
  )
  const referenceLabel = street ? t('dash.coverage.streetLine') : t('dash.coverage.districtLine')
  const barOption = useMemo(
    () =>
      rows &&
      coverageBarOption(
        rows,
        words,
        format,
        reference === null ? undefined : { value: reference, label: referenceLabel },
      ),
    [rows, words, format, reference, referenceLabel],
  )
  const ranked = rows ? rankCoverage(rows) : []
  const barHeight = Math.max(240, ranked.length * 26 + 40)
  const mapHeight = Math.max(360, barHeight)
  // The map column is at least as wide as the map is high, so its height sets the map's scale.
  const labelled = useMemo(
    () =>
      chooseMapLabels(
        shownAreas.filter(polygonal).map((f) => ({
          code: f.properties.code,
          name: f.properties.name,
          geometry: f.geometry,
        })),
        mapHeight,
        coverageMapLayout,
      ),
    [shownAreas, mapHeight],
  )
  const mapOption = useMemo(
    () => rows && geoMap && coverageMapOption(geoMap.name, rows, names, words, format, labelled),
    [rows, geoMap, names, words, format, labelled],
  )
  const barReady = useChartReady('chart:coverage-bar')
  const mapReady = useChartReady('chart:coverage-map')

  // The same classes as the bars and the choropleth (both drawn from these rows), with their breaks.
  const classes = coverageClassesOf(rows ?? [])
  const decimals = coverageLegendDecimals(classes)
  const choose = (code: string) => {
    if (!code) return
    if (street) onShowOnMap({ street, community: code })
    else onChooseStreet(code)
  }
  const table = coverageTables[level]

  return (
    <StatsPanel
      id="coverage"
      className="panel--wide"
      title={
        <>
          <nav className="breadcrumb" aria-label={t('dash.coverage.levels')}>
            <ol>
              <li>
                {street ? (
                  <button type="button" className="link-button" onClick={() => onChooseStreet(undefined)}>
                    {districtName}
                  </button>
                ) : (
                  <span aria-current="page">{districtName}</span>
                )}
              </li>
              {street && (
                <li>
                  <span aria-current="page">{streetName ?? street}</span>
                </li>
              )}
            </ol>
          </nav>
          <span className="panel__title-text">
            {street ? t('dash.coverage.titleCommunities') : t('dash.coverage.titleStreets')}
          </span>
        </>
      }
      note={street ? t('dash.coverage.hintCommunities') : t('dash.coverage.hintStreets')}
      loading={coverage.loading}
      error={coverage.error ?? areasError}
      hasData={rows !== null && geoMap !== undefined}
      onRetry={coverage.error ? coverage.retry : onRetryAreas}
      controls={
        <button
          type="button"
          className="button button--primary"
          onClick={() => onShowOnMap(street ? { street } : {})}
          data-testid="show-on-map"
        >
          {t('dash.showOnMap')}
        </button>
      }
      download={{ endpoint: 'coverage', filter, extra: { groupBy: level } }}
      table={() => <DataTable table={table} rows={ranked} rowKey={(row: CoverageRow) => row.key} />}
    >
      <div className="coverage-grid">
        {barOption && (
          <ChartView
            option={barOption}
            height={barHeight}
            label={t('dash.coverage.barLabel', { scope: streetName ?? districtName })}
            onItemClick={(item) => choose(ranked[item.dataIndex]?.key ?? '')}
            onRenderedChange={barReady}
          />
        )}
        <div className="coverage-map">
          {mapOption && geoMap && (
            <ChartView
              option={mapOption}
              geoMap={geoMap}
              height={mapHeight}
              label={t('dash.coverage.mapLabel', { scope: streetName ?? districtName })}
              onItemClick={(item) => choose(item.name)}
              onRenderedChange={mapReady}
            />
          )}
          <ul className="class-legend" aria-label={t('dash.coverage.legend')}>
            {classes.map((cls) => {
              const label = coverageLegendLabel(cls, decimals)
              return (
                <li key={cls.key} data-class={cls.key}>
                  <span
                    className="legend__swatch"
                    style={{ backgroundColor: cls.colour }}
                    aria-hidden="true"
                  />
                  {'key' in label ? t(label.key, label.params) : ''}
                </li>
              )
            })}
          </ul>
        </div>
      </div>
    </StatsPanel>
  )
}

// One ECharts chart as a React component: owns its instance, follows its container's size, registers the map
// it draws (if any) and says when the current option has finished drawing (for the dashboard's readiness).
import { useEffect, useRef } from 'react'
import { type ChartOption, type EChartsType, init, registerMap } from './echarts.ts'
import { onPrintLayout } from './print-layout.ts'

/** A GeoJSON FeatureCollection of polygons, registered under `name` for `map` series. */
export interface ChartGeoMap {
  name: string
  geoJson: { type: 'FeatureCollection'; features: unknown[] }
}

/** What a click on a bar, a point or a map area hands back. */
export interface ChartItem {
  name: string
  dataIndex: number
  seriesIndex: number
  data: unknown
}

export interface ChartViewProps {
  option: ChartOption
  /** What the chart shows, for screen readers; the panel's table view holds the numbers. */
  label: string
  height: number
  geoMap?: ChartGeoMap | undefined
  onItemClick?: ((item: ChartItem) => void) | undefined
  /**
   * false while an option is being drawn, true once ECharts has finished (animations included), null once the
   * chart is gone (e.g. its panel switched to the table).
   */
  onRenderedChange?: ((rendered: boolean | null) => void) | undefined
}

export function ChartView({ option, label, height, geoMap, onItemClick, onRenderedChange }: ChartViewProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const chartRef = useRef<EChartsType | null>(null)
  // The chart is created once; it calls the latest callbacks through these refs.
  const clickRef = useRef(onItemClick)
  const renderedRef = useRef(onRenderedChange)
  useEffect(() => {
    clickRef.current = onItemClick
    renderedRef.current = onRenderedChange
  })

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const chart = init(container, null, { renderer: 'svg' })
    chartRef.current = chart
    chart.on('click', (params) => {
      clickRef.current?.({
        name: String(params.name ?? ''),
        dataIndex: params.dataIndex,
        seriesIndex: params.seriesIndex ?? 0,
        data: params.data,
      })
    })
    chart.on('finished', () => renderedRef.current?.(true))
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(container)
    // Printing takes its snapshot without another animation frame: draw the new size at once.
    const offPrint = onPrintLayout(() => {
      chart.resize({ animation: { duration: 0 } })
      chart.getZr().refreshImmediately()
    })
    return () => {
      offPrint()
      observer.disconnect()
      chart.dispose()
      chartRef.current = null
      renderedRef.current?.(null)
    }
  }, [])

  useEffect(() => {
    const chart = chartRef.current
    if (!chart) return
    renderedRef.current?.(false)
    if (geoMap) registerMap(geoMap.name, geoMap.geoJson as Parameters<typeof registerMap>[1])
    chart.setOption(option, { notMerge: true })
  }, [option, geoMap])

  return <div ref={containerRef} className="chart" role="img" aria-label={label} style={{ height }} />
}

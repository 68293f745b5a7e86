import type { Chart, ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js'
import {
  type ChartColors,
  chartBox,
  doughnutConfig,
  emptyChart,
  legendStyle,
  paddedRange,
  sliceLegend,
  tickCallback,
  tooltipStyle,
} from '../chart.js'
import { seriesColor, withAlpha } from '../colors.js'
import { formatWhen, shortDate } from '../dates.js'
import { h } from '../dom.js'
import { formatPlain, formatShare, formatValue, type ValueFormat } from '../numbers.js'
import type { Renderer } from '../renderer.js'
import './charts.css'

type Config = Parameters<Renderer<'charts'>>[0]
type Row = Config['data'][number]
type Cell = Row[string] | undefined
type Cartesian = 'bar' | 'line' | 'scatter'

const maxTooltipExtras = 6
const maxLegendSlices = 12

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

/** An x value as an axis label: ISO dates shortened (`Oct 6`), numbers grouped. */
function xLabel(value: Cell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return formatPlain(value)
  if (typeof value === 'boolean') return String(value)
  return shortDate(value) ?? value
}

/** An x value as a tooltip title: ISO dates in full, anything else as given. */
function xTitle(value: Cell): string {
  return typeof value === 'string' ? formatWhen(value) : xLabel(value)
}

function clip(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

/** The row's other keys (not x, not a series), for the tooltip. */
function extras(row: Row | undefined, skip: Set<string>): string[] {
  if (!row) return []
  return Object.entries(row)
    .filter(([key, value]) => !skip.has(key) && value !== null && value !== undefined && value !== '')
    .slice(0, maxTooltipExtras)
    .map(([key, value]) => clip(`${key}: ${typeof value === 'number' ? formatPlain(value) : String(value)}`))
}

function* allValues(config: Config): Generator<number | null> {
  for (const row of config.data) for (const series of config.series) yield numberOrNull(row[series.key])
}

function seriesLabel(series: Config['series'][number]): string {
  return series.label || series.key
}

function cartesianDatasets(config: Config, stacked: boolean, colors: ChartColors): ChartDataset<Cartesian>[] {
  const dense = config.data.length > 40
  return config.series.map((series, i) => {
    const color = seriesColor(series.color, i)
    const label = seriesLabel(series)
    if (config.chartType === 'scatter') {
      const points = config.data.flatMap((row) => {
        const x = numberOrNull(row[config.xKey])
        const y = numberOrNull(row[series.key])
        return x === null || y === null ? [] : [{ x, y }]
      })
      return {
        type: 'scatter' as const,
        label,
        data: points,
        backgroundColor: withAlpha(color, 0.7),
        borderColor: color,
        pointRadius: dense ? 3 : 4,
        pointHoverRadius: 6,
        clip: 8,
      }
    }
    const values = config.data.map((row) => numberOrNull(row[series.key]))
    if (config.chartType === 'bar') {
      const top = !stacked || i === config.series.length - 1
      return {
        type: 'bar' as const,
        label,
        data: values,
        backgroundColor: color,
        hoverBackgroundColor: withAlpha(color, 0.85),
        borderRadius: top ? 4 : 0,
        borderSkipped: 'start' as const,
        skipNull: true,
        maxBarThickness: 64,
        categoryPercentage: 0.72,
        barPercentage: 0.9,
      }
    }
    const area = config.chartType === 'area'
    return {
      type: 'line' as const,
      label,
      data: values,
      borderColor: color,
      backgroundColor: area ? withAlpha(color, stacked ? 0.35 : 0.14) : color,
      fill: area ? (stacked && i > 0 ? '-1' : 'origin') : false,
      borderWidth: 2,
      pointRadius: dense ? 0 : 3.5,
      pointHoverRadius: 5.5,
      pointBackgroundColor: color,
      pointBorderColor: colors.surface,
      pointBorderWidth: 2,
      tension: 0.3,
      cubicInterpolationMode: 'monotone' as const,
      clip: 8,
    }
  })
}

function cartesianChart(config: Config, format: ValueFormat): HTMLElement {
  const scatter = config.chartType === 'scatter'
  const stacked = !scatter && (config.stacked ?? false)
  const showLegend = config.showLegend ?? config.series.length >= 2
  const only = config.series.length === 1 ? config.series[0] : undefined
  const skip = new Set([config.xKey, ...config.series.map((s) => s.key)])
  const fromZero = config.chartType === 'bar' || config.chartType === 'area'
  const rowOf = (item: TooltipItem<Cartesian>) => (scatter ? undefined : config.data[item.dataIndex])
  const build = (colors: ChartColors): ChartConfiguration<Cartesian> => ({
    type: scatter ? 'scatter' : config.chartType === 'bar' ? 'bar' : 'line',
    data: {
      labels: scatter ? undefined : config.data.map((row) => xLabel(row[config.xKey])),
      datasets: cartesianDatasets(config, stacked, colors),
    },
    options: {
      layout: { padding: { top: 4, right: config.chartType === 'bar' ? 0 : 10 } },
      interaction: scatter ? { mode: 'nearest', intersect: true } : { mode: 'index', intersect: false },
      plugins: {
        legend: { display: showLegend, ...legendStyle(colors) },
        tooltip: {
          ...tooltipStyle(colors),
          callbacks: {
            title: (items) => {
              const first = items[0]
              if (!first) return ''
              if (scatter) return `${config.xKey}: ${formatPlain(first.parsed.x ?? 0)}`
              return xTitle(config.data[first.dataIndex]?.[config.xKey])
            },
            label: (item) => `${item.dataset.label}: ${formatValue(item.parsed.y ?? 0, format)}`,
            footer: (items) => {
              const first = items[0]
              if (!first) return []
              const total = items.reduce((sum, item) => sum + (item.parsed.y ?? 0), 0)
              const lines = stacked && items.length > 1 ? [`Total: ${formatValue(total, format)}`] : []
              return [...lines, ...extras(rowOf(first), skip)]
            },
          },
        },
      },
      scales: {
        x: scatter
          ? {
              type: 'linear',
              title: { display: true, text: clip(config.xKey, 60), color: colors.muted },
              grid: { color: colors.grid },
              border: { display: false },
              ticks: { color: colors.muted, callback: tickCallback('number') },
            }
          : {
              type: 'category',
              stacked,
              grid: { display: false },
              border: { color: colors.border },
              ticks: { color: colors.muted, maxRotation: 0, autoSkipPadding: 16 },
            },
        y: {
          type: 'linear',
          stacked,
          ...(fromZero ? { beginAtZero: true } : paddedRange(allValues(config))),
          title: {
            display: Boolean(only && (only.label || scatter)) && !showLegend,
            text: clip(only ? seriesLabel(only) : '', 60),
            color: colors.muted,
          },
          grid: { color: colors.grid },
          border: { display: false },
          ticks: { color: colors.muted, padding: 8, callback: tickCallback(format) },
        },
      },
    },
  })
  const label = `${config.chartType} chart of ${config.series.map(seriesLabel).join(', ')} by ${config.xKey}`
  return h('figure', { class: 'chart-figure charts' }, chartBox({ label, className: 'chart-plot', build }))
}

function pieChart(config: Config, format: ValueFormat): HTMLElement {
  const series = config.series[0]!
  const donut = config.chartType === 'donut'
  const labels = config.data.map((row) => xLabel(row[config.xKey]) || '—')
  const values = config.data.map((row) => Math.max(0, numberOrNull(row[series.key]) ?? 0))
  const sliceColors = values.map((_, i) => seriesColor(undefined, i))
  const total = values.reduce((sum, value) => sum + value, 0)
  const empty = total === 0
  const hidden = new Set<number>()
  const share = (value: number, of = total) => formatShare(value, of)
  const visibleTotal = () => values.reduce((sum, value, i) => (hidden.has(i) ? sum : sum + value), 0)

  const centerValue = h('div', { class: 'charts-center-value' }, formatValue(total, format, true))
  const center =
    donut &&
    h('div', { class: 'chart-center charts-center' }, centerValue, h('div', { class: 'charts-center-label' }, 'Total'))
  let current: Chart<'doughnut'> | undefined
  const build = (colors: ChartColors) =>
    doughnutConfig(
      {
        labels,
        values,
        sliceColors,
        cutout: donut ? '64%' : 0,
        datasetLabel: seriesLabel(series),
        tooltip: {
          callbacks: {
            title: (items) => xTitle(config.data[items[0]?.dataIndex ?? -1]?.[config.xKey]),
            label: (item) => {
              const value = values[item.dataIndex] ?? 0
              return `${seriesLabel(series)}: ${formatValue(value, format)} (${share(value, visibleTotal())})`
            },
            footer: (items) => extras(config.data[items[0]?.dataIndex ?? -1], new Set([config.xKey, series.key])),
          },
        },
      },
      colors,
    )
  const onCreate = (chart: Chart<'doughnut'>) => {
    current = chart
    for (const i of hidden) chart.toggleDataVisibility(i)
    if (hidden.size > 0) chart.update()
  }
  const toggle = (index: number): boolean => {
    if (!current || empty) return true
    current.toggleDataVisibility(index)
    current.update()
    if (hidden.has(index)) hidden.delete(index)
    else hidden.add(index)
    centerValue.textContent = formatValue(visibleTotal(), format, true)
    return !hidden.has(index)
  }
  const plot = chartBox({
    label: `${donut ? 'Donut' : 'Pie'} chart of ${seriesLabel(series)} by ${config.xKey}`,
    className: 'charts-pie-plot',
    build,
    onCreate,
  })
  if (center) plot.append(center)
  const showLegend = config.showLegend ?? values.length >= 2
  const slices = values.slice(0, maxLegendSlices).map((value, i) => ({
    label: labels[i] ?? '',
    color: sliceColors[i] ?? '',
    value: formatValue(value, format),
    share: share(value),
  }))
  const more = values.length - slices.length
  return h(
    'figure',
    { class: 'chart-figure charts charts-pie' },
    plot,
    showLegend &&
      h(
        'div',
        { class: 'charts-pie-legend' },
        sliceLegend(slices, empty ? undefined : toggle),
        more > 0 && h('p', { class: 'chart-legend-more' }, `+${more} more`),
      ),
  )
}

const render: Renderer<'charts'> = (config) => {
  if (config.data.length === 0) return emptyChart('No data to chart yet')
  const format = config.yFormat ?? 'number'
  return config.chartType === 'pie' || config.chartType === 'donut'
    ? pieChart(config, format)
    : cartesianChart(config, format)
}
export default render

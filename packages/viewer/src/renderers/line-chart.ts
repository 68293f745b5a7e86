import type { ChartConfiguration, ScriptableContext } from 'chart.js'
import { type ChartColors, chartBox, emptyChart, paddedRange, tickCallback, tooltipStyle } from '../chart.js'
import { seriesColor, withAlpha } from '../colors.js'
import { formatDate, formatWhen, parseIsoTime } from '../dates.js'
import { h } from '../dom.js'
import { formatPlain, formatReadable } from '../numbers.js'
import type { Renderer } from '../renderer.js'
import './line-chart.css'

type Config = Parameters<Renderer<'line-chart'>>[0]
type Unit = 'minute' | 'hour' | 'day' | 'month' | 'year'
interface Step {
  readonly unit: Unit
  readonly count: number
  readonly size: number
}

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour
const steps: Step[] = [
  ...[1, 5, 15, 30].map((count) => ({ unit: 'minute' as const, count, size: count * minute })),
  ...[1, 3, 6, 12].map((count) => ({ unit: 'hour' as const, count, size: count * hour })),
  ...[1, 2, 7, 14].map((count) => ({ unit: 'day' as const, count, size: count * day })),
  ...[1, 3, 6].map((count) => ({ unit: 'month' as const, count, size: count * 30 * day })),
  ...[1, 2, 5, 10, 25, 50, 100].map((count) => ({ unit: 'year' as const, count, size: count * 365 * day })),
]

function pickStep(range: number, maxTicks: number): Step {
  return steps.find((step) => range / step.size <= maxTicks) ?? steps[steps.length - 1]!
}

/** The first tick at or before `time`, on a round boundary of the step's unit (local time). */
function alignedStart(time: number, { unit, count }: Step): Date {
  const date = new Date(time)
  if (unit === 'minute') date.setMinutes(Math.floor(date.getMinutes() / count) * count, 0, 0)
  else date.setMinutes(0, 0, 0)
  if (unit === 'hour') date.setHours(Math.floor(date.getHours() / count) * count)
  if (unit === 'day' || unit === 'month' || unit === 'year') date.setHours(0)
  if (unit === 'month') date.setMonth(Math.floor(date.getMonth() / count) * count, 1)
  if (unit === 'year') date.setFullYear(Math.floor(date.getFullYear() / count) * count, 0, 1)
  return date
}

function advance(date: Date, { unit, count }: Step): Date {
  const next = new Date(date)
  if (unit === 'minute') next.setMinutes(next.getMinutes() + count)
  if (unit === 'hour') next.setHours(next.getHours() + count)
  if (unit === 'day') next.setDate(next.getDate() + count)
  if (unit === 'month') next.setMonth(next.getMonth() + count)
  if (unit === 'year') next.setFullYear(next.getFullYear() + count)
  return next
}

/** Ticks on calendar boundaries (midnights, month starts...) between min and max, at most about `maxTicks`. */
function timeTicks(min: number, max: number, maxTicks: number): { values: number[]; step: Step } {
  const step = pickStep(max - min, maxTicks)
  const values: number[] = []
  for (let date = alignedStart(min, step); date.getTime() <= max && values.length < 200; date = advance(date, step)) {
    if (date.getTime() >= min) values.push(date.getTime())
  }
  return { values, step }
}

function timeLabel(time: number, step: Step): string {
  const date = new Date(time)
  if (step.unit === 'year') return formatDate(time, { year: 'numeric' })
  if (step.unit === 'month')
    return formatDate(time, date.getMonth() === 0 ? { month: 'short', year: 'numeric' } : { month: 'short' })
  const midnight = date.getHours() === 0 && date.getMinutes() === 0
  if (step.unit === 'day' || midnight) return formatDate(time, { month: 'short', day: 'numeric' })
  return formatDate(time, { hour: 'numeric', minute: '2-digit' })
}

interface Point {
  readonly x: number
  readonly y: number
  readonly source: string | number
}

function toPoints(config: Config): Point[] {
  return config.points.flatMap((point) => {
    const x = typeof point.x === 'number' ? point.x : parseIsoTime(point.x)?.time
    return x === undefined || !Number.isFinite(x) ? [] : [{ x, y: point.y, source: point.x }]
  })
}

function stat(name: string, value: number): HTMLElement {
  return h(
    'div',
    { class: 'line-chart-stat' },
    h('span', { class: 'line-chart-stat-name' }, name),
    h('span', { class: 'line-chart-stat-value' }, formatReadable(value)),
  )
}

function summary(config: Config, points: Point[]): HTMLElement {
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  for (const { y } of points) {
    low = Math.min(low, y)
    high = Math.max(high, y)
  }
  const latest = points[points.length - 1]!
  return h(
    'div',
    { class: 'line-chart-head' },
    h(
      'div',
      { class: 'line-chart-title' },
      config.label && h('div', { class: 'line-chart-label' }, config.label),
      h(
        'div',
        { class: 'line-chart-latest' },
        h('span', { class: 'line-chart-latest-value' }, formatReadable(latest.y)),
        h(
          'span',
          { class: 'line-chart-latest-at' },
          typeof latest.source === 'string' ? formatWhen(latest.source) : `at ${formatPlain(latest.source)}`,
        ),
      ),
    ),
    points.length > 1 && h('div', { class: 'line-chart-stats' }, stat('Min', low), stat('Max', high)),
  )
}

function build(config: Config, points: Point[], timeAxis: boolean, colors: ChartColors): ChartConfiguration<'line'> {
  const color = seriesColor(config.color, 0)
  const pad = points.length === 1 ? (timeAxis ? day : 1) : 0
  const min = points.reduce((low, p) => Math.min(low, p.x), Number.POSITIVE_INFINITY) - pad
  const max = points.reduce((high, p) => Math.max(high, p.x), Number.NEGATIVE_INFINITY) + pad
  let step = steps[0]!
  const fill = (context: ScriptableContext<'line'>) => {
    const { ctx, chartArea } = context.chart
    if (!chartArea) return withAlpha(color, 0.1)
    const gradient = ctx.createLinearGradient(0, chartArea.top, 0, chartArea.bottom)
    gradient.addColorStop(0, withAlpha(color, 0.24))
    gradient.addColorStop(1, withAlpha(color, 0))
    return gradient
  }
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: config.label ?? '',
          data: points.map(({ x, y }) => ({ x, y })),
          borderColor: color,
          backgroundColor: fill,
          fill: 'start',
          borderWidth: 2,
          pointRadius: points.length > 40 ? 0 : 3.5,
          pointHoverRadius: 5.5,
          pointBackgroundColor: color,
          pointBorderColor: colors.surface,
          pointBorderWidth: 2,
          tension: 0.3,
          cubicInterpolationMode: 'monotone',
          clip: 8,
        },
      ],
    },
    options: {
      parsing: false,
      layout: { padding: { top: 6, right: 10 } },
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltipStyle(colors),
          displayColors: false,
          callbacks: {
            title: (items) => {
              const source = points[items[0]?.dataIndex ?? -1]?.source
              return typeof source === 'string' ? formatWhen(source) : `x = ${formatPlain(source ?? 0)}`
            },
            label: (item) => {
              const value = formatReadable(item.parsed.y ?? 0)
              return config.label ? `${config.label}: ${value}` : value
            },
          },
        },
      },
      scales: {
        x: timeAxis
          ? {
              type: 'linear',
              min,
              max,
              grid: { display: false },
              border: { color: colors.border },
              afterBuildTicks: (axis) => {
                const ticks = timeTicks(min, max, Math.max(2, Math.floor(axis.width / 96)))
                step = ticks.step
                axis.ticks = ticks.values.map((value) => ({ value }))
              },
              ticks: { color: colors.muted, maxRotation: 0, callback: (value) => timeLabel(Number(value), step) },
            }
          : {
              type: 'linear',
              grid: { display: false },
              border: { color: colors.border },
              ticks: { color: colors.muted, maxRotation: 0, callback: tickCallback() },
            },
        y: {
          type: 'linear',
          ...paddedRange(points.map((p) => p.y)),
          grid: { color: colors.grid },
          border: { display: false },
          ticks: { color: colors.muted, padding: 8, callback: tickCallback() },
        },
      },
    },
  }
}

const render: Renderer<'line-chart'> = (config) => {
  const points = toPoints(config)
  if (points.length === 0) return emptyChart('No points yet')
  const timeAxis = typeof config.points[0]?.x === 'string'
  return h(
    'figure',
    { class: 'chart-figure line-chart' },
    summary(config, points),
    chartBox({
      label: `Line chart${config.label ? ` of ${config.label}` : ''}, ${points.length} points`,
      className: 'chart-plot',
      build: (colors) => build(config, points, timeAxis, colors),
    }),
  )
}
export default render

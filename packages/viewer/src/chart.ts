/** Chart.js for the chart pins (charts, line-chart, long-short-pie, score-gauge): theme colours, lifecycle, legends. */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartType,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  type Plugin,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js'
import { withAlpha } from './colors.js'
import { h } from './dom.js'
import { formatTick, type ValueFormat } from './numbers.js'
import { currentTheme, darkQuery, type Theme } from './theme.js'
import './chart.css'

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  Tooltip,
)

export interface ChartColors {
  readonly text: string
  readonly muted: string
  readonly border: string
  readonly grid: string
  readonly surface: string
  readonly track: string
  readonly accent: string
  readonly good: string
  readonly bad: string
  readonly warn: string
}

const variables: Record<Exclude<keyof ChartColors, 'grid' | 'track'>, string> = {
  text: '--text',
  muted: '--muted',
  border: '--border',
  surface: '--surface',
  accent: '--accent',
  good: '--good',
  bad: '--bad',
  warn: '--warn',
}

const fallbacks: Record<Theme, Record<keyof typeof variables, string>> = {
  light: {
    text: '#1f2328',
    muted: '#59636e',
    border: '#d1d9e0',
    surface: '#ffffff',
    accent: '#1f6feb',
    good: '#1a7f37',
    bad: '#cf222e',
    warn: '#9a6700',
  },
  dark: {
    text: '#e6edf3',
    muted: '#9198a1',
    border: '#30363d',
    surface: '#151b23',
    accent: '#4493f8',
    good: '#3fb950',
    bad: '#f85149',
    warn: '#d29922',
  },
}

/** The page's colours (styles.css variables) for the current light or dark scheme. */
export function chartColors(theme: Theme = currentTheme()): ChartColors {
  const style = getComputedStyle(document.documentElement)
  const read = (name: keyof typeof variables) =>
    style.getPropertyValue(variables[name]).trim() || fallbacks[theme][name]
  const border = read('border')
  return {
    text: read('text'),
    muted: read('muted'),
    border,
    grid: withAlpha(border, 0.7),
    surface: read('surface'),
    track: border,
    accent: read('accent'),
    good: read('good'),
    bad: read('bad'),
    warn: read('warn'),
  }
}

/** Tooltip look shared by every chart: a small card in the page's surface colours. */
export function tooltipStyle(colors: ChartColors) {
  return {
    backgroundColor: colors.surface,
    titleColor: colors.text,
    bodyColor: colors.text,
    footerColor: colors.muted,
    borderColor: colors.border,
    borderWidth: 1,
    padding: 10,
    cornerRadius: 8,
    boxPadding: 4,
    usePointStyle: true,
    titleFont: { weight: 'bold' as const },
    footerFont: { weight: 'normal' as const },
  }
}

export interface DoughnutOptions {
  readonly labels: readonly string[]
  readonly values: readonly number[]
  readonly sliceColors: readonly string[]
  /** `0` draws a pie. */
  readonly cutout: string | 0
  readonly datasetLabel?: string
  readonly tooltip: NonNullable<NonNullable<ChartConfiguration<'doughnut'>['options']>['plugins']>['tooltip']
}

/** A doughnut of `values`; when they add up to 0 it draws one empty ring in the track colour, with no tooltip. */
export function doughnutConfig(options: DoughnutOptions, colors: ChartColors): ChartConfiguration<'doughnut'> {
  const empty = options.values.reduce((sum, value) => sum + value, 0) === 0
  return {
    type: 'doughnut',
    data: {
      labels: empty ? [''] : [...options.labels],
      datasets: [
        {
          ...(options.datasetLabel !== undefined && { label: options.datasetLabel }),
          data: empty ? [1] : [...options.values],
          backgroundColor: empty ? [colors.track] : [...options.sliceColors],
          borderColor: colors.surface,
          borderWidth: empty ? 0 : 2,
          hoverOffset: empty ? 0 : 6,
        },
      ],
    },
    options: {
      cutout: options.cutout,
      layout: { padding: 6 },
      plugins: {
        legend: { display: false },
        tooltip: { ...tooltipStyle(colors), enabled: !empty, ...options.tooltip },
      },
    },
  }
}

export function legendStyle(colors: ChartColors) {
  return {
    position: 'top' as const,
    align: 'start' as const,
    labels: { color: colors.text, usePointStyle: true, pointStyle: 'rectRounded' as const, boxWidth: 8, padding: 14 },
  }
}

/** A tick callback that labels values with the decimals the step between ticks needs. */
export function tickCallback(format: ValueFormat = 'number') {
  return (value: number | string, _index: number, ticks: { value: number }[]) => {
    const step = Math.abs((ticks[1]?.value ?? ticks[0]?.value ?? 1) - (ticks[0]?.value ?? 0)) || 1
    const largest = ticks.reduce((max, tick) => Math.max(max, Math.abs(tick.value)), 0)
    return formatTick(Number(value), step, format, largest)
  }
}

/** Room above and below the data for a value axis, never crossing zero when all values lie on one side of it. */
export function paddedRange(values: Iterable<number | null>): { suggestedMin?: number; suggestedMax?: number } {
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue
    min = Math.min(min, value)
    max = Math.max(max, value)
  }
  if (min > max) return {}
  const pad = (max - min || Math.abs(max) || 1) * 0.08
  return {
    suggestedMin: min >= 0 ? Math.max(0, min - pad) : min - pad,
    suggestedMax: max <= 0 ? Math.min(0, max + pad) : max + pad,
  }
}

interface Live {
  readonly canvas: HTMLCanvasElement
  readonly create: (colors: ChartColors) => Chart
  chart: Chart
}

const live = new Set<Live>()
const shown = new WeakSet<Chart>()

const markShown: Plugin = {
  id: 'pindownShown',
  afterRender(chart) {
    if (chart.canvas.isConnected) shown.add(chart)
  },
}

/** Charts whose card was re-rendered or removed are destroyed, so live updates do not pile them up. */
function sweep(): void {
  for (const item of live) {
    if (item.canvas.isConnected || !shown.has(item.chart)) continue
    item.chart.destroy()
    live.delete(item)
  }
}

let watching = false
function watchTheme(): void {
  if (watching) return
  watching = true
  matchMedia(darkQuery).addEventListener('change', () => {
    sweep()
    const colors = chartColors()
    for (const item of live) {
      item.chart.destroy()
      item.chart = item.create(colors)
    }
  })
}

function setDefaults(): void {
  const font = getComputedStyle(document.body).fontFamily
  if (font) Chart.defaults.font.family = font
  Chart.defaults.font.size = 12
}

export interface ChartBoxOptions<T extends ChartType> {
  /** Read by screen readers in place of the picture. */
  readonly label: string
  readonly className?: string
  /** The chart for the given colours; called again when the page switches between light and dark. */
  readonly build: (colors: ChartColors) => ChartConfiguration<T>
  /** Runs after each (re)creation, to restore state such as hidden slices. */
  readonly onCreate?: (chart: Chart<T>) => void
}

/**
 * A sized box with a responsive Chart.js canvas (no animation, so what is drawn first is final). Size the box in
 * CSS; the chart fills it and follows its size.
 */
export function chartBox<T extends ChartType>(options: ChartBoxOptions<T>): HTMLElement {
  sweep()
  watchTheme()
  setDefaults()
  const canvas = h('canvas', { role: 'img', 'aria-label': options.label })
  const box = h('div', { class: `chart-box ${options.className ?? ''}`.trim() }, canvas)
  const create = (colors: ChartColors): Chart => {
    const config = options.build(colors)
    const chart = new Chart<T>(canvas, {
      ...config,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        ...config.options,
      } as ChartConfiguration<T>['options'],
      plugins: [...(config.plugins ?? []), markShown as Plugin<T>],
    })
    options.onCreate?.(chart)
    return chart as unknown as Chart
  }
  live.add({ canvas, create, chart: create(chartColors()) })
  return box
}

export interface Slice {
  readonly label: string
  readonly color: string
  readonly value: string
  readonly share: string
}

/**
 * The slices of a pie as a list (swatch, name, value, share); with `onToggle`, each one is a button that hides
 * or shows its slice.
 */
export function sliceLegend(slices: readonly Slice[], onToggle?: (index: number) => boolean): HTMLElement {
  return h(
    'ul',
    { class: 'chart-legend' },
    slices.map((slice, index) => {
      const swatch = h('span', { class: 'chart-swatch', 'aria-hidden': 'true' })
      swatch.style.background = slice.color
      const content = [
        swatch,
        h('span', { class: 'chart-legend-label' }, slice.label),
        h('span', { class: 'chart-legend-value' }, slice.value),
        h('span', { class: 'chart-legend-share' }, slice.share),
      ]
      if (!onToggle) return h('li', { class: 'chart-legend-item' }, content)
      const button = h('button', { type: 'button', class: 'chart-legend-item', 'aria-pressed': 'true' }, content)
      button.addEventListener('click', () => button.setAttribute('aria-pressed', String(onToggle(index))))
      return h('li', {}, button)
    }),
  )
}

/** What a chart shows when it has nothing to draw yet. */
export function emptyChart(text: string): HTMLElement {
  return h('div', { class: 'chart-empty' }, h('span', { class: 'chart-empty-icon', 'aria-hidden': 'true' }), text)
}

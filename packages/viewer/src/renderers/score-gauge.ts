import type { ChartConfiguration } from 'chart.js'
import { type ChartColors, chartBox } from '../chart.js'
import { seriesColor } from '../colors.js'
import { h } from '../dom.js'
import { formatPlain } from '../numbers.js'
import type { Renderer } from '../renderer.js'
import './score-gauge.css'

type Config = Parameters<Renderer<'score-gauge'>>[0]

interface Scale {
  readonly min: number
  readonly max: number
  readonly score: number
  readonly thresholds: NonNullable<Config['thresholds']>
  readonly bandColors: string[]
}

function scaleOf(config: Config): Scale {
  const min = config.min ?? 0
  const max = config.max ?? 100
  const thresholds = config.thresholds ?? []
  return {
    min,
    max,
    score: Math.min(max, Math.max(min, config.score)),
    thresholds,
    bandColors: thresholds.map((threshold, i) => seriesColor(threshold.color, i)),
  }
}

/** The colour of the band the score falls in: the accent without thresholds, muted below the first one. */
function scoreColor(scale: Scale, colors: ChartColors): string {
  if (scale.thresholds.length === 0) return colors.accent
  const band = scale.thresholds.findLastIndex((threshold) => threshold.value <= scale.score)
  return band < 0 ? colors.muted : (scale.bandColors[band] ?? colors.accent)
}

function build(scale: Scale, colors: ChartColors): ChartConfiguration<'doughnut'> {
  const { min, max, score, thresholds } = scale
  const edges = [min, ...thresholds.map((threshold) => threshold.value), max]
  const bands = edges.slice(1).map((edge, i) => Math.max(0, edge - (edges[i] ?? min)))
  const arcs = { borderWidth: 0, hoverOffset: 0 }
  const datasets: ChartConfiguration<'doughnut'>['data']['datasets'] = [
    { ...arcs, data: bands, backgroundColor: [colors.track, ...scale.bandColors], weight: 0.16 },
    { ...arcs, data: [1], backgroundColor: ['transparent'], weight: 0.12 },
    {
      ...arcs,
      data: [score - min, max - score],
      backgroundColor: [scoreColor(scale, colors), colors.track],
      weight: 1,
    },
  ]
  return {
    type: 'doughnut',
    data: { datasets: thresholds.length > 0 ? datasets : datasets.slice(2) },
    options: {
      rotation: -90,
      circumference: 180,
      cutout: '76%',
      events: [],
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
  }
}

const render: Renderer<'score-gauge'> = (config) => {
  const scale = scaleOf(config)
  const plot = chartBox({
    label: `Score ${formatPlain(config.score)} on a scale from ${formatPlain(scale.min)} to ${formatPlain(scale.max)}`,
    className: 'score-gauge-plot',
    build: (colors) => build(scale, colors),
  })
  plot.append(
    h(
      'div',
      { class: 'score-gauge-center', 'aria-hidden': 'true' },
      h('div', { class: 'score-gauge-score' }, formatPlain(config.score)),
      h('div', { class: 'score-gauge-of' }, `of ${formatPlain(scale.max)}`),
    ),
  )
  return h(
    'figure',
    { class: 'chart-figure score-gauge' },
    h(
      'div',
      { class: 'score-gauge-dial' },
      plot,
      h(
        'div',
        { class: 'score-gauge-scale', 'aria-hidden': 'true' },
        h('span', {}, formatPlain(scale.min)),
        h('span', {}, formatPlain(scale.max)),
      ),
    ),
    config.label && h('figcaption', { class: 'score-gauge-label' }, config.label),
  )
}
export default render

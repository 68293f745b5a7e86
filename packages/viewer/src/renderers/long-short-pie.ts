import type { ChartConfiguration } from 'chart.js'
import { type ChartColors, chartBox, doughnutConfig, sliceLegend } from '../chart.js'
import { h } from '../dom.js'
import { formatPlain, formatShare, formatValue } from '../numbers.js'
import type { Renderer } from '../renderer.js'
import './long-short-pie.css'

type Config = Parameters<Renderer<'long-short-pie'>>[0]

function build(config: Config, colors: ChartColors): ChartConfiguration<'doughnut'> {
  const total = config.long + config.short
  return doughnutConfig(
    {
      labels: ['Long', 'Short'],
      values: [config.long, config.short],
      sliceColors: [colors.good, colors.bad],
      cutout: '68%',
      tooltip: {
        callbacks: {
          label: (item) => {
            const amount = item.dataIndex === 0 ? config.long : config.short
            return `${item.label}: ${formatPlain(amount)} (${formatShare(amount, total)})`
          },
        },
      },
    },
    colors,
  )
}

function center(config: Config): HTMLElement {
  const total = config.long + config.short
  if (total === 0)
    return h(
      'div',
      { class: 'chart-center long-short-pie-center' },
      h('div', { class: 'long-short-pie-share' }, '–'),
      'No positions',
    )
  const longSide = config.long >= config.short
  return h(
    'div',
    { class: 'chart-center long-short-pie-center' },
    h('div', { class: 'long-short-pie-share' }, formatShare(longSide ? config.long : config.short, total)),
    h('div', { class: longSide ? 'long-short-pie-long' : 'long-short-pie-short' }, longSide ? 'Long' : 'Short'),
  )
}

function ratio(config: Config): HTMLElement | false {
  if (config.short === 0 || config.long === 0) return false
  return h(
    'p',
    { class: 'long-short-pie-ratio' },
    'Long/short ratio ',
    h('strong', {}, formatValue(config.long / config.short, 'number')),
  )
}

const render: Renderer<'long-short-pie'> = (config) => {
  const total = config.long + config.short
  const plot = chartBox({
    label: `Long ${formatShare(config.long, total)}, short ${formatShare(config.short, total)}${config.label ? `: ${config.label}` : ''}`,
    className: 'long-short-pie-plot',
    build: (colors) => build(config, colors),
  })
  plot.append(center(config))
  const slices = [
    { label: 'Long', color: 'var(--good)', value: formatPlain(config.long), share: formatShare(config.long, total) },
    { label: 'Short', color: 'var(--bad)', value: formatPlain(config.short), share: formatShare(config.short, total) },
  ]
  return h(
    'figure',
    { class: 'chart-figure long-short-pie' },
    h(
      'div',
      { class: 'long-short-pie-body' },
      plot,
      h('div', { class: 'long-short-pie-side' }, sliceLegend(slices), ratio(config)),
    ),
    config.label && h('figcaption', { class: 'chart-caption' }, config.label),
  )
}
export default render

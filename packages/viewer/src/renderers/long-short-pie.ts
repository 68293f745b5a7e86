import type { ChartConfiguration } from 'chart.js'
import { type ChartColors, chartBox, sliceLegend, tooltipStyle } from '../chart.js'
import { h } from '../dom.js'
import { formatPlain, formatValue } from '../numbers.js'
import type { Renderer } from '../renderer.js'
import './long-short-pie.css'

type Config = Parameters<Renderer<'long-short-pie'>>[0]

const share = (part: number, total: number) => formatValue(total > 0 ? part / total : 0, 'percent', true)

function build(config: Config, colors: ChartColors): ChartConfiguration<'doughnut'> {
  const total = config.long + config.short
  const empty = total === 0
  return {
    type: 'doughnut',
    data: {
      labels: empty ? [''] : ['Long', 'Short'],
      datasets: [
        {
          data: empty ? [1] : [config.long, config.short],
          backgroundColor: empty ? [colors.track] : [colors.good, colors.bad],
          borderColor: colors.surface,
          borderWidth: empty ? 0 : 2,
          hoverOffset: empty ? 0 : 6,
        },
      ],
    },
    options: {
      cutout: '68%',
      layout: { padding: 6 },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltipStyle(colors),
          enabled: !empty,
          callbacks: {
            label: (item) => {
              const amount = item.dataIndex === 0 ? config.long : config.short
              return `${item.label}: ${formatPlain(amount)} (${share(amount, total)})`
            },
          },
        },
      },
    },
  }
}

function center(config: Config): HTMLElement {
  const total = config.long + config.short
  if (total === 0)
    return h(
      'div',
      { class: 'long-short-pie-center' },
      h('div', { class: 'long-short-pie-share' }, '–'),
      'No positions',
    )
  const longSide = config.long >= config.short
  return h(
    'div',
    { class: 'long-short-pie-center' },
    h('div', { class: 'long-short-pie-share' }, share(longSide ? config.long : config.short, total)),
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
    label: `Long ${share(config.long, total)}, short ${share(config.short, total)}${config.label ? `: ${config.label}` : ''}`,
    className: 'long-short-pie-plot',
    build: (colors) => build(config, colors),
  })
  plot.append(center(config))
  const slices = [
    { label: 'Long', color: 'var(--good)', value: formatPlain(config.long), share: share(config.long, total) },
    { label: 'Short', color: 'var(--bad)', value: formatPlain(config.short), share: share(config.short, total) },
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

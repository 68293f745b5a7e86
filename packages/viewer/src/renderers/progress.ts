import { h } from '../dom.js'
import { formatPlain } from '../numbers.js'
import type { Renderer } from '../renderer.js'
import './progress.css'

type Config = Parameters<Renderer<'progress'>>[0]
type Item = Config['items'][number]

const defaultTarget = 100

function withUnit(value: number, unit: string | undefined): string {
  if (!unit) return formatPlain(value)
  return unit === '%' ? `${formatPlain(value)}%` : `${formatPlain(value)} ${unit}`
}

/** The share reached; never rounded up to 100% before the target is met. */
function percentLabel(ratio: number): string {
  const digits = ratio < 0.1 ? 1 : 0
  const scale = 10 ** digits
  const percent = ratio < 1 ? Math.floor(ratio * 100 * scale) / scale : Math.round(ratio * 100 * scale) / scale
  return `${formatPlain(percent)}%`
}

// Rounded so that 100 - 99.6 reads 0.4, not 0.400000000000006.
const difference = (a: number, b: number) => Number((a - b).toPrecision(12))

function remainder(item: Item, target: number): string {
  if (item.value < target) return `${withUnit(difference(target, item.value), item.unit)} to go`
  if (item.value > target) return `${withUnit(difference(item.value, target), item.unit)} over target`
  return 'Target reached'
}

function progressItem(item: Item): HTMLElement {
  const target = item.target ?? defaultTarget
  const ratio = target > 0 ? item.value / target : 0
  const reached = ratio >= 1
  const percent = percentLabel(ratio)
  const fill = h('div', { class: 'progress-fill' })
  // A sliver stays visible for any progress at all.
  fill.style.width = ratio > 0 ? `max(6px, ${Math.min(1, ratio) * 100}%)` : '0'
  // With the default target and a % unit the percentage already says it all.
  const figures =
    item.target === undefined && item.unit === '%' ? '' : `${formatPlain(item.value)} of ${withUnit(target, item.unit)}`
  return h(
    'li',
    { class: `progress-item${reached ? ' progress-reached' : ''}` },
    h(
      'div',
      { class: 'progress-head' },
      h('span', { class: 'progress-label' }, item.label),
      h('span', { class: 'progress-percent' }, reached && h('span', { 'aria-hidden': 'true' }, '✓ '), percent),
    ),
    h(
      'div',
      {
        class: 'progress-track',
        role: 'progressbar',
        'aria-label': item.label,
        'aria-valuemin': 0,
        'aria-valuemax': target,
        'aria-valuenow': Math.min(item.value, target),
        'aria-valuetext': figures ? `${figures} (${percent})` : percent,
      },
      fill,
    ),
    h(
      'div',
      { class: 'progress-foot' },
      h('span', { class: 'progress-figures' }, figures),
      h('span', { class: 'progress-remainder' }, remainder(item, target)),
    ),
  )
}

const render: Renderer<'progress'> = (config) => {
  if (config.items.length === 0) return h('p', { class: 'progress-empty' }, 'No goals yet.')
  const reached = config.items.filter((item) => item.value >= (item.target ?? defaultTarget)).length
  return h(
    'div',
    { class: 'progress' },
    config.items.length > 1 &&
      h(
        'p',
        { class: 'progress-summary' },
        h('strong', {}, `${reached} of ${config.items.length}`),
        ' targets reached',
      ),
    h('ul', { class: 'progress-list' }, config.items.map(progressItem)),
  )
}
export default render

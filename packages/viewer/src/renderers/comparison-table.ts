import type { PinConfigByType } from '@pindown/pin-types'
import { h } from '../dom.js'
import { formatNumber } from '../numbers.js'
import type { Renderer } from '../renderer.js'
import './comparison-table.css'

type Feature = PinConfigByType['comparison-table']['features'][number]

function featureValue(feature: Feature, item: string): string | number | boolean | undefined {
  return Object.hasOwn(feature.values, item) ? feature.values[item] : undefined
}

function cell(value: string | number | boolean | undefined): HTMLElement {
  if (value === undefined) return h('td', { class: 'ct-empty', 'aria-label': 'Not given' }, '—')
  if (value === true) return h('td', {}, h('span', { class: 'ct-yes', role: 'img', 'aria-label': 'Yes' }, '✓'))
  if (value === false) return h('td', {}, h('span', { class: 'ct-no', role: 'img', 'aria-label': 'No' }, '✗'))
  if (typeof value === 'number') return h('td', { class: 'ct-num' }, formatNumber(value))
  return h('td', {}, value)
}

const render: Renderer<'comparison-table'> = (config) => {
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'ct-feature-head' }, 'Feature'),
    config.items.map((item) => h('th', { scope: 'col', class: 'ct-item' }, item)),
  )
  const rows =
    config.features.length > 0
      ? config.features.map((feature) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', class: 'ct-feature' }, feature.name),
            config.items.map((item) => cell(featureValue(feature, item))),
          ),
        )
      : [h('tr', {}, h('td', { class: 'ct-none', colspan: config.items.length + 1 }, 'No features yet.'))]
  return h(
    'div',
    { class: 'scroll-x ct-wrap' },
    h('table', { class: 'ct' }, h('thead', {}, head), h('tbody', {}, rows)),
  )
}
export default render

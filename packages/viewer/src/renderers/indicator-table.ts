import { h } from '../dom.js'
import type { Renderer } from '../renderer.js'
import { indicatorValue, signalBadge, type Tone } from '../signal.js'
import './indicator-table.css'

type Config = Parameters<Renderer<'indicator-table'>>[0]
type Indicator = Config['indicators'][number]
type Signal = NonNullable<Indicator['signal']>

const signals: Record<Signal, { word: string; tone: Tone; glyph: string }> = {
  bullish: { word: 'Bullish', tone: 'good', glyph: '▲' },
  neutral: { word: 'Neutral', tone: 'neutral', glyph: '●' },
  bearish: { word: 'Bearish', tone: 'bad', glyph: '▼' },
}
const order: Signal[] = ['bullish', 'neutral', 'bearish']

function leaning(counts: Record<Signal, number>): string {
  if (counts.bullish > counts.bearish) return 'Leaning bullish'
  if (counts.bearish > counts.bullish) return 'Leaning bearish'
  return 'Mixed'
}

/** How the signals add up: a split bar and the count of each. */
function summary(indicators: Indicator[]): HTMLElement | false {
  const counts: Record<Signal, number> = { bullish: 0, neutral: 0, bearish: 0 }
  for (const { signal } of indicators) if (signal) counts[signal] += 1
  const total = counts.bullish + counts.neutral + counts.bearish
  if (total === 0) return false
  const segments = order
    .filter((signal) => counts[signal] > 0)
    .map((signal) => {
      const segment = h('span', { class: `indicator-table-segment signal-${signals[signal].tone}` })
      segment.style.flexGrow = String(counts[signal])
      return segment
    })
  return h(
    'div',
    { class: 'indicator-table-summary' },
    h('div', { class: 'indicator-table-leaning' }, leaning(counts)),
    h('div', { class: 'indicator-table-split', 'aria-hidden': 'true' }, segments),
    h(
      'ul',
      { class: 'indicator-table-counts' },
      order.map((signal) =>
        h(
          'li',
          { class: `signal-${signals[signal].tone}` },
          h('span', { class: 'indicator-table-count' }, String(counts[signal])),
          ` ${signal}`,
        ),
      ),
    ),
  )
}

function row(indicator: Indicator): HTMLElement {
  const signal = indicator.signal && signals[indicator.signal]
  const value = indicatorValue(indicator.value)
  const long = value.length > 24
  return h(
    'tr',
    {},
    h(
      'th',
      { scope: 'row' },
      h('div', { class: 'indicator-table-name' }, indicator.name),
      indicator.note && h('div', { class: 'indicator-table-note' }, indicator.note),
    ),
    h('td', { class: `num indicator-table-value${long ? ' indicator-table-long' : ''}` }, value),
    h('td', { class: 'indicator-table-signal' }, signal && signalBadge(signal.word, signal.tone, signal.glyph)),
  )
}

const render: Renderer<'indicator-table'> = (config) => {
  if (config.indicators.length === 0) return h('p', { class: 'indicator-table-empty' }, 'No indicators yet.')
  return h(
    'div',
    { class: 'indicator-table' },
    summary(config.indicators),
    h(
      'div',
      { class: 'scroll-x' },
      h(
        'table',
        { class: 'data indicator-table-grid' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Indicator'),
            h('th', { scope: 'col', class: 'num' }, 'Value'),
            h('th', { scope: 'col' }, 'Signal'),
          ),
        ),
        h('tbody', {}, config.indicators.map(row)),
      ),
    ),
  )
}
export default render

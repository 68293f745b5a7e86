import { formatWhen } from '../dates.js'
import { h } from '../dom.js'
import type { Renderer } from '../renderer.js'
import { confidenceMeter, indicatorValue, type Tone } from '../signal.js'
import './bottom-detector.css'

type Config = Parameters<Renderer<'bottom-detector'>>[0]

const signals: Record<Config['signal'], { title: string; text: string; tone: Tone; glyph: string }> = {
  bottom: { title: 'Bottom likely in', text: 'The indicators point to a market bottom.', tone: 'good', glyph: '✓' },
  watch: { title: 'Watch', text: 'Conditions for a bottom are forming.', tone: 'warn', glyph: '!' },
  'no-bottom': { title: 'No bottom yet', text: 'Conditions for a bottom are not in place.', tone: 'bad', glyph: '✕' },
}

function call(config: Config): HTMLElement {
  const signal = signals[config.signal]
  return h(
    'div',
    { class: 'bottom-detector-call' },
    h('span', { class: 'bottom-detector-icon', 'aria-hidden': 'true' }, signal.glyph),
    h(
      'div',
      { class: 'bottom-detector-text' },
      h('div', { class: 'bottom-detector-kicker' }, 'Signal'),
      h('div', { class: 'bottom-detector-title' }, signal.title),
      h('div', { class: 'bottom-detector-description' }, signal.text),
      config.asOf &&
        h(
          'div',
          { class: 'bottom-detector-as-of' },
          'As of ',
          h('time', { datetime: config.asOf }, formatWhen(config.asOf)),
        ),
    ),
  )
}

function indicators(list: NonNullable<Config['indicators']>): HTMLElement {
  return h(
    'section',
    { class: 'bottom-detector-indicators' },
    h('h3', { class: 'bottom-detector-heading' }, 'Indicators'),
    h(
      'dl',
      { class: 'bottom-detector-list' },
      list.map((indicator) =>
        h(
          'div',
          { class: 'bottom-detector-row' },
          h('dt', {}, indicator.name),
          h('dd', {}, indicatorValue(indicator.value)),
        ),
      ),
    ),
  )
}

const render: Renderer<'bottom-detector'> = (config) => {
  const { tone } = signals[config.signal]
  return h(
    'div',
    { class: 'bottom-detector' },
    h(
      'div',
      { class: `bottom-detector-hero signal-${tone}` },
      call(config),
      config.confidence !== undefined && confidenceMeter(config.confidence, tone),
    ),
    config.indicators && config.indicators.length > 0 && indicators(config.indicators),
  )
}
export default render

/** Signal badges and confidence meters for the market pins (bottom-detector, indicator-table). */
import { h } from './dom.js'
import { formatPlain, formatValue } from './numbers.js'
import './signal.css'

export type Tone = 'good' | 'bad' | 'warn' | 'neutral'

/** A pill with a glyph and a word, coloured by tone (the word carries the meaning, not only the colour). */
export function signalBadge(text: string, tone: Tone, glyph: string): HTMLElement {
  return h(
    'span',
    { class: `signal-badge signal-${tone}` },
    h('span', { class: 'signal-glyph', 'aria-hidden': 'true' }, glyph),
    text,
  )
}

/** A labelled bar for a fraction from 0 to 1, shown as a percentage. */
export function confidenceMeter(fraction: number, tone: Tone, label = 'Confidence'): HTMLElement {
  const clamped = Math.min(1, Math.max(0, fraction))
  const percent = formatValue(clamped, 'percent')
  const fill = h('div', { class: 'signal-meter-fill' })
  fill.style.width = `${clamped * 100}%`
  return h(
    'div',
    { class: `signal-meter signal-${tone}` },
    h(
      'div',
      { class: 'signal-meter-head' },
      h('span', { class: 'signal-meter-label' }, label),
      h('span', { class: 'signal-meter-value' }, percent),
    ),
    h(
      'div',
      {
        class: 'signal-meter-track',
        role: 'meter',
        'aria-label': label,
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': Math.round(clamped * 100),
        'aria-valuetext': percent,
      },
      fill,
    ),
  )
}

/** A value from a pin as given: numbers with the reader's separators, strings untouched. */
export function indicatorValue(value: string | number): string {
  return typeof value === 'number' ? formatPlain(value) : value
}

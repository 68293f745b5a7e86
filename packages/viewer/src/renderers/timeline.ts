import { parseWhen, sameDay, timeElement, type When } from '../dates.js'
import { h } from '../dom.js'
import { renderMarkdown } from '../markdown.js'
import type { Renderer } from '../renderer.js'
import './timeline.css'

type TimelineConfig = Parameters<Renderer<'timeline'>>[0]
type TimelineEvent = TimelineConfig['events'][number]

// Done events carry a tick in their dot: only the others get a word.
const statusLabels = { current: 'Now', planned: 'Planned' } as const

function marker(status: TimelineEvent['status']): HTMLElement {
  return h('span', { class: 'timeline-dot', 'aria-hidden': 'true' }, status === 'done' ? '✓' : '')
}

/** The date, left out when the previous event fell on the same day (only its time is new). */
function when(current: When, previous: When | undefined): HTMLElement {
  const repeatDay = previous !== undefined && current.hasTime && sameDay(previous.date, current.date)
  return timeElement(current, 'timeline-when', !repeatDay)
}

function item(event: TimelineEvent, current: When, previous: When | undefined): HTMLElement {
  const status = event.status
  return h(
    'li',
    { class: `timeline-item timeline-${status ?? 'point'}` },
    h('div', { class: 'timeline-rail' }, marker(status)),
    h(
      'div',
      { class: 'timeline-content' },
      h(
        'div',
        { class: 'timeline-heading' },
        when(current, previous),
        status &&
          status !== 'done' &&
          h('span', { class: `timeline-status timeline-status-${status}` }, statusLabels[status]),
      ),
      h('div', { class: 'timeline-title' }, event.title),
      event.description && renderMarkdown(event.description),
    ),
  )
}

const render: Renderer<'timeline'> = (config) => {
  if (config.events.length === 0) return h('p', { class: 'timeline-empty muted' }, 'No events yet.')
  const dates = config.events.map((event) => parseWhen(event.date))
  return h(
    'ol',
    { class: 'timeline' },
    config.events.map((event, i) => item(event, dates[i]!, dates[i - 1])),
  )
}
export default render

import { icon } from '../content-icons.js'
import { h } from '../dom.js'
import type { Renderer } from '../renderer.js'
import './user-story.css'

const statusLabels = { todo: 'To do', 'in-progress': 'In progress', done: 'Done' } as const
const priorityLabels = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const

function pill(kind: string, value: string, text: string, title: string): HTMLElement {
  return h(
    'span',
    { class: `story-pill story-${kind}-${value}`, title },
    h('span', { class: 'story-dot', 'aria-hidden': 'true' }),
    text,
  )
}

function points(value: number): HTMLElement {
  const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value)
  return h(
    'span',
    { class: 'story-points', title: 'Story points' },
    h('strong', {}, number),
    value === 1 ? ' point' : ' points',
  )
}

function line(label: string, text: string, lead = false): HTMLElement {
  return h(
    'div',
    { class: 'story-line' },
    h('span', { class: 'story-label' }, label),
    h('span', { class: `story-value${lead ? ' story-lead' : ''}` }, text),
  )
}

function criteria(items: string[], done: boolean): HTMLElement {
  return h(
    'section',
    { class: 'story-criteria' },
    h(
      'h4',
      { class: 'story-criteria-title' },
      'Acceptance criteria',
      h('span', { class: 'story-criteria-count' }, items.length.toLocaleString()),
    ),
    h(
      'ul',
      { class: `story-checklist${done ? ' story-checklist-done' : ''}` },
      items.map((item) =>
        h(
          'li',
          {},
          h('span', { class: 'story-box', 'aria-hidden': 'true' }, done && icon('check')),
          h('span', {}, item),
        ),
      ),
    ),
  )
}

const render: Renderer<'user-story'> = (config) => {
  const meta = [
    config.status && pill('status', config.status, statusLabels[config.status], 'Status'),
    config.priority && pill('priority', config.priority, `${priorityLabels[config.priority]} priority`, 'Priority'),
    config.points !== undefined && points(config.points),
  ].filter((node): node is HTMLElement => Boolean(node))
  return h(
    'article',
    { class: 'story' },
    meta.length > 0 && h('div', { class: 'story-meta' }, meta),
    h(
      'div',
      { class: 'story-statement' },
      line('As a', config.asA, true),
      line('I want', config.iWant),
      config.soThat && line('so that', config.soThat),
    ),
    config.acceptanceCriteria &&
      config.acceptanceCriteria.length > 0 &&
      criteria(config.acceptanceCriteria, config.status === 'done'),
  )
}
export default render

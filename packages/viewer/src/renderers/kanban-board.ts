import { colorFor, pinColor } from '../colors.js'
import { h } from '../dom.js'
import { initials } from '../initials.js'
import { renderMarkdown } from '../markdown.js'
import type { Renderer } from '../renderer.js'
import './kanban-board.css'

type KanbanConfig = Parameters<Renderer<'kanban-board'>>[0]
type Column = KanbanConfig['columns'][number]
type Card = Column['cards'][number]

// Columns whose name says what stage they are get that stage's colour; others take the palette in order.
const stages: [RegExp, string][] = [
  [/done|complete|shipped|closed|released|finished|resolved/i, 'done'],
  [/review|qa|test|verif|approv/i, 'review'],
  [/progress|doing|active|wip|started|develop|building/i, 'active'],
  [/block|stuck|hold/i, 'blocked'],
  [/to ?do|backlog|next|planned|open|new|idea|inbox/i, 'todo'],
]

function stageOf(column: Column): string | undefined {
  const name = `${column.title} ${column.id}`
  return stages.find(([pattern]) => pattern.test(name))?.[1]
}

function tinted(element: HTMLElement, color: string): HTMLElement {
  element.style.setProperty('--kanban-tint', color)
  return element
}

function label(text: string): HTMLElement {
  return tinted(h('span', { class: 'kanban-label' }, text), colorFor(text))
}

function avatar(name: string): HTMLElement {
  return tinted(
    h(
      'span',
      { class: 'kanban-avatar', title: name, 'aria-label': `Assigned to ${name}`, role: 'img' },
      initials(name),
    ),
    colorFor(name),
  )
}

function card(item: Card): HTMLElement {
  const labels = item.labels ?? []
  const assignee = item.assignee?.trim()
  return h(
    'li',
    { class: 'kanban-card', 'data-card-id': item.id },
    h('div', { class: 'kanban-card-id' }, item.id),
    h('div', { class: 'kanban-card-title' }, item.title),
    item.description && h('div', { class: 'kanban-card-description' }, renderMarkdown(item.description)),
    (labels.length > 0 || assignee) &&
      h(
        'div',
        { class: 'kanban-card-footer' },
        h('div', { class: 'kanban-labels' }, labels.map(label)),
        assignee && avatar(assignee),
      ),
  )
}

function column(item: Column, index: number): HTMLElement {
  const stage = stageOf(item)
  const dot = h('span', { class: 'kanban-column-dot', 'aria-hidden': 'true' })
  if (!stage) tinted(dot, pinColor(undefined, index))
  return h(
    'section',
    { class: `kanban-column${stage ? ` kanban-stage-${stage}` : ''}`, 'data-column-id': item.id },
    h(
      'header',
      { class: 'kanban-column-header' },
      dot,
      h('h3', { class: 'kanban-column-title' }, item.title),
      h(
        'span',
        { class: 'kanban-count', 'aria-label': `${item.cards.length} cards` },
        item.cards.length.toLocaleString(),
      ),
    ),
    item.cards.length === 0
      ? h('div', { class: 'kanban-empty' }, 'No cards')
      : h('ul', { class: 'kanban-cards' }, item.cards.map(card)),
  )
}

const render: Renderer<'kanban-board'> = (config) => {
  if (config.columns.length === 0) return h('p', { class: 'kanban-none muted' }, 'This board has no columns yet.')
  const total = config.columns.reduce((sum, c) => sum + c.cards.length, 0)
  return h(
    'div',
    { class: 'kanban' },
    h(
      'p',
      { class: 'kanban-summary' },
      `${total.toLocaleString()} ${total === 1 ? 'card' : 'cards'} in ${config.columns.length} ${
        config.columns.length === 1 ? 'column' : 'columns'
      }`,
    ),
    h(
      'div',
      { class: 'kanban-board', tabindex: 0, role: 'region', 'aria-label': 'Board columns' },
      config.columns.map(column),
    ),
  )
}
export default render

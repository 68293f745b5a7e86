import { colorFor, pinColor } from '../colors.js'
import { h } from '../dom.js'
import { initials } from '../initials.js'
import { renderMarkdown } from '../markdown.js'
import type { InlineEdit, Renderer } from '../renderer.js'
import './kanban-board.css'

type KanbanConfig = Parameters<Renderer<'kanban-board'>>[0]
type Column = KanbanConfig['columns'][number]
type Card = Column['cards'][number]
type Edit = InlineEdit<KanbanConfig>

/** Where a card goes: a column, and the card it lands before (none: the end of the column). */
interface Place {
  columnId: string
  beforeId: string | undefined
}

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

function card(item: Card, moveMenu?: HTMLElement): HTMLElement {
  const labels = item.labels ?? []
  const assignee = item.assignee?.trim()
  return h(
    'li',
    { class: 'kanban-card', 'data-card-id': item.id },
    moveMenu
      ? h('div', { class: 'kanban-card-top' }, h('div', { class: 'kanban-card-id' }, item.id), moveMenu)
      : h('div', { class: 'kanban-card-id' }, item.id),
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

function columnHeader(item: Column, index: number): HTMLElement {
  const stage = stageOf(item)
  const dot = h('span', { class: 'kanban-column-dot', 'aria-hidden': 'true' })
  if (!stage) tinted(dot, pinColor(undefined, index))
  return h(
    'header',
    { class: 'kanban-column-header' },
    dot,
    h('h3', { class: 'kanban-column-title' }, item.title),
    h(
      'span',
      { class: 'kanban-count', 'aria-label': `${item.cards.length} cards` },
      item.cards.length.toLocaleString(),
    ),
  )
}

function columnClass(item: Column): string {
  const stage = stageOf(item)
  return `kanban-column${stage ? ` kanban-stage-${stage}` : ''}`
}

const emptyNote = () => h('div', { class: 'kanban-empty' }, 'No cards')

function column(item: Column, index: number): HTMLElement {
  return h(
    'section',
    { class: columnClass(item), 'data-column-id': item.id },
    columnHeader(item, index),
    item.cards.length === 0
      ? emptyNote()
      : h(
          'ul',
          { class: 'kanban-cards' },
          item.cards.map((c) => card(c)),
        ),
  )
}

/** The board with the card moved to `place`; undefined when the card or the column is gone. */
function withCardMoved(config: KanbanConfig, cardId: string, place: Place): KanbanConfig | undefined {
  const next = structuredClone(config)
  const from = next.columns.find((c) => c.cards.some((other) => other.id === cardId))
  const to = next.columns.find((c) => c.id === place.columnId)
  if (!from || !to) return undefined
  const [moved] = from.cards.splice(
    from.cards.findIndex((other) => other.id === cardId),
    1,
  )
  const before = place.beforeId === undefined ? -1 : to.cards.findIndex((other) => other.id === place.beforeId)
  to.cards.splice(before === -1 ? to.cards.length : before, 0, moved!)
  return next
}

/** A card's keyboard way to move: a select of the columns, the card's own chosen. */
function moveMenu(item: Card, columnId: string, columns: readonly Column[], move: (place: Place) => unknown) {
  const select = h(
    'select',
    { class: 'kanban-move', 'aria-label': `Move ${item.title} to`, title: 'Move to…' },
    columns.map((c) => h('option', { value: c.id, selected: c.id === columnId }, c.title)),
  )
  select.addEventListener('change', () => move({ columnId: select.value, beforeId: undefined }))
  return select
}

/** The card the pointer is above the middle of, in a column's list: the dragged card lands before it. */
function cardBelow(list: HTMLElement, y: number, dragged: HTMLElement | undefined): HTMLElement | undefined {
  const cards = [...list.querySelectorAll<HTMLElement>(':scope > .kanban-card')].filter((c) => c !== dragged)
  return cards.find((c) => {
    const box = c.getBoundingClientRect()
    return y < box.top + box.height / 2
  })
}

/** Count and "No cards" note follow the cards a column holds now (after a move shown ahead of its save). */
function refreshColumn(section: HTMLElement): void {
  const list = section.querySelector<HTMLElement>('.kanban-cards')!
  const count = list.children.length
  const badge = section.querySelector('.kanban-count')
  if (badge) {
    badge.textContent = count.toLocaleString()
    badge.setAttribute('aria-label', `${count} cards`)
  }
  const note = section.querySelector('.kanban-empty')
  if (count === 0 && !note) section.append(emptyNote())
  if (count > 0) note?.remove()
}

/** Shows a card in its new place at once; answers how to put it back. */
function showMoved(element: HTMLElement, section: HTMLElement, before: HTMLElement | undefined): () => void {
  const home = element.parentElement!
  const next = element.nextSibling
  const homeSection = home.closest<HTMLElement>('.kanban-column')!
  const settle = () => {
    refreshColumn(section)
    refreshColumn(homeSection)
    const menu = element.querySelector<HTMLSelectElement>('.kanban-move')
    if (menu) menu.value = element.closest<HTMLElement>('.kanban-column')!.dataset.columnId!
  }
  section.querySelector('.kanban-cards')!.insertBefore(element, before ?? null)
  settle()
  return () => {
    home.insertBefore(element, next)
    settle()
  }
}

/** A column an editor drops cards into, each card draggable and with its "Move to" menu. */
function editableColumn(item: Column, index: number, columns: readonly Column[], edit: Edit): HTMLElement {
  const list = h('ul', { class: 'kanban-cards' })
  const section = h(
    'section',
    { class: `${columnClass(item)} kanban-editable`, 'data-column-id': item.id },
    columnHeader(item, index),
    list,
  )
  const move = async (element: HTMLElement, cardId: string, place: Place) => {
    const target = section.parentElement?.querySelector<HTMLElement>(
      `.kanban-column[data-column-id="${CSS.escape(place.columnId)}"]`,
    )
    if (!target) return
    const before =
      place.beforeId === undefined
        ? undefined
        : target.querySelector<HTMLElement>(`.kanban-card[data-card-id="${CSS.escape(place.beforeId)}"]`)
    const putBack = showMoved(element, target, before ?? undefined)
    const saved = await edit((config) => withCardMoved(config, cardId, place))
    if (!saved) putBack()
  }
  for (const c of item.cards) {
    const element: HTMLElement = card(
      c,
      moveMenu(c, item.id, columns, (place) => move(element, c.id, place)),
    )
    element.draggable = true
    element.addEventListener('dragstart', (event) => {
      event.dataTransfer?.setData('text/plain', c.id)
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move'
      element.classList.add('is-dragging')
    })
    element.addEventListener('dragend', () => element.classList.remove('is-dragging'))
    list.append(element)
  }
  acceptDrops(section, list, move)
  refreshColumn(section)
  return section
}

type Move = (element: HTMLElement, cardId: string, place: Place) => Promise<void>

/** Dragging a card of this board over a column marks it; dropping moves the card where the pointer is. */
function acceptDrops(section: HTMLElement, list: HTMLElement, move: Move): void {
  // The card being dragged, found in this board only: a card from another pin on the page is not taken.
  const dragged = () => section.parentElement?.querySelector<HTMLElement>('.kanban-card.is-dragging') ?? undefined
  section.addEventListener('dragover', (event) => {
    if (!dragged() || !event.dataTransfer) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'move'
    section.classList.add('is-drop-target')
  })
  section.addEventListener('dragleave', (event) => {
    if (!section.contains(event.relatedTarget as Node | null)) section.classList.remove('is-drop-target')
  })
  section.addEventListener('drop', (event) => {
    section.classList.remove('is-drop-target')
    const element = dragged()
    if (!element) return
    event.preventDefault()
    const before = cardBelow(list, event.clientY, element)
    if (element.parentElement === list && (before ?? null) === element.nextElementSibling) return
    void move(element, element.dataset.cardId!, {
      columnId: section.dataset.columnId!,
      beforeId: before?.dataset.cardId,
    })
  })
}

const render: Renderer<'kanban-board'> = (config, { edit }) => {
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
      edit ? config.columns.map((c, i) => editableColumn(c, i, config.columns, edit)) : config.columns.map(column),
    ),
  )
}
export default render

import { h } from './dom.js'
import { inlineEdit } from './inline-edit.js'
import { type Author, canEdit, type PageData, type PublicPin, type Reader } from './page-data.js'
import { renderPinContent } from './render-pin.js'

function relativeTime(ms: number): string {
  const seconds = Math.round((Date.now() - ms) / 1000)
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
  if (Math.abs(seconds) < 60) return format.format(-seconds, 'second')
  if (Math.abs(seconds) < 3600) return format.format(-Math.round(seconds / 60), 'minute')
  if (Math.abs(seconds) < 86400) return format.format(-Math.round(seconds / 3600), 'hour')
  return format.format(-Math.round(seconds / 86400), 'day')
}

function layoutClasses(layout: string): string {
  const [columns, rows] = layout.split('x').map(Number)
  return `pin-card span-c${columns ?? 1} span-r${rows ?? 1}`
}

/** A person's name, or a program's (its key's name) with an "app" badge. */
export function authorName(author: Author): HTMLElement {
  return h(
    'span',
    { class: 'author' },
    author.name,
    author.kind === 'app' && h('span', { class: 'app-badge', title: 'Posted by a program with an API key' }, 'app'),
  )
}

/** How a page shows its cards: with titles (boards), and for whom (what they may do). */
export interface CardOptions {
  readonly showTitle: boolean
  readonly reader: Reader | null
}

/** The pin each card shows now: inline edits start from it. */
const shown = new WeakMap<HTMLElement, PublicPin>()

function header(card: HTMLElement, pin: PublicPin, options: CardOptions): HTMLElement {
  const editable = options.reader !== null && canEdit(options.reader, pin)
  return h(
    'header',
    { class: 'pin-header' },
    options.showTitle && h('h2', { class: 'pin-title' }, pin.metadata.title),
    h(
      'p',
      { class: 'pin-meta' },
      ...pin.metadata.tags.map((tag) => h('span', { class: 'tag' }, tag)),
      h(
        'time',
        { datetime: new Date(pin.updated_at).toISOString(), title: new Date(pin.updated_at).toLocaleString() },
        `Updated ${relativeTime(pin.updated_at)}`,
      ),
      pin.updated_by && h('span', { class: 'updated-by' }, ' by ', authorName(pin.updated_by)),
    ),
    editable && editButton(card, options.reader!),
  )
}

/** Opens the pin's form; the editor (and the schemas it validates with) loads only when asked for. */
function editButton(card: HTMLElement, reader: Reader): HTMLElement {
  const button = h('button', { type: 'button', class: 'pin-edit' }, 'Edit')
  button.addEventListener('click', async () => {
    const pin = shown.get(card)
    if (!pin) return
    const { openEditor } = await import('./editor/edit-dialog.js')
    await openEditor(pin, reader)
  })
  return button
}

/** Renders (or re-renders, in place) one pin's card. */
export async function fillCard(card: HTMLElement, pin: PublicPin, options: CardOptions): Promise<void> {
  shown.set(card, pin)
  const { reader } = options
  const edit =
    reader && canEdit(reader, pin)
      ? inlineEdit(
          reader,
          () => shown.get(card) ?? pin,
          (next) => refreshCard(card, next, options),
        )
      : undefined
  const content = await renderPinContent(pin, edit)
  card.className = layoutClasses(pin.pin_layout)
  card.dataset.pinType = pin.pin_type
  card.dataset.version = String(pin.version)
  card.replaceChildren(header(card, pin, options), h('div', { class: 'pin-body' }, content))
}

/** Shows a newer version of the card's pin (from the stream, or the answer to this page's own save). */
export async function refreshCard(card: HTMLElement, pin: PublicPin, options: CardOptions): Promise<boolean> {
  if (Number(card.dataset.version) >= pin.version) return false
  const { scrollX, scrollY } = window
  await fillCard(card, pin, options)
  window.scrollTo(scrollX, scrollY)
  document.dispatchEvent(new CustomEvent('pindown:rendered', { detail: { id: pin.id, version: pin.version } }))
  return true
}

export function unavailable(card: HTMLElement): void {
  shown.delete(card)
  card.className = 'pin-card pin-gone span-c1 span-r1'
  card.replaceChildren(h('p', { class: 'pin-notice' }, 'This pin is no longer available.'))
}

/** The whole page: chrome (unless embedded) and one card per pin. Answers the cards by pin id. */
export async function renderPage(data: PageData, root: HTMLElement): Promise<Map<string, HTMLElement>> {
  document.body.classList.toggle('is-embedded', data.embed)
  const cards = new Map<string, HTMLElement>()
  const grid = h('section', { class: data.kind === 'board' ? 'board' : 'single' })
  const single = data.kind === 'pin'
  for (const pin of data.pins) {
    const card = h('article', { 'data-pin-id': pin.id })
    cards.set(pin.id, card)
    grid.append(card)
  }
  const options = cardOptions(data)
  await Promise.all(data.pins.map((pin) => fillCard(cards.get(pin.id)!, pin, options)))
  const title = single ? data.pins[0]?.metadata.title : data.title
  root.replaceChildren(
    ...(data.embed ? [] : [h('header', { class: 'page-header' }, h('h1', {}, title ?? 'Pindown'))]),
    grid,
    ...(single && !data.embed ? [h('div', { class: 'pin-comments', hidden: true })] : []),
    ...(data.embed
      ? []
      : [
          h(
            'footer',
            { class: 'page-footer' },
            'Published with ',
            h('a', { href: 'https://pindown.ai', rel: 'noopener noreferrer', target: '_blank' }, 'Pindown'),
          ),
        ]),
  )
  document.title = title ?? 'Pindown'
  return cards
}

export const cardOptions = (data: PageData): CardOptions => ({ showTitle: data.kind === 'board', reader: data.reader })

import { h } from './dom.js'
import type { PageData, PublicPin } from './page-data.js'
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

function header(pin: PublicPin, showTitle: boolean): HTMLElement {
  return h(
    'header',
    { class: 'pin-header' },
    showTitle && h('h2', { class: 'pin-title' }, pin.metadata.title),
    h(
      'p',
      { class: 'pin-meta' },
      ...pin.metadata.tags.map((tag) => h('span', { class: 'tag' }, tag)),
      h(
        'time',
        { datetime: new Date(pin.updated_at).toISOString(), title: new Date(pin.updated_at).toLocaleString() },
        `Updated ${relativeTime(pin.updated_at)}`,
      ),
    ),
  )
}

/** Renders (or re-renders, in place) one pin's card. */
export async function fillCard(card: HTMLElement, pin: PublicPin, showTitle: boolean): Promise<void> {
  const content = await renderPinContent(pin)
  card.className = layoutClasses(pin.pin_layout)
  card.dataset.pinType = pin.pin_type
  card.dataset.version = String(pin.version)
  card.replaceChildren(header(pin, showTitle), h('div', { class: 'pin-body' }, content))
}

export function unavailable(card: HTMLElement): void {
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
  await Promise.all(data.pins.map((pin) => fillCard(cards.get(pin.id)!, pin, !single)))
  const title = single ? data.pins[0]?.metadata.title : data.title
  root.replaceChildren(
    ...(data.embed ? [] : [h('header', { class: 'page-header' }, h('h1', {}, title ?? 'Pindown'))]),
    grid,
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

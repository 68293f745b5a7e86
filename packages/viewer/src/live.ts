import type { CommentThread } from './comments/thread.js'
import { cardOptions, refreshCard, unavailable } from './page.js'
import type { PageData, PublicPin } from './page-data.js'

const commentEvents = ['comment.created', 'comment.updated', 'comment.deleted'] as const

/** What the page does besides its cards: the thread of a single pin, when there is one. */
export interface LiveParts {
  /** Called with each version of the page's pin, to show or hide its thread. */
  pinChanged?: (pin: PublicPin) => void
  thread?: () => CommentThread | undefined
}

/**
 * Follows the page's pins: an update re-renders its card in place (the scroll position stays), a pin
 * that is deleted or made private disappears, comments reach the thread. EventSource reconnects by
 * itself, sending the last id.
 */
export function followChanges(data: PageData, cards: Map<string, HTMLElement>, parts: LiveParts = {}): EventSource {
  const source = new EventSource(data.events)
  // `<html data-live>` says whether changes are arriving: `open`, or `reconnecting` while EventSource retries.
  source.addEventListener('open', () => {
    document.documentElement.dataset.live = 'open'
  })
  source.addEventListener('error', () => {
    document.documentElement.dataset.live = 'reconnecting'
  })
  const options = cardOptions(data)
  source.addEventListener('pin.updated', async (event) => {
    const pin = JSON.parse((event as MessageEvent<string>).data) as PublicPin
    const card = cards.get(pin.id)
    if (!card) return
    parts.pinChanged?.(pin)
    if ((await refreshCard(card, pin, options)) && data.kind === 'pin') document.title = pin.metadata.title
  })
  source.addEventListener('pin.removed', (event) => {
    const { id } = JSON.parse((event as MessageEvent<string>).data) as { id: string }
    const card = cards.get(id)
    if (card) unavailable(card)
    document.dispatchEvent(new CustomEvent('pindown:removed', { detail: { id } }))
  })
  for (const type of commentEvents) {
    source.addEventListener(type, (event) => {
      parts.thread?.()?.receive(type, JSON.parse((event as MessageEvent<string>).data))
    })
  }
  return source
}

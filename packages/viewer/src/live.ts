import { fillCard, unavailable } from './page.js'
import type { PageData, PublicPin } from './page-data.js'

/**
 * Follows the page's pins: an update re-renders its card in place (the scroll position stays), a pin
 * that is deleted or made private disappears. EventSource reconnects by itself, sending the last id.
 */
export function followChanges(data: PageData, cards: Map<string, HTMLElement>): EventSource {
  const source = new EventSource(data.events)
  // `<html data-live>` says whether changes are arriving: `open`, or `reconnecting` while EventSource retries.
  source.addEventListener('open', () => {
    document.documentElement.dataset.live = 'open'
  })
  source.addEventListener('error', () => {
    document.documentElement.dataset.live = 'reconnecting'
  })
  const showTitle = data.kind === 'board'
  source.addEventListener('pin.updated', async (event) => {
    const pin = JSON.parse((event as MessageEvent<string>).data) as PublicPin
    const card = cards.get(pin.id)
    if (!card || Number(card.dataset.version) >= pin.version) return
    const { scrollX, scrollY } = window
    await fillCard(card, pin, showTitle)
    window.scrollTo(scrollX, scrollY)
    if (data.kind === 'pin') document.title = pin.metadata.title
    document.dispatchEvent(new CustomEvent('pindown:rendered', { detail: { id: pin.id, version: pin.version } }))
  })
  source.addEventListener('pin.removed', (event) => {
    const { id } = JSON.parse((event as MessageEvent<string>).data) as { id: string }
    const card = cards.get(id)
    if (card) unavailable(card)
    document.dispatchEvent(new CustomEvent('pindown:removed', { detail: { id } }))
  })
  return source
}

import { h } from './dom.js'

/** Tells the reader something about their own action (a save refused, say), in a polite live region. */
export function notify(message: string): void {
  let region = document.getElementById('pindown-notice')
  if (!region) {
    region = h('div', { id: 'pindown-notice', class: 'page-notice', role: 'status', 'aria-live': 'polite' })
    document.body.append(region)
  }
  region.textContent = message
  region.hidden = false
}

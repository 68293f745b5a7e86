/** What the server embeds in a page (`<script type="application/json" id="pindown-data">`). */
export interface PublicPin {
  id: string
  pin_type: string
  pin_config: Record<string, unknown>
  pin_layout: string
  metadata: { title: string; tags: readonly string[] }
  created_at: number
  updated_at: number
  version: number
}

export interface PageData {
  kind: 'pin' | 'board'
  /** Without the page chrome, for iframes. */
  embed: boolean
  title: string
  pins: PublicPin[]
  /** The Server-Sent Events stream of these pins' changes. */
  events: string
}

export function readPageData(): PageData {
  const element = document.getElementById('pindown-data')
  if (!element?.textContent) throw new Error('This page has no pin data')
  const data = JSON.parse(element.textContent) as PageData
  // The page keeps no copy: content of a pin that is later hidden must not linger in the document.
  element.remove()
  return data
}

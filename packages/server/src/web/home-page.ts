import { pinTypeIds } from '@pindown/pin-types'
import { type AppPage, type Nav, timeTag } from './app-layout.js'
import { selectField } from './form-fields.js'
import { type Html, html } from './html-template.js'

export const pinsPerPage = 24

export interface HomePin {
  readonly id: string
  readonly title: string
  readonly pinType: string
  readonly updatedAt: number
  /** Shared with the person, not a pin of their workspace. */
  readonly shared: boolean
}

export interface HomeView {
  readonly pins: readonly HomePin[]
  readonly total: number
  readonly hasMore: boolean
  /** 1 for the first page. */
  readonly page: number
  readonly q: string
  readonly pinType: string
  readonly nav: Nav
  readonly csrf: string
}

function pageLink(v: HomeView, page: number): string {
  const query = new URLSearchParams()
  if (v.q) query.set('q', v.q)
  if (v.pinType) query.set('pin_type', v.pinType)
  if (page > 1) query.set('page', String(page))
  const text = query.toString()
  return text ? `/?${text}` : '/'
}

function pager(v: HomeView): Html {
  if (v.page === 1 && !v.hasMore) return html``
  const first = (v.page - 1) * pinsPerPage + 1
  return html`<nav class="pager" aria-label="Pages">
${v.page > 1 ? html`<a rel="prev" href="${pageLink(v, v.page - 1)}">Previous page</a>` : ''}
<span>Pins ${first}–${first + v.pins.length - 1} of ${v.total}</span>
${v.hasMore ? html`<a rel="next" href="${pageLink(v, v.page + 1)}">Next page</a>` : ''}
</nav>`
}

const pinItem = (pin: HomePin) => html`<li class="pin-item">
<a class="pin-item-title" href="/share/pin/${pin.id}">${pin.title || 'Untitled'}</a>
<p class="pin-meta"><span class="tag">${pin.pinType}</span> <span>Updated ${timeTag(pin.updatedAt)}</span>${pin.shared ? html` <span class="badge">Shared with me</span>` : ''}</p>
</li>`

/** The pins a person can see, newest first: searchable by title, filtered by type, a page at a time. */
export function homePage(v: HomeView): AppPage {
  const filtered = v.q !== '' || v.pinType !== ''
  const empty = filtered
    ? html`<p class="app-empty">No pins match. <a href="/">Show all pins</a></p>`
    : html`<p class="app-empty">No pins yet. Pins your workspace publishes through the API, and pins people share with you, appear here.</p>`
  const main = html`<h1>Pins</h1>
<form class="app-search" role="search" method="get" action="/">
<div class="field"><label for="q">Search titles</label><input id="q" name="q" type="search" value="${v.q}"></div>
${selectField({ name: 'pin_type', label: 'Type', value: v.pinType, options: [{ value: '', text: 'All types' }, ...pinTypeIds] })}
<button type="submit" class="button">Search</button>
</form>
${v.pins.length === 0 ? empty : html`<ol class="pin-list">${v.pins.map(pinItem)}</ol>`}
${pager(v)}`
  return { title: 'Pins', main, nav: v.nav, csrf: v.csrf }
}

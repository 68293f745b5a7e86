import { pinColor } from '../colors.js'
import { icon } from '../content-icons.js'
import { h, link } from '../dom.js'
import type { Renderer } from '../renderer.js'
import { siteHost } from '../urls.js'
import './links.css'

interface LinkItem {
  url: string
  title?: string | undefined
  description?: string | undefined
}

/** The site's name without subdomains (`status.example.com` → `example`), for the letter tile and its colour. */
function siteName(host: string): string {
  const labels = host.split('.')
  return (labels.length > 1 ? labels[labels.length - 2] : labels[0]) ?? host
}

function withoutScheme(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '')
}

/** A stable palette index per host, so links to the same site share a colour. */
function hostColor(host: string): string {
  let hash = 0
  for (const char of host) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return pinColor(undefined, hash)
}

function card(item: LinkItem): HTMLElement {
  const host = siteHost(item.url)
  const site = siteName(host)
  const tile = h('span', { class: 'links-tile', 'aria-hidden': 'true' }, site.charAt(0).toUpperCase() || '?')
  tile.style.setProperty('--links-color', hostColor(site))
  const anchor = link(
    item.url,
    h(
      'span',
      { class: 'links-card-inner' },
      tile,
      h(
        'span',
        { class: 'links-text' },
        h(
          'span',
          { class: `links-title${item.title ? '' : ' links-title-url'}` },
          item.title || withoutScheme(item.url),
        ),
        item.description && h('span', { class: 'links-description' }, item.description),
        h('span', { class: 'links-host' }, icon('link', 'links-host-icon'), h('span', {}, host)),
      ),
      icon('external', 'links-arrow'),
    ),
  )
  anchor.classList.add('links-card')
  return h('li', {}, anchor)
}

const render: Renderer<'links'> = (config) => {
  if (config.links.length === 0) return h('p', { class: 'links-empty muted' }, 'No links yet.')
  return h('ul', { class: 'links' }, config.links.map(card))
}
export default render

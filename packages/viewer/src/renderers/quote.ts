import { h, link } from '../dom.js'
import type { Renderer } from '../renderer.js'
import { safeUrl, siteHost } from '../urls.js'
import './quote.css'

function attribution(config: {
  author?: string | undefined
  source?: string | undefined
  sourceUrl?: string | undefined
}) {
  const source = config.source || (config.sourceUrl && siteHost(config.sourceUrl))
  if (!config.author && !source) return null
  return h(
    'figcaption',
    { class: 'quote-attribution' },
    h(
      'span',
      { class: 'quote-credit' },
      config.author && h('span', { class: 'quote-author' }, config.author),
      source && h('cite', { class: 'quote-source' }, config.sourceUrl ? link(config.sourceUrl, source) : source),
    ),
  )
}

const render: Renderer<'quote'> = (config) =>
  h(
    'figure',
    { class: 'quote' },
    h('span', { class: 'quote-mark', 'aria-hidden': 'true' }, '\u201C'),
    h('blockquote', { class: 'quote-text', cite: safeUrl(config.sourceUrl) }, h('p', {}, config.text)),
    attribution(config),
  )
export default render

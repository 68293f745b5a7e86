import { allowedEmbedUrl, embedProviders } from '@pindown/pin-types/embed-providers'
import { h } from '../dom.js'
import { embedFrame } from '../embed-frame.js'
import { buttonLink } from '../media-files.js'
import type { Renderer } from '../renderer.js'
import { hostOf } from '../urls.js'
import './embed.css'

type Provider = keyof typeof embedProviders

const providerNames: Record<Provider, string> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  loom: 'Loom',
  figma: 'Figma',
  'google-docs': 'Google Docs',
}

const render: Renderer<'embed'> = (config) => {
  const src = allowedEmbedUrl(config.url)
  if (!src) return blocked(config.url)
  const ratio = config.aspectRatio ?? '16:9'
  const provider = providerOf(config.type, src)
  const frame = embedFrame(src, provider ?? 'generic', ratio)
  const box = h(
    'div',
    { class: `embed-box embed-${provider ?? 'generic'}` },
    frame,
    h(
      'div',
      { class: 'embed-bar' },
      h(
        'span',
        { class: 'embed-provider' },
        h('span', { class: 'embed-logo', 'aria-hidden': 'true' }),
        provider ? providerNames[provider] : 'Embedded page',
      ),
      h('span', { class: 'embed-host' }, hostOf(src) ?? ''),
      buttonLink(src, 'Open ↗', false),
    ),
  )
  // Tall frames (4:3, 1:1, portrait) stay within the window: the box narrows to keep the ratio.
  const [width, height] = ratio.split(':').map(Number)
  if (width && height) box.style.maxWidth = `calc((100vh - 140px) * ${width / height})`
  return box
}

/** The provider named by `type`, else the one that serves the URL. */
function providerOf(type: string | undefined, src: string): Provider | undefined {
  if (type && type in providerNames) return type as Provider
  const origin = new URL(src).origin
  return (Object.keys(embedProviders) as Provider[]).find((id) =>
    (embedProviders[id] as readonly string[]).includes(origin),
  )
}

/** A page the viewer may not frame: the page's security policy only allows a few providers. */
function blocked(url: string): HTMLElement {
  return h(
    'div',
    { class: 'embed-blocked' },
    h('span', { class: 'embed-globe', 'aria-hidden': 'true' }),
    h(
      'div',
      { class: 'embed-blocked-text' },
      h('strong', { class: 'embed-blocked-host' }, hostOf(url) ?? 'External page'),
      h('span', { class: 'embed-blocked-url' }, url),
      h(
        'span',
        { class: 'embed-blocked-note' },
        'This page cannot be shown here: only YouTube, Vimeo, Loom, Figma and Google Docs can be embedded.',
      ),
    ),
    buttonLink(url, 'Open page ↗'),
  )
}

export default render

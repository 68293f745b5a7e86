import { allowedEmbedUrl } from '@pindown/pin-types/embed-providers'
import { h, link } from './dom.js'

/**
 * A sandboxed iframe for an allowed provider's URL (YouTube, Vimeo, Loom, Figma, Google Docs); any other
 * URL becomes a plain link, since the page's Content-Security-Policy would refuse to frame it anyway.
 */
export function embedFrame(url: unknown, type: unknown, aspectRatio: unknown): HTMLElement | null {
  if (typeof url !== 'string') return null
  const src = allowedEmbedUrl(url)
  if (!src) return h('p', { class: 'embed-link' }, 'Open ', link(url, url))
  const [w, hgt] = typeof aspectRatio === 'string' ? aspectRatio.split(':').map(Number) : [16, 9]
  const frame = h('iframe', {
    src,
    title: typeof type === 'string' ? `${type} embed` : 'Embedded content',
    sandbox: 'allow-scripts allow-same-origin allow-popups allow-presentation',
    allow: 'fullscreen; picture-in-picture',
    referrerpolicy: 'strict-origin-when-cross-origin',
    loading: 'lazy',
  })
  const box = h('div', { class: 'embed-frame' }, frame)
  box.style.aspectRatio = `${w || 16} / ${hgt || 9}`
  return box
}

import { h, image } from '../dom.js'
import { embedFrame } from '../embed-frame.js'
import type { Renderer } from '../renderer.js'
import './text-media.css'

const render: Renderer<'text-media'> = (config) => {
  const media =
    config.mediaType === 'embed'
      ? embedFrame(config.embedConfig?.url, config.embedConfig?.type, config.embedConfig?.aspectRatio)
      : image(config.imageConfig?.url, config.imageConfig?.alt)
  return h(
    'div',
    { class: `text-media text-${config.textPosition ?? 'left'}` },
    h(
      'div',
      { class: 'text-media-text' },
      config.title && h('h3', {}, config.title),
      config.text && h('p', {}, config.text),
      config.subtext && h('p', { class: 'muted' }, config.subtext),
    ),
    media && h('div', { class: 'text-media-media' }, media),
  )
}
export default render

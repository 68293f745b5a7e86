import { h, image } from '../dom.js'
import { openLightbox, picturePlaceholder, storedFileLabel, whenBroken } from '../media-files.js'
import type { Renderer } from '../renderer.js'
import { safeImageUrl } from '../urls.js'
import './image.css'

type Config = Parameters<Renderer<'image'>>[0]

const render: Renderer<'image'> = (config) => {
  const caption = config.caption?.trim() ? config.caption : undefined
  return h(
    'figure',
    { class: 'image-figure' },
    picture(config, caption),
    caption && h('figcaption', { class: 'image-caption' }, caption),
  )
}

function picture(config: Config, caption: string | undefined): Node {
  const src = safeImageUrl(config.url)
  const missing = () =>
    picturePlaceholder(
      config.alt,
      src ? 'The picture could not be loaded' : config.fileId ? storedFileLabel(config.fileId) : 'No picture',
    )
  const img = src && image(src, config.alt)
  if (!src || !img) return missing()
  const alt = config.alt ?? ''
  const zoom = h(
    'button',
    { type: 'button', class: 'image-zoom', 'aria-label': alt ? `Enlarge: ${alt}` : 'Enlarge' },
    img,
  )
  zoom.addEventListener('click', () => openLightbox([{ src, alt, caption }], 0))
  whenBroken(img, () => zoom.replaceWith(missing()))
  return zoom
}

export default render

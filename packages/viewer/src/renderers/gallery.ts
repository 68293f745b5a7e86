import { h, image } from '../dom.js'
import { type LightboxItem, openLightbox, picturePlaceholder, storedFileLabel, whenBroken } from '../media-files.js'
import type { Renderer } from '../renderer.js'
import { safeImageUrl } from '../urls.js'
import './gallery.css'

type Picture = Parameters<Renderer<'gallery'>>[0]['images'][number]

const sizes: Record<number, string> = { 1: ' gallery-one', 2: ' gallery-two' }

const render: Renderer<'gallery'> = (config) => {
  const viewable: LightboxItem[] = []
  const items = config.images.map((picture, i) => {
    const src = safeImageUrl(picture.url)
    const caption = picture.caption?.trim() ? picture.caption : undefined
    if (src) viewable.push({ src, alt: picture.alt ?? '', caption })
    const slot = viewable.length - 1
    return tile(picture, src, caption, `${i + 1} of ${config.images.length}`, () => openLightbox(viewable, slot))
  })
  return h(
    'div',
    { class: 'gallery-wrap' },
    h('div', { class: `gallery${sizes[items.length] ?? ''}`, role: 'list' }, items),
  )
}

function tile(
  picture: Picture,
  src: string | undefined,
  caption: string | undefined,
  position: string,
  open: () => void,
): HTMLElement {
  const missing = () =>
    h(
      'div',
      { class: 'gallery-thumb gallery-thumb-missing' },
      picturePlaceholder(
        picture.alt,
        src ? 'Could not be loaded' : picture.fileId ? storedFileLabel(picture.fileId) : 'No picture',
        true,
      ),
    )
  const img = src && image(src, picture.alt)
  let media: HTMLElement = missing()
  if (img) {
    const label = `Open picture ${position}${picture.alt ? `: ${picture.alt}` : ''}`
    const button = h('button', { type: 'button', class: 'gallery-thumb', 'aria-label': label }, img)
    button.addEventListener('click', open)
    whenBroken(img, () => button.replaceWith(missing()))
    media = button
  }
  return h(
    'figure',
    { class: 'gallery-item', role: 'listitem' },
    media,
    caption && h('figcaption', { class: 'gallery-caption' }, caption),
  )
}

export default render

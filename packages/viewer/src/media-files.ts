/** Elements for files and pictures: file icons and cards, chips, picture placeholders, a lightbox. */
import { h, image, link } from './dom.js'
import { type FileKind, iconLabel } from './file-kinds.js'
import './media-files.css'

type Child = Node | string | null | undefined | false

/** A page-shaped icon tinted by the file's kind, with its extension (`PDF`, `CSV`) on it. */
export function fileIcon(kind: FileKind, name = '', size: 'small' | 'large' = 'small'): HTMLElement {
  return h(
    'span',
    { class: `media-icon media-icon-${size} media-kind-${kind}`, 'aria-hidden': 'true' },
    h('span', { class: 'media-icon-label' }, iconLabel(kind, name)),
  )
}

/** The muted note for files kept by Pindown itself: there is no files API to link to yet. */
export function storedFileLabel(fileId: string): HTMLElement {
  return h('span', { class: 'media-stored', title: `File ID: ${fileId}` }, 'Stored file')
}

/** Pieces of meta text separated by middle dots. */
export function metaLine(className: string, parts: Child[]): HTMLElement {
  const line = h('span', { class: className })
  parts
    .filter((part): part is Node | string => Boolean(part))
    .forEach((part, i) => {
      if (i > 0) line.append(h('span', { class: 'media-dot', 'aria-hidden': 'true' }, '·'))
      line.append(part)
    })
  return line
}

/** A link styled as a button, or null when the URL is not http(s). */
export function buttonLink(url: string | undefined, text: string, primary = true): HTMLElement | null {
  if (!url) return null
  const anchor = link(url, text)
  if (anchor.tagName !== 'A') return null
  anchor.className = primary ? 'media-button media-button-primary' : 'media-button'
  return anchor
}

export interface DocumentCardOptions {
  kind: FileKind
  name: string
  /** Drawn page (a PDF) or grid (a spreadsheet) on the left. */
  preview: 'page' | 'sheet'
  previewBadge?: string | undefined
  meta: Child[]
  chips?: Child[] | undefined
  actions?: Child[] | undefined
  note?: Child
}

/** A roomy card for one document that the viewer cannot show inline (a PDF, a workbook file). */
export function documentCard(options: DocumentCardOptions): HTMLElement {
  const preview = h(
    'div',
    {
      class: `media-doc-preview media-doc-preview-${options.preview} media-kind-${options.kind}`,
      'aria-hidden': 'true',
    },
    h(
      'span',
      { class: 'media-doc-page' },
      h('span', { class: 'media-doc-tag' }, iconLabel(options.kind, options.name)),
    ),
    options.previewBadge && h('span', { class: 'media-doc-badge' }, options.previewBadge),
  )
  const chips = (options.chips ?? []).filter(Boolean)
  const actions = (options.actions ?? []).filter(Boolean)
  return h(
    'div',
    { class: 'media-doc' },
    preview,
    h(
      'div',
      { class: 'media-doc-info' },
      h('h3', { class: 'media-doc-name', title: options.name }, options.name),
      metaLine('media-doc-meta', options.meta),
      chips.length > 0 && h('div', { class: 'media-chips' }, chips),
      actions.length > 0 && h('div', { class: 'media-actions' }, actions),
      options.note && h('p', { class: 'media-doc-note' }, options.note),
    ),
  )
}

export function chip(text: Child, tone: 'plain' | 'accent' = 'plain'): HTMLElement {
  return h('span', { class: `media-chip media-chip-${tone}` }, text)
}

/** Stands in for a picture that cannot be shown: a stored file, an unusable URL or one that failed to load. */
export function picturePlaceholder(alt: string | undefined, reason: Child, compact = false): HTMLElement {
  return h(
    'div',
    { class: compact ? 'media-picture-missing media-picture-missing-compact' : 'media-picture-missing', role: 'img' },
    h('span', { class: 'media-picture-glyph', 'aria-hidden': 'true' }),
    alt && h('span', { class: 'media-picture-alt' }, alt),
    h('span', { class: 'media-picture-reason' }, reason),
  )
}

/** Runs `action` if the picture fails to load, so a dead link can show a placeholder, not a broken-image icon. */
export function whenBroken(img: HTMLImageElement, action: () => void): void {
  img.addEventListener('error', action, { once: true })
}

export interface LightboxItem {
  src: string
  alt: string
  caption?: string | undefined
}

/** Shows pictures one at a time over the page, with arrows (and arrow keys) between them; Escape closes. */
export function openLightbox(items: LightboxItem[], start: number): void {
  if (items.length === 0) return
  let index = start
  const figure = h('figure', { class: 'media-lightbox-figure' })
  const counter = h('span', { class: 'media-lightbox-counter' })
  const original = h('span', { class: 'media-lightbox-original' })
  const close = h('button', { type: 'button', class: 'media-lightbox-close', 'aria-label': 'Close' }, '×')
  const many = items.length > 1
  const previous =
    many &&
    h('button', { type: 'button', class: 'media-lightbox-nav media-lightbox-prev', 'aria-label': 'Previous' }, '‹')
  const next =
    many && h('button', { type: 'button', class: 'media-lightbox-nav media-lightbox-next', 'aria-label': 'Next' }, '›')
  const dialog = h(
    'dialog',
    { class: 'media-lightbox', 'aria-label': 'Picture viewer' },
    close,
    previous,
    figure,
    next,
    h('div', { class: 'media-lightbox-bar' }, many && counter, original),
  )
  const show = (i: number) => {
    index = (i + items.length) % items.length
    const item = items[index]!
    figure.replaceChildren(
      image(item.src, item.alt) ?? '',
      item.caption ? h('figcaption', { class: 'media-lightbox-caption' }, item.caption) : '',
    )
    counter.textContent = `${index + 1} / ${items.length}`
    original.replaceChildren(/^https?:/i.test(item.src) ? link(item.src, 'Open original ↗') : '')
  }
  if (previous) previous.addEventListener('click', () => show(index - 1))
  if (next) next.addEventListener('click', () => show(index + 1))
  close.addEventListener('click', () => dialog.close())
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog || event.target === figure) dialog.close()
  })
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowLeft' && many) show(index - 1)
    if (event.key === 'ArrowRight' && many) show(index + 1)
  })
  dialog.addEventListener('close', () => dialog.remove())
  show(start)
  document.body.append(dialog)
  dialog.showModal()
  close.focus()
}

import { h, link } from '../dom.js'
import { fileKind, kindName } from '../file-kinds.js'
import { chip, fileIcon, metaLine, storedFileLabel } from '../media-files.js'
import { humanSize } from '../numbers.js'
import type { Renderer } from '../renderer.js'
import './file-upload.css'

type Config = Parameters<Renderer<'file-upload'>>[0]
type File = Config['files'][number]

const render: Renderer<'file-upload'> = (config) =>
  h(
    'div',
    { class: 'file-upload' },
    summary(config),
    config.files.length > 0
      ? h('ul', { class: 'file-upload-list' }, config.files.map(card))
      : h('p', { class: 'file-upload-empty' }, 'No files attached yet.'),
    limits(config),
  )

function summary(config: Config): HTMLElement | null {
  const { files, maxFiles } = config
  const sizes = files.map((file) => file.size)
  const total = sizes.every((size) => size !== undefined) && files.length > 0 ? sizes.reduce((a, b) => a + b, 0) : null
  if (files.length === 0 && maxFiles === undefined) return null
  return h(
    'div',
    { class: 'file-upload-summary' },
    metaLine('file-upload-count', [
      h('strong', {}, `${files.length.toLocaleString()} ${files.length === 1 ? 'file' : 'files'}`),
      total !== null && `${humanSize(total)} in total`,
    ]),
    maxFiles !== undefined && meter(files.length, maxFiles),
  )
}

/** How much of the `maxFiles` allowance the listed files use. */
function meter(used: number, max: number): HTMLElement {
  const fill = h('span', { class: 'file-upload-meter-fill' })
  fill.style.width = `${Math.min(100, (used / max) * 100)}%`
  const full = used >= max
  return h(
    'span',
    { class: full ? 'file-upload-quota file-upload-quota-full' : 'file-upload-quota' },
    h('span', { class: 'file-upload-meter', 'aria-hidden': 'true' }, fill),
    `${used.toLocaleString()} of ${max.toLocaleString()} ${max === 1 ? 'file' : 'files'}`,
  )
}

function card(file: File): HTMLElement {
  const kind = fileKind(file.name, file.mimeType)
  const name = file.url ? link(file.url, file.name) : h('span', {}, file.name)
  name.classList.add('file-upload-name')
  name.setAttribute('title', file.name)
  return h(
    'li',
    { class: 'file-upload-item' },
    fileIcon(kind, file.name),
    h(
      'div',
      { class: 'file-upload-text' },
      name,
      metaLine('file-upload-meta', [
        kindName(kind),
        file.size !== undefined && humanSize(file.size),
        !file.url && file.fileId && storedFileLabel(file.fileId),
      ]),
    ),
    file.url && h('span', { class: 'file-upload-go', 'aria-hidden': 'true' }, '↗'),
  )
}

function limits(config: Config): HTMLElement {
  const { accept } = config
  return h(
    'div',
    { class: 'file-upload-limits' },
    h('span', { class: 'file-upload-limits-label' }, 'Accepts'),
    accept && accept.length > 0 ? accept.map((token) => chip(token)) : chip('Any file type'),
  )
}

export default render

import { h } from '../dom.js'
import { uniqueId } from '../ids.js'
import { renderMarkdown } from '../markdown.js'
import type { InlineEdit, Renderer } from '../renderer.js'
import './markdown.css'

type MarkdownConfig = Parameters<Renderer<'markdown'>>[0]
type Edit = InlineEdit<MarkdownConfig>

function button(label: string, className: string, action: () => void): HTMLButtonElement {
  const node = h('button', { type: 'button', class: `markdown-edit-button ${className}` }, label)
  node.addEventListener('click', action)
  return node
}

function withContent(config: MarkdownConfig, content: string): MarkdownConfig {
  const next = structuredClone(config)
  if (content === '') delete next.content
  else next.content = content
  return next
}

/**
 * The source beside its live preview, with Save and Cancel. Saving replaces the whole text: the person
 * saw the text they replace, and the page re-renders the card whenever the pin changes.
 */
function editor(source: string, edit: Edit, close: (saved?: string) => void): HTMLElement {
  const inputId = uniqueId('markdown-source')
  const textarea = h('textarea', { id: inputId, class: 'markdown-source', rows: 12, spellcheck: 'true' })
  textarea.value = source
  const preview = h(
    'div',
    { class: 'markdown-preview', role: 'region', 'aria-label': 'Preview' },
    renderMarkdown(source),
  )
  const status = h('p', { class: 'markdown-edit-status', role: 'status' })
  let pending = 0
  textarea.addEventListener('input', () => {
    cancelAnimationFrame(pending)
    pending = requestAnimationFrame(() => preview.replaceChildren(renderMarkdown(textarea.value)))
  })
  const save = button('Save', 'is-primary', async () => {
    const text = textarea.value
    save.disabled = true
    status.textContent = 'Saving…'
    const saved = await edit((config) => withContent(config, text))
    save.disabled = false
    status.textContent = ''
    if (saved) close(text)
  })
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close()
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save.click()
  })
  const panel = h(
    'div',
    { class: 'markdown-editor' },
    h(
      'div',
      { class: 'markdown-editor-panes' },
      h(
        'div',
        { class: 'markdown-editor-pane' },
        h('label', { for: inputId, class: 'markdown-pane-label' }, 'Markdown'),
        textarea,
      ),
      h(
        'div',
        { class: 'markdown-editor-pane' },
        h('span', { class: 'markdown-pane-label', 'aria-hidden': 'true' }, 'Preview'),
        preview,
      ),
    ),
    h(
      'div',
      { class: 'markdown-editor-actions' },
      save,
      button('Cancel', '', () => close()),
      status,
    ),
  )
  requestAnimationFrame(() => textarea.focus())
  return panel
}

/** The rendered text with an Edit button that swaps it for the editor (and back on Save or Cancel). */
function editable(config: MarkdownConfig, edit: Edit): HTMLElement {
  let source = config.content ?? ''
  const root = h('div', { class: 'markdown-editable' })
  const show = () => {
    const open = button('Edit', 'markdown-edit-open', () => root.replaceChildren(editor(source, edit, closed)))
    open.setAttribute('aria-label', 'Edit the text')
    root.replaceChildren(h('div', { class: 'markdown-edit-bar' }, open), renderMarkdown(source))
    return open
  }
  // Until the saved version comes back on the live stream, the text just saved is shown.
  const closed = (saved?: string) => {
    if (saved !== undefined) source = saved
    show().focus()
  }
  show()
  return root
}

const render: Renderer<'markdown'> = (config, { edit }) =>
  edit ? editable(config, edit) : renderMarkdown(config.content ?? '')
export default render

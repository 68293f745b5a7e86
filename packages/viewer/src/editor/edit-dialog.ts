import { isPinTypeId, type PinTypeId, pinConfigJsonSchema, validatePinConfig } from '@pindown/pin-types'
import { h } from '../dom.js'
import { uniqueId } from '../ids.js'
import type { PublicPin, Reader } from '../page-data.js'
import { type Refusal, savePin } from '../pin-api.js'
import { leafFrame } from './field-frame.js'
import { changesFrom, type Draft, draftOf, metadataIssues, parseTags, reapply } from './pin-changes.js'
import { type SchemaForm, schemaForm } from './schema-form.js'
import type { Issue } from './widget.js'
import './editor.css'

/**
 * The edit form of a pin, in a modal `<dialog class="pin-editor">`: title, tags and a form generated from
 * the type's JSON Schema. Save checks the config with the very schema the server uses, then sends only
 * what changed, on top of the version the form started from. A pin changed meanwhile is not overwritten:
 * the person chooses to reload it or to re-apply their changes on top.
 *
 * Resolves when the dialog closes: with the saved pin, or undefined when nothing was saved (cancelled,
 * or nothing changed). A save also dispatches `pindown:saved` (`detail: { id, version }`) on the document.
 * Loaded on demand (`import('./editor/edit-dialog.js')`): it brings zod and every type's schema along.
 */
export function openEditor(pin: PublicPin, reader: Reader): Promise<PublicPin | undefined> {
  const type = pin.pin_type
  if (!isPinTypeId(type)) return Promise.reject(new Error(`Pins of type ${type} cannot be edited here`))
  return new Promise((resolve) => {
    const dialog = editorDialog(type, pin, reader, resolve)
    document.body.append(dialog)
    dialog.showModal()
  })
}

function editorDialog(
  type: PinTypeId,
  pin: PublicPin,
  reader: Reader,
  resolve: (saved: PublicPin | undefined) => void,
): HTMLDialogElement {
  let base = pin
  let saved: PublicPin | undefined
  let title = ''
  let tags: string[] = []
  let form: SchemaForm

  const headingId = uniqueId('pe-heading')
  const subtitle = h('p', { class: 'pe-subtitle' })
  const summary = h('div', { class: 'pe-summary', role: 'alert', tabindex: -1, hidden: true })
  const conflict = h('div', { class: 'pe-conflict', role: 'alert', hidden: true })
  const titleInput = h('input', { type: 'text', class: 'pe-text', autocomplete: 'off' })
  const tagsInput = h('input', { type: 'text', class: 'pe-text', autocomplete: 'off' })
  const titleFrame = leafFrame({ text: 'Title', required: true }, [titleInput])
  const tagsFrame = leafFrame({ text: 'Tags', required: false, hint: 'Separated by commas' }, [tagsInput])
  const configHolder = h('div', { class: 'pe-config' })
  const status = h('span', { class: 'pe-status', role: 'status' })
  const cancel = h('button', { type: 'button', class: 'pe-cancel' }, 'Cancel')
  const saveButton = h('button', { type: 'submit', class: 'pe-save' }, 'Save')
  const formElement = h(
    'form',
    { class: 'pe-form', novalidate: true },
    h('header', { class: 'pe-header' }, h('h2', { id: headingId }, 'Edit pin'), subtitle),
    h(
      'div',
      { class: 'pe-body' },
      summary,
      conflict,
      h('div', { class: 'pe-meta' }, titleFrame.element, tagsFrame.element),
      configHolder,
    ),
    h('footer', { class: 'pe-footer' }, status, cancel, saveButton),
  )
  const dialog = h('dialog', { class: 'pin-editor', 'aria-labelledby': headingId }, formElement)

  titleInput.addEventListener('input', () => {
    title = titleInput.value
  })
  tagsInput.addEventListener('input', () => {
    tags = parseTags(tagsInput.value)
  })

  /** Shows `draft` (by default, the pin as it is) in the form, with `on` as the version it builds on. */
  function load(on: PublicPin, draft: Draft = draftOf(on)) {
    base = on
    subtitle.textContent = `${type} · version ${on.version}`
    title = draft.title
    tags = draft.tags
    titleInput.value = draft.title
    tagsInput.value = draft.tags.join(', ')
    form = schemaForm(pinConfigJsonSchema(type), draft.config)
    configHolder.replaceChildren(form.element)
    showIssues([])
    conflict.hidden = true
  }

  const readDraft = (): Draft => ({ config: form.value(), title, tags })

  function showIssues(issues: readonly Issue[]) {
    const metadata = (path: string) => path === 'metadata' || path.startsWith('metadata.')
    form.showIssues(issues.filter((issue) => !metadata(issue.path)))
    titleFrame.showMessages(issues.filter((i) => i.path === 'metadata.title').map((i) => i.message))
    tagsFrame.showMessages(issues.filter((i) => i.path.startsWith('metadata.tags')).map((i) => i.message))
    summary.hidden = issues.length === 0
    summary.replaceChildren(
      h(
        'p',
        {},
        issues.length === 1 ? 'One thing to fix before saving:' : `${issues.length} things to fix before saving:`,
      ),
      h(
        'ul',
        {},
        issues.map((issue) => h('li', {}, h('code', {}, pathLabel(issue.path)), ' ', issue.message)),
      ),
    )
  }

  function showRefusal(refusal: Refusal) {
    const issues = refusal.issues.map((issue) => ({
      ...issue,
      path: issue.path.replace(/^pin_config(\.|(?=\[)|$)/, '') || '(root)',
    }))
    showIssues(issues)
    summary.hidden = false
    summary.prepend(h('p', { class: 'pe-refusal' }, refusal.message))
    summary.focus()
  }

  function showConflict(current: PublicPin) {
    const by = current.updated_by ? `, by ${current.updated_by.name}` : ''
    const reload = h('button', { type: 'button', class: 'pe-reload' }, 'Discard mine and reload')
    const apply = h('button', { type: 'button', class: 'pe-apply' }, 'Apply my changes on top')
    reload.addEventListener('click', () => {
      load(current)
      titleInput.focus()
    })
    apply.addEventListener('click', () => {
      load(current, reapply(base, readDraft(), current))
      void save()
    })
    conflict.replaceChildren(
      h('p', {}, `This pin changed while you were editing (now version ${current.version}${by}).`),
      h('div', { class: 'pe-conflict-actions' }, reload, apply),
    )
    conflict.hidden = false
    reload.focus()
  }

  let saving = false
  function busy(on: boolean) {
    saving = on
    saveButton.disabled = on
    status.textContent = on ? 'Saving…' : ''
  }

  async function save() {
    if (saving) return
    conflict.hidden = true
    const draft = readDraft()
    const problems = [...metadataIssues(draft), ...form.problems()]
    if (problems.length === 0) {
      const checked = validatePinConfig(type, draft.config)
      if (!checked.ok) problems.push(...checked.issues)
    }
    showIssues(problems)
    if (problems.length) {
      summary.focus()
      return
    }
    const changes = changesFrom(base, draft)
    if (!changes) {
      dialog.close()
      return
    }
    busy(true)
    const result = await savePin(base.id, base.version, changes, reader.csrf)
    busy(false)
    if (result.kind === 'saved') {
      saved = result.pin
      document.dispatchEvent(
        new CustomEvent('pindown:saved', { detail: { id: result.pin.id, version: result.pin.version } }),
      )
      dialog.close()
    } else if (result.kind === 'conflict') {
      showConflict(result.current)
    } else {
      showRefusal(result)
    }
  }

  formElement.addEventListener('submit', (event) => {
    event.preventDefault()
    void save()
  })
  cancel.addEventListener('click', () => dialog.close())
  dialog.addEventListener('close', () => {
    dialog.remove()
    resolve(saved)
  })
  load(pin)
  return dialog
}

const pathLabel = (path: string) =>
  path === 'metadata.title' ? 'Title' : path.startsWith('metadata.tags') ? 'Tags' : path

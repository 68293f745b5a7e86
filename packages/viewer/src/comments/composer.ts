import { h } from '../dom.js'
import { uniqueId } from '../ids.js'
import type { Refusal } from '../pin-api.js'
import { refusalText } from './refusal.js'

export interface ComposerOptions {
  /** The textarea's visible label. */
  label: string
  /** The submit button's text. */
  submit: string
  initial?: string
  /** Sends the text: answers null once it landed, or why the server refused it (the text stays). */
  send(text: string): Promise<Refusal | null>
  /** Shows a Cancel button that calls this. */
  cancel?: () => void
  /** Empties the textarea once the text landed (a new comment); editors are closed by their owner instead. */
  clearOnSend?: boolean
}

export interface Composer {
  readonly element: HTMLFormElement
  focus(): void
}

const maxLength = 10_000

/** A labelled textarea with its buttons; refusals show under it and the typed text is kept. */
export function composer(options: ComposerOptions): Composer {
  const id = uniqueId('comment-text')
  const textarea = h('textarea', { id, name: 'body', rows: 3, maxlength: maxLength, required: true })
  textarea.value = options.initial ?? ''
  const button = h('button', { type: 'submit', class: 'comment-button comment-button-primary' }, options.submit)
  const message = h('p', { class: 'comment-refusal', role: 'alert', hidden: true })
  const form = h(
    'form',
    { class: 'comment-form', novalidate: true },
    h('label', { for: id, class: 'comment-form-label' }, options.label),
    textarea,
    message,
    h(
      'div',
      { class: 'comment-form-actions' },
      button,
      options.cancel && h('button', { type: 'button', class: 'comment-button', 'data-action': 'cancel' }, 'Cancel'),
    ),
  )
  const showRefusal = (text: string | null) => {
    message.hidden = text === null
    message.textContent = text ?? ''
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const text = textarea.value
    if (text.trim() === '') {
      showRefusal('Write something first.')
      textarea.focus()
      return
    }
    button.disabled = true
    form.setAttribute('aria-busy', 'true')
    try {
      const refusal = await options.send(text)
      showRefusal(refusal && refusalText(refusal))
      if (!refusal && options.clearOnSend) textarea.value = ''
    } finally {
      button.disabled = false
      form.removeAttribute('aria-busy')
    }
  })
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      form.requestSubmit()
    } else if (event.key === 'Escape' && options.cancel) {
      options.cancel()
    }
  })
  form.querySelector('[data-action="cancel"]')?.addEventListener('click', () => options.cancel?.())

  return { element: form, focus: () => textarea.focus() }
}

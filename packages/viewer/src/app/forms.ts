import './app.css'
import { h } from '../dom.js'

/**
 * The web app's settings forms. A form marked `data-operation="PUT /v1/me/password"` is sent as JSON
 * (its named fields; checkboxes as lists; empty fields left out) with the page's CSRF token. The answer's
 * message or error shows in the form's live region, errors also by the fields they name. After a success,
 * `data-reveal` shows one field of the answer (a new key, an invite link) once, and the sections marked
 * `data-refresh` are reloaded from the page. Other attributes: `data-confirm` asks first, `data-done` is the
 * success message, `data-unless` names an answer flag that means "nothing to reveal" (with its message in
 * `data-done-unless`), `data-reset` empties the form after a success.
 */

interface Envelope {
  success: boolean
  data?: Record<string, unknown>
  error?: { code: string; message: string; details?: { path: string; message: string }[] }
}

const csrfToken = () => document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? ''

async function call(method: string, path: string, body: unknown): Promise<Envelope> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    // Under `no-referrer` the browser would send `Origin: null`, which the server's Origin check refuses.
    referrerPolicy: 'same-origin',
    headers: { 'x-csrf-token': csrfToken(), ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  try {
    return (await response.json()) as Envelope
  } catch {
    return {
      success: false,
      error: { code: 'BAD_ANSWER', message: `The server answered ${response.status}; try again` },
    }
  }
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

const controls = (form: HTMLFormElement) =>
  [...form.elements].filter(
    (e): e is Control =>
      (e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement) &&
      e.name !== '' &&
      !e.disabled,
  )

function formJson(form: HTMLFormElement): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const control of controls(form)) {
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      const list = (body[control.name] as string[] | undefined) ?? []
      if (control.checked) list.push(control.value)
      body[control.name] = list
    } else if (control.value !== '') {
      body[control.name] = control.value
    }
  }
  return body
}

/** The form's own live region, or the page's for the small forms of a table row. */
const statusOf = (form: HTMLFormElement) =>
  form.querySelector<HTMLElement>('.form-status') ?? document.getElementById('app-status')

function say(form: HTMLFormElement, message: string, error: boolean): void {
  const status = statusOf(form)
  if (!status) return
  status.classList.toggle('is-error', error)
  status.classList.toggle('is-done', !error && message !== '')
  status.textContent = message
}

function errorElement(form: HTMLFormElement, name: string, control: Control | undefined): HTMLElement | null {
  const byId = control?.id ? document.getElementById(`${control.id}-error`) : null
  return byId ?? form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`)
}

function clearErrors(form: HTMLFormElement): void {
  for (const control of controls(form)) control.removeAttribute('aria-invalid')
  for (const element of form.querySelectorAll<HTMLElement>('.field-error')) element.textContent = ''
  say(form, '', false)
}

function showError(form: HTMLFormElement, error: NonNullable<Envelope['error']>): void {
  let first: Control | undefined
  for (const detail of error.details ?? []) {
    const name = detail.path.split(/[.[]/)[0] ?? ''
    const named = controls(form).filter((c) => c.name === name)
    const target = errorElement(form, name, named[0])
    if (!target) continue
    target.textContent = detail.message
    for (const control of named) control.setAttribute('aria-invalid', 'true')
    first ??= named[0]
  }
  say(form, error.message, true)
  first?.focus()
}

function reveal(form: HTMLFormElement, secret: string): void {
  const box = form.querySelector<HTMLElement>('.app-reveal')
  if (!box) return
  const id = `${form.dataset.reveal}-secret`
  const input = h('input', { id, class: 'app-secret', readonly: true, spellcheck: 'false', value: secret })
  box.replaceChildren(
    h('label', { for: id }, form.dataset.revealLabel ?? 'Secret'),
    h(
      'div',
      { class: 'app-reveal-row' },
      input,
      h('button', { type: 'button', class: 'button button-secondary', 'data-copy': id }, 'Copy'),
    ),
  )
  box.hidden = false
  input.select()
}

/** Reloads the page's `data-refresh` sections; if the page is gone (signed out, no longer allowed), goes there. */
async function refresh(): Promise<void> {
  const response = await fetch(location.href, { credentials: 'same-origin' })
  if (response.redirected || !response.ok) {
    location.assign(response.url)
    return
  }
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html')
  let lostFocus: HTMLElement | undefined
  for (const region of document.querySelectorAll<HTMLElement>('[data-refresh]')) {
    const replacement = fresh.getElementById(region.id)
    if (!replacement) continue
    const focused = region.contains(document.activeElement)
    region.replaceWith(document.adoptNode(replacement))
    if (focused) lostFocus = replacement
  }
  // The button pressed was in a section that was replaced: focus its new copy's section, not the page.
  lostFocus?.focus()
}

async function submit(form: HTMLFormElement): Promise<void> {
  const [method = 'POST', path = ''] = (form.dataset.operation ?? '').split(' ')
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  if (button) button.disabled = true
  form.setAttribute('aria-busy', 'true')
  const box = form.querySelector<HTMLElement>('.app-reveal')
  if (box) {
    box.hidden = true
    box.replaceChildren()
  }
  clearErrors(form)
  try {
    const answer = await call(method, path, method === 'DELETE' ? undefined : formJson(form))
    if (!answer.success) {
      if (answer.error?.code === 'SIGN_IN_REQUIRED') {
        location.assign(`/sign-in?next=${encodeURIComponent(location.pathname)}`)
        return
      }
      showError(form, answer.error ?? { code: 'BAD_ANSWER', message: 'Something went wrong; try again' })
      return
    }
    const data = answer.data ?? {}
    const quiet = form.dataset.unless !== undefined && data[form.dataset.unless] === true
    if (form.hasAttribute('data-reset')) form.reset()
    say(form, (quiet ? form.dataset.doneUnless : form.dataset.done) ?? 'Done.', false)
    if (!quiet && form.dataset.reveal) reveal(form, String(data[form.dataset.reveal] ?? ''))
    await refresh()
  } catch {
    say(form, 'The server could not be reached; try again.', true)
  } finally {
    if (button) button.disabled = false
    form.removeAttribute('aria-busy')
  }
}

async function copy(button: HTMLButtonElement): Promise<void> {
  const input = document.getElementById(button.dataset.copy ?? '') as HTMLInputElement | null
  if (!input) return
  try {
    await navigator.clipboard.writeText(input.value)
    button.textContent = 'Copied'
  } catch {
    input.select()
    button.textContent = 'Press Ctrl+C to copy'
  }
}

/** Wires every `data-operation` form of the page (and of sections reloaded later); marks `<html data-app="ready">`. */
export function startForms(): void {
  document.addEventListener('submit', (event) => {
    const form = event.target
    if (!(form instanceof HTMLFormElement) || form.dataset.operation === undefined) return
    event.preventDefault()
    void submit(form)
  })
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('button[data-copy]')
    if (button instanceof HTMLButtonElement) void copy(button)
  })
  document.documentElement.dataset.app = 'ready'
}

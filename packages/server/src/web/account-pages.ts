import { minPasswordLength } from '../people/passwords.js'
import { type AppPage, messageMain } from './app-layout.js'
import { csrfField, type FormProblem, field, formStatus } from './form-fields.js'
import { type Html, html } from './html-template.js'

/** The sign-in, sign-up and first-owner setup forms. */

export interface SignInOptions {
  readonly csrf: string
  readonly email?: string
  readonly next: string
  readonly problem?: FormProblem
  /** "Sign in with …" links, shown when their providers are set up. */
  readonly providers: readonly { readonly name: string; readonly path: string }[]
  readonly signUp: boolean
}

const withNext = (path: string, next: string) => (next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`)

export function signInPage(o: SignInOptions): AppPage {
  const providers =
    o.providers.length === 0
      ? ''
      : html`<div class="app-providers"><p class="muted">Or</p><ul>${o.providers.map(
          (p) =>
            html`<li><a class="button button-secondary" href="${withNext(p.path, o.next)}">Sign in with ${p.name}</a></li>`,
        )}</ul></div>`
  const main = html`<div class="app-narrow">
<h1>Sign in</h1>
<form class="app-form" method="post" action="/sign-in">
${formStatus(o.problem)}
${csrfField(o.csrf)}
<input type="hidden" name="next" value="${o.next}">
${field({ name: 'email', label: 'Email', type: 'email', value: o.email, autocomplete: 'username', required: true }, o.problem)}
${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true }, o.problem)}
<button type="submit" class="button">Sign in</button>
</form>
${providers}
${o.signUp ? html`<p>No account yet? <a href="/sign-up">Create one</a></p>` : ''}
</div>`
  return { title: 'Sign in', main, csrf: o.csrf }
}

export interface NewAccountOptions {
  readonly csrf: string
  readonly action: string
  readonly values: { readonly email?: string; readonly name?: string }
  /** The address an invite was sent to: the form's email, not to be changed. */
  readonly invitedEmail?: string | null
  readonly problem?: FormProblem
  readonly hidden?: Html
  readonly submit: string
}

function newAccountForm(o: NewAccountOptions): Html {
  const email = o.invitedEmail ?? o.values.email
  const hint = o.invitedEmail ? 'The address the invite was sent to' : undefined
  return html`<form class="app-form" method="post" action="${o.action}">
${formStatus(o.problem)}
${csrfField(o.csrf)}
${o.hidden}
${field({ name: 'name', label: 'Your name', value: o.values.name, autocomplete: 'name' }, o.problem)}
${field({ name: 'email', label: 'Email', type: 'email', value: email, autocomplete: 'email', required: true, readonly: Boolean(o.invitedEmail), hint }, o.problem)}
${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', required: true, minlength: minPasswordLength, hint: `At least ${minPasswordLength} characters` }, o.problem)}
<button type="submit" class="button">${o.submit}</button>
</form>`
}

export interface SignUpOptions extends Omit<NewAccountOptions, 'action' | 'submit' | 'hidden'> {
  /** The invite being taken, and what it is for (`the pin "Q3"`). */
  readonly invite?: { readonly token: string; readonly placeName: string }
}

export function signUpPage(o: SignUpOptions): AppPage {
  const signIn = o.invite ? `/sign-in?next=${encodeURIComponent(`/invite/${o.invite.token}`)}` : '/sign-in'
  const main = html`<div class="app-narrow">
<h1>Create your account</h1>
${o.invite ? html`<p>You were invited to ${o.invite.placeName}. Create an account to accept.</p>` : ''}
${newAccountForm({
  ...o,
  action: '/sign-up',
  submit: 'Create account',
  hidden: o.invite && html`<input type="hidden" name="invite" value="${o.invite.token}">`,
})}
<p>Already have an account? <a href="${signIn}">Sign in</a></p>
</div>`
  return { title: 'Create your account', main, csrf: o.csrf }
}

export function setupPage(o: Omit<NewAccountOptions, 'submit'> & { readonly workspaceName: string }): AppPage {
  const main = html`<div class="app-narrow">
<h1>Set up Pindown</h1>
<p>Create the first owner account of the workspace “${o.workspaceName}”. This link works once.</p>
${newAccountForm({ ...o, invitedEmail: null, submit: 'Create owner account' })}
</div>`
  return { title: 'Setup', main, csrf: o.csrf }
}

export const registrationClosedPage = (): AppPage => ({
  title: 'Sign-up closed',
  main: messageMain(
    'Sign-up is by invite only',
    'This server does not take sign-ups. Ask someone who uses it for an invite: the link in the invite email creates your account.',
    html`<p><a href="/sign-in">Sign in</a> if you already have an account.</p>`,
  ),
})

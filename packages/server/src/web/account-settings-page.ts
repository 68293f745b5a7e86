import type { SessionRecord } from '@pindown/store'
import { minPasswordLength } from '../people/passwords.js'
import { type AppPage, type Nav, timeTag } from './app-layout.js'
import { field, formStatus } from './form-fields.js'
import { html } from './html-template.js'
import { describeUserAgent } from './user-agent.js'

/**
 * Account settings. Its forms are sent by the page script as JSON to the `/v1/me` operations
 * (`data-operation`); sections marked `data-refresh` are reloaded from the page after each change.
 */

export interface AccountView {
  readonly name: string
  readonly email: string
  readonly hasPassword: boolean
  readonly sessions: readonly SessionRecord[]
  readonly currentSessionId: string
  readonly nav: Nav
  readonly csrf: string
}

function sessionRow(session: SessionRecord, current: boolean) {
  const browser = describeUserAgent(session.userAgent)
  return html`<tr>
<td><span title="${session.userAgent}">${browser}</span>${current ? html` <span class="badge">This browser</span>` : ''}</td>
<td>${timeTag(session.createdAt)}</td>
<td>${timeTag(session.lastSeenAt)}</td>
<td>${timeTag(session.expiresAt)}</td>
<td><form data-operation="DELETE /v1/me/sessions/${session.id}"${current ? html` data-confirm="End this browser's session? You will be signed out."` : ''}>
<button type="submit" class="button button-small">End<span class="visually-hidden"> the session of ${browser}${current ? ' (this browser)' : ''}, signed in ${new Date(session.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC</span></button>
</form></td>
</tr>`
}

export function accountSettingsPage(v: AccountView): AppPage {
  const password = v.hasPassword
    ? field({
        name: 'current_password',
        id: 'current-password',
        label: 'Current password',
        type: 'password',
        autocomplete: 'current-password',
        required: true,
      })
    : html`<p class="muted">Your account signs in through a provider; a password lets it sign in with email too.</p>`
  const main = html`<h1>Account</h1>
<p>Signed in as <strong>${v.name}</strong> (${v.email}).</p>
<p id="app-status" class="form-status" role="status" aria-live="polite"></p>
<section class="app-section" aria-labelledby="password-heading">
<h2 id="password-heading">${v.hasPassword ? 'Change password' : 'Set a password'}</h2>
<form class="app-form" data-operation="PUT /v1/me/password" data-done="Password changed. Your other sessions have ended." data-reset>
${formStatus()}
${password}
${field({ name: 'new_password', id: 'new-password', label: 'New password', type: 'password', autocomplete: 'new-password', required: true, minlength: minPasswordLength, hint: `At least ${minPasswordLength} characters` })}
<button type="submit" class="button">${v.hasPassword ? 'Change password' : 'Set password'}</button>
</form>
</section>
<section class="app-section" id="sessions" aria-labelledby="sessions-heading" data-refresh tabindex="-1">
<h2 id="sessions-heading">Sessions</h2>
<p class="muted">Browsers signed in to your account. Ending a session signs that browser out.</p>
<div class="scroll-x"><table class="data app-table">
<thead><tr><th scope="col">Browser</th><th scope="col">Signed in</th><th scope="col">Last active</th><th scope="col">Expires</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>
${v.sessions.map((session) => sessionRow(session, session.id === v.currentSessionId))}
</tbody>
</table></div>
</section>
<section class="app-section" aria-labelledby="everywhere-heading">
<h2 id="everywhere-heading">Sign out everywhere</h2>
<p>Ends every session of your account, this browser's too: use it if you signed in on a computer that is not yours.</p>
<form data-operation="POST /v1/me/sign-out-everywhere" data-confirm="Sign out of every browser, this one too?">
${formStatus()}
<button type="submit" class="button button-danger">Sign out everywhere</button>
</form>
</section>`
  return { title: 'Account', main, nav: v.nav, csrf: v.csrf }
}

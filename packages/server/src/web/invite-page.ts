import type { AppPage, Nav } from './app-layout.js'
import { csrfField } from './form-fields.js'
import { type Html, html } from './html-template.js'

export interface InviteView {
  readonly token: string
  /** `the pin “Q3 revenue”`, `the workspace “Acme”`. */
  readonly placeName: string
  readonly role: string
  readonly inviterName: string | undefined
  readonly message: string | null
  readonly email: string
  /** The signed-in person's address, their header, and the page's token. */
  readonly signedIn?: { readonly email: string; readonly nav: Nav; readonly csrf: string }
}

const article = (role: string) => (/^[aeiou]/.test(role) ? 'an' : 'a')

/** An invite: what it opens and as what, and the one step that takes it from here. Opening it accepts nothing. */
export function invitePage(v: InviteView): AppPage {
  const path = `/invite/${v.token}`
  const by = v.inviterName ? html`${v.inviterName} invited you` : html`You are invited`
  const about = html`<p>${by} to ${v.placeName} as ${article(v.role)} <strong>${v.role}</strong>.</p>
<p class="muted">The invite is for ${v.email}.</p>
${v.message ? html`<blockquote class="app-quote">${v.message}</blockquote>` : ''}`
  let action: Html
  if (!v.signedIn) {
    action = html`<p class="app-actions"><a class="button" href="/sign-in?next=${encodeURIComponent(path)}">Sign in</a>
<a class="button button-secondary" href="/sign-up?invite=${v.token}">Create an account</a></p>`
  } else if (v.signedIn.email === v.email) {
    action = html`<form method="post" action="${path}/accept">${csrfField(v.signedIn.csrf)}
<button type="submit" class="button">Accept invite</button></form>`
  } else {
    action = html`<p>You are signed in as ${v.signedIn.email}, but this invite is for ${v.email}. Sign out, then sign in or create an account with ${v.email}.</p>
<form method="post" action="/sign-out">${csrfField(v.signedIn.csrf)}<input type="hidden" name="next" value="${path}">
<button type="submit" class="button">Sign out</button></form>`
  }
  const main = html`<div class="app-narrow"><h1>You have an invite</h1>
${about}
${action}</div>`
  return { title: 'Invite', main, ...(v.signedIn && { nav: v.signedIn.nav, csrf: v.signedIn.csrf }) }
}

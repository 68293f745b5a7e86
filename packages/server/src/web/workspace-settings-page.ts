import type { ApiKeyRecord, InviteRecord, MemberRecord, Person } from '@pindown/store'
import { workspaceRoles } from '@pindown/store'
import { type AppPage, messageMain, type Nav, timeTag } from './app-layout.js'
import { field, formStatus, selectField } from './form-fields.js'
import { type Html, html } from './html-template.js'

/**
 * Workspace settings, for owners: members and invites, API keys. Like account settings, the forms go to
 * the `/v1/workspace` operations through the page script, and `data-refresh` sections reload after a change.
 */

export interface WorkspaceView {
  readonly name: string
  readonly members: readonly Person<MemberRecord>[]
  readonly invites: readonly InviteRecord[]
  readonly keys: readonly ApiKeyRecord[]
  /** Whether invites go out by email; if not, the invite link is shown to send by hand. */
  readonly emails: boolean
  readonly nav: Nav
  readonly csrf: string
}

const scopes = [
  { id: 'pins:read', text: 'pins:read: list and read pins' },
  { id: 'pins:write', text: 'pins:write: create, change and delete pins' },
  { id: 'pins:share', text: 'pins:share: publish pins and invite people to them' },
] as const

const memberRow = (member: Person<MemberRecord>) => html`<tr>
<td>${member.name}</td>
<td>${member.email}</td>
<td><form class="app-inline-form" data-operation="PUT /v1/workspace/members/${member.userId}" data-done="Role changed.">
${selectField({ name: 'role', id: `role-${member.userId}`, label: `Role of ${member.name}`, hiddenLabel: true, options: workspaceRoles, value: member.role })}
<button type="submit" class="button button-small">Save<span class="visually-hidden"> the role of ${member.name}</span></button>
</form></td>
<td><form data-operation="DELETE /v1/workspace/members/${member.userId}" data-confirm="Remove ${member.name} (${member.email}) from the workspace?" data-done="Member removed.">
<button type="submit" class="button button-small button-danger">Remove<span class="visually-hidden"> ${member.name}</span></button>
</form></td>
</tr>`

const inviteRow = (invite: InviteRecord) => html`<tr>
<td>${invite.email}</td>
<td>${invite.target.role}</td>
<td>${timeTag(invite.createdAt)}</td>
<td>${timeTag(invite.expiresAt)}</td>
<td><form data-operation="DELETE /v1/workspace/members/${encodeURIComponent(invite.email ?? '')}" data-confirm="Withdraw the invite of ${invite.email}?" data-done="Invite withdrawn.">
<button type="submit" class="button button-small button-danger">Withdraw<span class="visually-hidden"> the invite of ${invite.email}</span></button>
</form></td>
</tr>`

const keyRow = (key: ApiKeyRecord) => html`<tr>
<td>${key.name}</td>
<td><code>${key.prefix}…</code></td>
<td>${key.scopes.join(', ')}</td>
<td>${timeTag(key.createdAt)}</td>
<td>${timeTag(key.lastUsedAt)}</td>
<td>${
  key.revokedAt === null
    ? html`<form data-operation="DELETE /v1/workspace/keys/${key.id}" data-confirm="Revoke the key ${key.name}? Programs using it stop working." data-done="Key revoked.">
<button type="submit" class="button button-small button-danger">Revoke<span class="visually-hidden"> the key ${key.name}</span></button></form>`
    : html`Revoked ${timeTag(key.revokedAt)}`
}</td>
</tr>`

/** A table of rows; an empty heading is the column of buttons. */
const table = (
  headings: readonly string[],
  rows: readonly Html[],
) => html`<div class="scroll-x"><table class="data app-table">
<thead><tr>${headings.map((h) => html`<th scope="col">${h || html`<span class="visually-hidden">Actions</span>`}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`

export function workspaceSettingsPage(v: WorkspaceView): AppPage {
  const main = html`<h1>Workspace “${v.name}”</h1>
<p id="app-status" class="form-status" role="status" aria-live="polite"></p>
<section class="app-section" id="members" aria-labelledby="members-heading" data-refresh tabindex="-1">
<h2 id="members-heading">Members</h2>
${table(['Name', 'Email', 'Role', ''], v.members.map(memberRow))}
<h3>Pending invites</h3>
${v.invites.length === 0 ? html`<p class="muted">No pending invites.</p>` : table(['Email', 'Role', 'Invited', 'Expires', ''], v.invites.map(inviteRow))}
</section>
<section class="app-section" aria-labelledby="invite-heading">
<h2 id="invite-heading">Invite someone</h2>
<p class="muted">${v.emails ? 'The invite is emailed to them.' : 'This server does not send email: you get a link to send them yourself.'} Owners manage members and keys, editors write pins, viewers read them.</p>
<form class="app-form" data-operation="POST /v1/workspace/members" data-done="Invite created. This server did not email it: send them the link below." data-unless="emailed" data-done-unless="Invite emailed." data-reveal="invite_url" data-reveal-label="Invite link" data-reset>
${formStatus()}
${field({ name: 'email', id: 'invite-email', label: 'Email', type: 'email', autocomplete: 'off', required: true })}
${selectField({ name: 'role', id: 'invite-role', label: 'Role', options: workspaceRoles, value: 'editor' })}
<button type="submit" class="button">Send invite</button>
<div class="app-reveal" hidden></div>
</form>
</section>
<section class="app-section" id="keys" aria-labelledby="keys-heading" data-refresh tabindex="-1">
<h2 id="keys-heading">API keys</h2>
${v.keys.length === 0 ? html`<p class="muted">No API keys yet.</p>` : table(['Name', 'Key', 'Scopes', 'Created', 'Last used', ''], v.keys.map(keyRow))}
</section>
<section class="app-section" aria-labelledby="new-key-heading">
<h2 id="new-key-heading">Create an API key</h2>
<form class="app-form" data-operation="POST /v1/workspace/keys" data-done="Key created. Copy it now: it is not shown again." data-reveal="key" data-reveal-label="New API key" data-reset>
${formStatus()}
${field({ name: 'name', id: 'key-name', label: 'Name', autocomplete: 'off', required: true, hint: 'What uses the key, such as “CI” or “reporting agent”' })}
<fieldset class="field">
<legend>Scopes</legend>
${scopes.map((s) => html`<label class="check"><input type="checkbox" name="scopes" value="${s.id}"${s.id === 'pins:share' ? '' : html` checked`}> ${s.text}</label>\n`)}
<p class="field-error" data-error-for="scopes"></p>
</fieldset>
<button type="submit" class="button">Create key</button>
<div class="app-reveal" hidden></div>
</form>
</section>`
  return { title: 'Workspace settings', main, nav: v.nav, csrf: v.csrf }
}

export const ownersOnlyPage = (nav: Nav, csrf: string): AppPage => ({
  title: 'Owners only',
  main: messageMain(
    'Owners only',
    'Only workspace owners can manage members and API keys. Ask an owner of your workspace if you need a change.',
    html`<p><a href="/">Back to your pins</a></p>`,
  ),
  nav,
  csrf,
})

import { inviteRoles } from '@pindown/pin-types'
import type { CollaboratorRecord, InviteRecord, MemberRecord, Person, Store } from '@pindown/store'
import { workspaceRoles } from '@pindown/store'
import { z } from 'zod'
import type { SentInvite } from './invites.js'

/** The answers of the people operations: collaborators of a pin, members of a workspace, invites. */

const email = z.email().meta({ example: 'ann@example.com' })
const epochMs = z.number().int().meta({ description: 'Unix epoch milliseconds' })

const pendingEntry = (roles: readonly [string, ...string[]]) =>
  z.object({ email, role: z.enum(roles), invited_at: epochMs, expires_at: epochMs })

const activeEntry = (roles: readonly [string, ...string[]]) =>
  z.object({ user_id: z.string(), email, name: z.string(), role: z.enum(roles), added_at: epochMs })

export const collaboratorsAnswer = z.object({
  pending: z.array(pendingEntry(inviteRoles)),
  active: z.array(activeEntry(inviteRoles)),
})
export const membersAnswer = z.object({
  pending: z.array(pendingEntry(workspaceRoles)),
  active: z.array(activeEntry(workspaceRoles)),
})
export const collaboratorAnswer = activeEntry(inviteRoles)
export const memberAnswer = activeEntry(workspaceRoles)

export const inviteAnswer = z.object({
  email,
  role: z.string(),
  invited_at: epochMs,
  expires_at: epochMs,
  invite_url: z.url().meta({
    description: 'The link to accept the invite. Shown only in this answer: the server keeps only a hash of it',
  }),
  emailed: z.boolean().meta({ description: 'Whether the invite went out by email (SMTP_URL set and accepted)' }),
})

export const pendingView = (invite: InviteRecord) => ({
  // Listed invites always name someone (setup links are not listed).
  email: invite.email!,
  role: invite.target.role,
  invited_at: invite.createdAt,
  expires_at: invite.expiresAt,
})

export const activeView = (person: Person<MemberRecord | CollaboratorRecord>) => ({
  user_id: person.userId,
  email: person.email,
  name: person.name,
  role: person.role,
  added_at: person.createdAt,
})

export const inviteView = ({ invite, url, emailed }: SentInvite) => ({
  ...pendingView(invite),
  invite_url: url,
  emailed,
})

/**
 * Takes a person off a pin or a workspace: `usr_…` names an account; an address withdraws its pending
 * invites and takes off the account with that address. Answers whether anything was there.
 */
export async function removePerson(
  store: Store,
  target: string,
  place: { revokeInvites(email: string): Promise<boolean>; remove(userId: string): Promise<boolean> },
): Promise<boolean> {
  if (!target.includes('@')) return place.remove(target)
  const revoked = await place.revokeInvites(target)
  const user = await store.people.findUserByEmail(target)
  return (user !== undefined && (await place.remove(user.id))) || revoked
}

import type { MemberRecord, PinRecord, Store, WorkspaceRole } from '@pindown/store'
import type { SignedIn } from './sessions.js'

const rank: Record<WorkspaceRole, number> = { viewer: 1, editor: 2, owner: 3 }

/** Whether `role` is at least `needed` (owner > editor > viewer). */
export const hasRole = (role: WorkspaceRole, needed: WorkspaceRole) => rank[role] >= rank[needed]

/** The workspace a signed-in person acts in: their first membership (the one they were invited to first). */
export async function homeMembership(store: Store, userId: string): Promise<MemberRecord | undefined> {
  const [first] = await store.people.memberships(userId)
  return first
}

/** What a reader may do with a pin's page: see it, be asked to sign in first, or be told it is not there. */
export type PinAccess = 'show' | 'sign-in' | 'hidden'

/**
 * Who sees what (docs/people.md): members of the pin's workspace and its collaborators always; anyone
 * when it is public, but anonymous readers sign in first when it asks them to; no one else. A hidden
 * pin is answered exactly like one that does not exist.
 */
export async function pinAccess(store: Store, pin: PinRecord, reader: SignedIn | undefined): Promise<PinAccess> {
  if (pin.isPublic && !(pin.requireSignIn && !reader)) return 'show'
  if (reader && (await hasPinRole(store, pin, reader.user.id))) return 'show'
  return pin.isPublic ? 'sign-in' : 'hidden'
}

/** A member of the pin's workspace, or one of its collaborators. */
export async function hasPinRole(store: Store, pin: PinRecord, userId: string): Promise<boolean> {
  return (await pinRole(store, pin, userId)) !== undefined
}

/** The person's role for a pin: their role in its workspace, else as its collaborator, else none. */
export async function pinRole(store: Store, pin: PinRecord, userId: string): Promise<WorkspaceRole | undefined> {
  const [member, collaborator] = await Promise.all([
    store.people.getMember(pin.workspaceId, userId),
    store.people.getCollaborator(pin.id, userId),
  ])
  return member?.role ?? collaborator?.role
}

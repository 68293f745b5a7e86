import type { InviteRole } from '@pindown/pin-types'

/** People: accounts, their sessions and sign-in identities, and who may do what in a workspace or on a pin. */

export const workspaceRoles = ['owner', 'editor', 'viewer'] as const
/** A workspace member's role: owners do everything, editors write pins, viewers read. */
export type WorkspaceRole = (typeof workspaceRoles)[number]
/** A pin collaborator's role (a pin has no owners besides its workspace's). */
export type PinRole = InviteRole

export interface UserRecord {
  /** `usr_` and 12 characters. */
  readonly id: string
  /** Lower case; one account per address. */
  readonly email: string
  readonly name: string
  /** argon2id (PHC string); null for accounts that only sign in through a provider. */
  readonly passwordHash: string | null
  /** Proven by an accepted invite link or by a provider that verified it. */
  readonly emailVerified: boolean
  readonly createdAt: number
}

/** An account at a sign-in provider (an OpenID Connect issuer, GitHub), linked to a user. */
export interface IdentityRecord {
  readonly provider: string
  readonly subject: string
  readonly userId: string
  readonly createdAt: number
}

export interface SessionRecord {
  /** `ses_` and 12 characters: names the session in lists; the cookie's token is never stored. */
  readonly id: string
  readonly userId: string
  /** SHA-256 of the cookie's token, hex. */
  readonly tokenHash: string
  readonly createdAt: number
  readonly lastSeenAt: number
  readonly expiresAt: number
  /** The browser that signed in, for the list of sessions. */
  readonly userAgent: string
}

export interface MemberRecord {
  readonly workspaceId: string
  readonly userId: string
  readonly role: WorkspaceRole
  readonly createdAt: number
}

export interface CollaboratorRecord {
  readonly pinId: string
  readonly userId: string
  readonly role: PinRole
  readonly createdAt: number
}

/** A member or collaborator with the account's address and name, for lists. */
export type Person<R> = R & { readonly email: string; readonly name: string }

/** What accepting an invite grants: a role on one pin, or membership of the workspace. */
export type InviteTarget =
  | { readonly kind: 'pin'; readonly pinId: string; readonly role: PinRole }
  | { readonly kind: 'workspace'; readonly role: WorkspaceRole }

export interface InviteRecord {
  /** `inv_` and 12 characters. */
  readonly id: string
  /** SHA-256 of the link's token, hex. */
  readonly tokenHash: string
  readonly workspaceId: string
  readonly target: InviteTarget
  /** Who may accept it; null only for the first owner's setup link, which whoever holds it may use. */
  readonly email: string | null
  /** The user or API key that sent it. */
  readonly invitedBy: string
  readonly message: string | null
  readonly createdAt: number
  readonly expiresAt: number
  readonly acceptedAt: number | null
  readonly acceptedBy: string | null
}

export interface VisiblePinsQuery {
  readonly limit: number
  readonly offset: number
  readonly pinType?: string
  /** Case-insensitive substring of the title. */
  readonly q?: string
}

import type { ListPage } from '../records.js'
import type {
  CollaboratorRecord,
  IdentityRecord,
  InviteRecord,
  MemberRecord,
  Person,
  PinRole,
  SessionRecord,
  UserRecord,
  VisiblePinsQuery,
  WorkspaceRole,
} from './people-records.js'

/** Accounts, sessions, members, collaborators and invites; part of every `Store` (`store.people`). */
export interface PeopleStore {
  /** Creates the account, and its membership when given, together; false (and nothing written) when the email is taken. */
  createUser(user: UserRecord, membership?: { workspaceId: string; role: WorkspaceRole }): Promise<boolean>
  getUser(id: string): Promise<UserRecord | undefined>
  /** By address, whatever its case. */
  findUserByEmail(email: string): Promise<UserRecord | undefined>
  updateUser(id: string, changes: { passwordHash?: string; emailVerified?: boolean; name?: string }): Promise<void>
  countUsers(): Promise<number>

  /** False when the provider's subject is already linked. */
  linkIdentity(identity: IdentityRecord): Promise<boolean>
  findIdentity(provider: string, subject: string): Promise<IdentityRecord | undefined>

  createSession(session: SessionRecord): Promise<void>
  /** The live session with this token hash; expired sessions are never answered (and are deleted in time). */
  findSession(tokenHash: string, now: number): Promise<SessionRecord | undefined>
  /** Records activity and pushes the expiry out (sliding sessions). */
  touchSession(id: string, now: number, expiresAt: number): Promise<void>
  listSessions(userId: string, now: number): Promise<SessionRecord[]>
  deleteSession(userId: string, id: string): Promise<boolean>
  /** Signs the user out everywhere, but for `exceptId` when given; answers how many ended. */
  deleteSessions(userId: string, exceptId?: string): Promise<number>

  memberships(userId: string): Promise<MemberRecord[]>
  getMember(workspaceId: string, userId: string): Promise<MemberRecord | undefined>
  listMembers(workspaceId: string): Promise<Person<MemberRecord>[]>
  /** Adds the member, or changes the role of one already there. */
  setMember(member: MemberRecord): Promise<void>
  removeMember(workspaceId: string, userId: string): Promise<boolean>

  getCollaborator(pinId: string, userId: string): Promise<CollaboratorRecord | undefined>
  listCollaborators(pinId: string): Promise<Person<CollaboratorRecord>[]>
  /** Adds the collaborator, or changes the role of one already there. */
  setCollaborator(collaborator: CollaboratorRecord): Promise<void>
  updateCollaboratorRole(pinId: string, userId: string, role: PinRole): Promise<boolean>
  removeCollaborator(pinId: string, userId: string): Promise<boolean>

  /**
   * Stores the invite, replacing any pending one to the same place for the same address; false (nothing
   * written) when its pin has been deleted.
   */
  createInvite(invite: InviteRecord): Promise<boolean>
  /**
   * Pending (neither accepted nor expired) invites of people to a pin, or to the workspace when `pinId` is
   * null; setup links, which name no one, are not listed.
   */
  listInvites(workspaceId: string, pinId: string | null, now: number): Promise<InviteRecord[]>
  findInvite(tokenHash: string): Promise<InviteRecord | undefined>
  /**
   * Consumes a pending invite and grants what it offers, in one transaction; undefined when the invite
   * is unknown, used or expired. A collaborator's role becomes the invite's; a member keeps theirs.
   */
  acceptInvite(tokenHash: string, userId: string, now: number): Promise<InviteRecord | undefined>
  /** Withdraws pending invites of this address to a pin (or the workspace when `pinId` is null). */
  revokeInvites(workspaceId: string, pinId: string | null, email: string): Promise<boolean>

  /** Pins in the user's workspaces and pins shared with them, newest first. */
  listVisiblePins(userId: string, query: VisiblePinsQuery): Promise<ListPage>
}

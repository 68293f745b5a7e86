import { containsPattern, listColumns, listPage } from '../list-page.js'
import type { ListPage, PinRecord } from '../records.js'
import { Sweep } from '../sweep.js'
import type {
  CollaboratorRecord,
  IdentityRecord,
  InviteRecord,
  InviteTarget,
  MemberRecord,
  Person,
  PinRole,
  SessionRecord,
  UserRecord,
  VisiblePinsQuery,
  WorkspaceRole,
} from './people-records.js'
import type { PeopleStore } from './people-store.js'

export interface Statement {
  readonly sql: string
  readonly params: readonly unknown[]
}

/** What a SQL backend lends the people store: `?`-parameter SQL, and a transaction of several writes. */
export interface SqlAccess {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>
  run(sql: string, params: readonly unknown[]): Promise<number>
  /** Runs the statements in one transaction; answers the rows each changed. */
  transact(statements: readonly Statement[]): Promise<number[]>
  /** The dialect's case-insensitive `LIKE`. */
  readonly like: string
  toPin(row: object): PinRecord
}

type Row = Record<string, unknown>
const num = (value: unknown) => Number(value)
const numOrNull = (value: unknown) => (value === null ? null : Number(value))

const userColumns = 'id, email, name, password_hash, email_verified, created_at'
const sessionColumns = 'id, user_id, token_hash, created_at, last_seen_at, expires_at, user_agent'
const inviteColumns =
  'id, token_hash, workspace_id, pin_id, email, role, invited_by, message, created_at, expires_at, accepted_at, accepted_by'

/**
 * False when the write named a pin that is no longer there (deleted by another request meanwhile): the
 * foreign key refuses it, in SQLite's words or PostgreSQL's.
 */
async function gone(write: Promise<unknown>): Promise<boolean> {
  try {
    await write
    return true
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return false
    throw error
  }
}

/** How long expired sessions linger before the sweep deletes them. */
const sessionSweepMs = 60 * 60 * 1000

/** The people store in `?`-parameter SQL that SQLite and PostgreSQL both run. */
export class SqlPeople implements PeopleStore {
  readonly #db: SqlAccess
  readonly #expiredSessions: Sweep

  constructor(db: SqlAccess) {
    this.#db = db
    this.#expiredSessions = new Sweep((before) => db.run('DELETE FROM sessions WHERE expires_at <= ?', [before]))
  }

  /** Waits for a sweep under way, before the database closes. */
  settled(): Promise<void> {
    return this.#expiredSessions.settled()
  }

  #user = (row: Row): UserRecord => ({
    id: row.id as string,
    email: row.email as string,
    name: row.name as string,
    passwordHash: (row.password_hash as string | null) ?? null,
    emailVerified: num(row.email_verified) === 1,
    createdAt: num(row.created_at),
  })

  async createUser(user: UserRecord, membership?: { workspaceId: string; role: WorkspaceRole }): Promise<boolean> {
    const insert: Statement = {
      sql: `INSERT INTO users (${userColumns}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING`,
      params: [
        user.id,
        user.email.toLowerCase(),
        user.name,
        user.passwordHash,
        user.emailVerified ? 1 : 0,
        user.createdAt,
      ],
    }
    const statements = [insert]
    if (membership) {
      // Only when the account was created: the insert must not hand an existing account a role.
      statements.push({
        sql: 'INSERT INTO members (workspace_id, user_id, role, created_at) SELECT ?, id, ?, created_at FROM users WHERE id = ? AND email = ?',
        params: [membership.workspaceId, membership.role, user.id, user.email.toLowerCase()],
      })
    }
    const [created] = await this.#db.transact(statements)
    return created === 1
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const [row] = await this.#db.query<Row>(`SELECT ${userColumns} FROM users WHERE id = ?`, [id])
    return row && this.#user(row)
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const [row] = await this.#db.query<Row>(`SELECT ${userColumns} FROM users WHERE email = ?`, [email.toLowerCase()])
    return row && this.#user(row)
  }

  async updateUser(id: string, changes: { passwordHash?: string; emailVerified?: boolean; name?: string }) {
    const sets: string[] = []
    const params: unknown[] = []
    const set = (column: string, value: unknown) => {
      sets.push(`${column} = ?`)
      params.push(value)
    }
    if (changes.passwordHash !== undefined) set('password_hash', changes.passwordHash)
    if (changes.emailVerified !== undefined) set('email_verified', changes.emailVerified ? 1 : 0)
    if (changes.name !== undefined) set('name', changes.name)
    if (sets.length === 0) return
    await this.#db.run(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`, [...params, id])
  }

  async countUsers(): Promise<number> {
    const [row] = await this.#db.query<Row>('SELECT count(*) AS n FROM users')
    return num(row?.n ?? 0)
  }

  async linkIdentity(identity: IdentityRecord): Promise<boolean> {
    const changed = await this.#db.run(
      'INSERT INTO identities (provider, subject, user_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (provider, subject) DO NOTHING',
      [identity.provider, identity.subject, identity.userId, identity.createdAt],
    )
    return changed === 1
  }

  async findIdentity(provider: string, subject: string): Promise<IdentityRecord | undefined> {
    const [row] = await this.#db.query<Row>(
      'SELECT provider, subject, user_id, created_at FROM identities WHERE provider = ? AND subject = ?',
      [provider, subject],
    )
    return (
      row && {
        provider: row.provider as string,
        subject: row.subject as string,
        userId: row.user_id as string,
        createdAt: num(row.created_at),
      }
    )
  }

  #session = (row: Row): SessionRecord => ({
    id: row.id as string,
    userId: row.user_id as string,
    tokenHash: row.token_hash as string,
    createdAt: num(row.created_at),
    lastSeenAt: num(row.last_seen_at),
    expiresAt: num(row.expires_at),
    userAgent: row.user_agent as string,
  })

  async createSession(session: SessionRecord): Promise<void> {
    this.#expiredSessions.tick(session.createdAt, sessionSweepMs)
    await this.#db.run(`INSERT INTO sessions (${sessionColumns}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
      session.id,
      session.userId,
      session.tokenHash,
      session.createdAt,
      session.lastSeenAt,
      session.expiresAt,
      session.userAgent,
    ])
  }

  async findSession(tokenHash: string, now: number): Promise<SessionRecord | undefined> {
    const [row] = await this.#db.query<Row>(
      `SELECT ${sessionColumns} FROM sessions WHERE token_hash = ? AND expires_at > ?`,
      [tokenHash, now],
    )
    return row && this.#session(row)
  }

  async touchSession(id: string, now: number, expiresAt: number): Promise<void> {
    await this.#db.run('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?', [now, expiresAt, id])
  }

  async listSessions(userId: string, now: number): Promise<SessionRecord[]> {
    const rows = await this.#db.query<Row>(
      `SELECT ${sessionColumns} FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY last_seen_at DESC, id`,
      [userId, now],
    )
    return rows.map(this.#session)
  }

  async deleteSession(userId: string, id: string): Promise<boolean> {
    return (await this.#db.run('DELETE FROM sessions WHERE user_id = ? AND id = ?', [userId, id])) > 0
  }

  async deleteSessions(userId: string, exceptId?: string): Promise<number> {
    return exceptId === undefined
      ? this.#db.run('DELETE FROM sessions WHERE user_id = ?', [userId])
      : this.#db.run('DELETE FROM sessions WHERE user_id = ? AND id <> ?', [userId, exceptId])
  }

  #member = (row: Row): MemberRecord => ({
    workspaceId: row.workspace_id as string,
    userId: row.user_id as string,
    role: row.role as WorkspaceRole,
    createdAt: num(row.created_at),
  })

  async memberships(userId: string): Promise<MemberRecord[]> {
    const rows = await this.#db.query<Row>(
      'SELECT workspace_id, user_id, role, created_at FROM members WHERE user_id = ? ORDER BY created_at, workspace_id',
      [userId],
    )
    return rows.map(this.#member)
  }

  async getMember(workspaceId: string, userId: string): Promise<MemberRecord | undefined> {
    const [row] = await this.#db.query<Row>(
      'SELECT workspace_id, user_id, role, created_at FROM members WHERE workspace_id = ? AND user_id = ?',
      [workspaceId, userId],
    )
    return row && this.#member(row)
  }

  async listMembers(workspaceId: string): Promise<Person<MemberRecord>[]> {
    const rows = await this.#db.query<Row>(
      'SELECT m.workspace_id, m.user_id, m.role, m.created_at, u.email, u.name FROM members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? ORDER BY m.created_at, u.email',
      [workspaceId],
    )
    return rows.map((row) => ({ ...this.#member(row), email: row.email as string, name: row.name as string }))
  }

  async setMember(member: MemberRecord): Promise<void> {
    await this.#db.run(
      'INSERT INTO members (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role',
      [member.workspaceId, member.userId, member.role, member.createdAt],
    )
  }

  async removeMember(workspaceId: string, userId: string): Promise<boolean> {
    return (await this.#db.run('DELETE FROM members WHERE workspace_id = ? AND user_id = ?', [workspaceId, userId])) > 0
  }

  #collaborator = (row: Row): CollaboratorRecord => ({
    pinId: row.pin_id as string,
    userId: row.user_id as string,
    role: row.role as PinRole,
    createdAt: num(row.created_at),
  })

  async getCollaborator(pinId: string, userId: string): Promise<CollaboratorRecord | undefined> {
    const [row] = await this.#db.query<Row>(
      'SELECT pin_id, user_id, role, created_at FROM collaborators WHERE pin_id = ? AND user_id = ?',
      [pinId, userId],
    )
    return row && this.#collaborator(row)
  }

  async listCollaborators(pinId: string): Promise<Person<CollaboratorRecord>[]> {
    const rows = await this.#db.query<Row>(
      'SELECT c.pin_id, c.user_id, c.role, c.created_at, u.email, u.name FROM collaborators c JOIN users u ON u.id = c.user_id WHERE c.pin_id = ? ORDER BY c.created_at, u.email',
      [pinId],
    )
    return rows.map((row) => ({ ...this.#collaborator(row), email: row.email as string, name: row.name as string }))
  }

  async setCollaborator(collaborator: CollaboratorRecord): Promise<void> {
    await this.#db.run(
      'INSERT INTO collaborators (pin_id, user_id, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (pin_id, user_id) DO UPDATE SET role = excluded.role',
      [collaborator.pinId, collaborator.userId, collaborator.role, collaborator.createdAt],
    )
  }

  async updateCollaboratorRole(pinId: string, userId: string, role: PinRole): Promise<boolean> {
    const changed = await this.#db.run('UPDATE collaborators SET role = ? WHERE pin_id = ? AND user_id = ?', [
      role,
      pinId,
      userId,
    ])
    return changed > 0
  }

  async removeCollaborator(pinId: string, userId: string): Promise<boolean> {
    return (await this.#db.run('DELETE FROM collaborators WHERE pin_id = ? AND user_id = ?', [pinId, userId])) > 0
  }

  #invite = (row: Row): InviteRecord => {
    const pinId = row.pin_id as string | null
    const target: InviteTarget =
      pinId === null
        ? { kind: 'workspace', role: row.role as WorkspaceRole }
        : { kind: 'pin', pinId, role: row.role as PinRole }
    return {
      id: row.id as string,
      tokenHash: row.token_hash as string,
      workspaceId: row.workspace_id as string,
      target,
      email: (row.email as string | null) ?? null,
      invitedBy: row.invited_by as string,
      message: (row.message as string | null) ?? null,
      createdAt: num(row.created_at),
      expiresAt: num(row.expires_at),
      acceptedAt: numOrNull(row.accepted_at),
      acceptedBy: (row.accepted_by as string | null) ?? null,
    }
  }

  async createInvite(invite: InviteRecord): Promise<boolean> {
    const pinId = invite.target.kind === 'pin' ? invite.target.pinId : null
    const email = invite.email?.toLowerCase() ?? null
    return gone(
      this.#db.transact([
        ...(email === null ? [] : [this.#revokeStatement(invite.workspaceId, pinId, email)]),
        {
          sql: `INSERT INTO invites (${inviteColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
          params: [
            invite.id,
            invite.tokenHash,
            invite.workspaceId,
            pinId,
            email,
            invite.target.role,
            invite.invitedBy,
            invite.message,
            invite.createdAt,
            invite.expiresAt,
          ],
        },
      ]),
    )
  }

  /** Pending invites of an address to one place; `pin_id IS ?` matches NULL too in SQLite, not in PostgreSQL. */
  #revokeStatement(workspaceId: string, pinId: string | null, email: string): Statement {
    return pinId === null
      ? {
          sql: 'DELETE FROM invites WHERE workspace_id = ? AND pin_id IS NULL AND email = ? AND accepted_at IS NULL',
          params: [workspaceId, email],
        }
      : {
          sql: 'DELETE FROM invites WHERE workspace_id = ? AND pin_id = ? AND email = ? AND accepted_at IS NULL',
          params: [workspaceId, pinId, email],
        }
  }

  async listInvites(workspaceId: string, pinId: string | null, now: number): Promise<InviteRecord[]> {
    const where = pinId === null ? 'pin_id IS NULL' : 'pin_id = ?'
    const rows = await this.#db.query<Row>(
      `SELECT ${inviteColumns} FROM invites WHERE workspace_id = ? AND ${where} AND email IS NOT NULL AND accepted_at IS NULL AND expires_at > ? ORDER BY created_at, id`,
      pinId === null ? [workspaceId, now] : [workspaceId, pinId, now],
    )
    return rows.map(this.#invite)
  }

  async findInvite(tokenHash: string): Promise<InviteRecord | undefined> {
    const [row] = await this.#db.query<Row>(`SELECT ${inviteColumns} FROM invites WHERE token_hash = ?`, [tokenHash])
    return row && this.#invite(row)
  }

  async acceptInvite(tokenHash: string, userId: string, now: number): Promise<InviteRecord | undefined> {
    // The grants read the invite this transaction has just consumed, so they happen exactly when it did.
    const consumed = 'FROM invites WHERE token_hash = ? AND accepted_by = ? AND accepted_at = ?'
    let changed: number[] = []
    const write = this.#db.transact([
      {
        sql: 'UPDATE invites SET accepted_at = ?, accepted_by = ? WHERE token_hash = ? AND accepted_at IS NULL AND expires_at > ?',
        params: [now, userId, tokenHash, now],
      },
      {
        sql: `INSERT INTO collaborators (pin_id, user_id, role, created_at) SELECT pin_id, accepted_by, role, accepted_at ${consumed} AND pin_id IS NOT NULL ON CONFLICT (pin_id, user_id) DO UPDATE SET role = excluded.role`,
        params: [tokenHash, userId, now],
      },
      {
        sql: `INSERT INTO members (workspace_id, user_id, role, created_at) SELECT workspace_id, accepted_by, role, accepted_at ${consumed} AND pin_id IS NULL ON CONFLICT (workspace_id, user_id) DO NOTHING`,
        params: [tokenHash, userId, now],
      },
    ])
    if (!(await gone(write.then((c) => (changed = c))))) return undefined
    const [accepted] = changed
    return accepted === 1 ? this.findInvite(tokenHash) : undefined
  }

  async revokeInvites(workspaceId: string, pinId: string | null, email: string): Promise<boolean> {
    const { sql, params } = this.#revokeStatement(workspaceId, pinId, email.toLowerCase())
    return (await this.#db.run(sql, params)) > 0
  }

  async listVisiblePins(userId: string, query: VisiblePinsQuery): Promise<ListPage> {
    const where = [
      '(p.workspace_id IN (SELECT workspace_id FROM members WHERE user_id = ?) OR p.id IN (SELECT pin_id FROM collaborators WHERE user_id = ?))',
    ]
    const params: unknown[] = [userId, userId]
    if (query.pinType !== undefined) {
      where.push('p.pin_type = ?')
      params.push(query.pinType)
    }
    if (query.q !== undefined) {
      where.push(`p.title ${this.#db.like} ? ESCAPE '\\'`)
      params.push(containsPattern(query.q))
    }
    const from = `FROM pins p WHERE ${where.join(' AND ')}`
    const [rows, [count]] = await Promise.all([
      this.#db.query<object>(`SELECT ${listColumns} ${from} ORDER BY p.created_at DESC, p.id DESC LIMIT ? OFFSET ?`, [
        ...params,
        query.limit + 1,
        query.offset,
      ]),
      this.#db.query<Row>(`SELECT count(*) AS n ${from}`, params),
    ])
    return listPage(
      rows.map((row) => this.#db.toPin(row)),
      count?.n,
      query.limit,
    )
  }
}

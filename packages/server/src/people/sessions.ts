import type { SessionRecord, Store, UserRecord } from '@pindown/store'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { newSessionId } from '../ids.js'
import { newToken, sha256, tokenPattern } from './secrets.js'

export interface SignedIn {
  readonly session: SessionRecord
  readonly user: UserRecord
}

export interface SessionOptions {
  readonly store: Store
  /** Sessions last this long after their last use. */
  readonly ttlMs: number
  /** Cookies are `Secure` (and `__Host-` named) when the site is served over https. */
  readonly secure: boolean
}

const dayMs = 24 * 60 * 60 * 1000
/** A session's expiry is pushed out at most this often, so a busy page is not a write per request. */
const touchEveryMs = 60 * 60 * 1000

/** `__Host-` makes the browser refuse the cookie unless it is Secure, for the whole host, from https. */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-pindown_session' : 'pindown_session')

const cookieOptions = (secure: boolean, maxAgeMs: number) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: Math.floor(maxAgeMs / 1000) }) as const

/**
 * Browser sessions: a random token in an `HttpOnly`, `SameSite=Lax` cookie, only its SHA-256 in the store.
 * Signing in always makes a new session (and ends the one the browser had), so a token planted before
 * sign-in is worth nothing after it.
 */
export class Sessions {
  constructor(readonly options: SessionOptions) {}

  get cookieName(): string {
    return sessionCookieName(this.options.secure)
  }

  /** The request's live session and its user, looked up once per request. */
  async current(request: FastifyRequest): Promise<SignedIn | undefined> {
    if (request.signedIn !== undefined) return request.signedIn ?? undefined
    const token = request.cookies[this.cookieName]
    let found: SignedIn | undefined
    if (token && tokenPattern.test(token)) {
      const now = Date.now()
      const session = await this.options.store.people.findSession(sha256(token), now)
      const user = session && (await this.options.store.people.getUser(session.userId))
      if (session && user) {
        found = { session, user }
        if (now - session.lastSeenAt > touchEveryMs) {
          await this.options.store.people.touchSession(session.id, now, now + this.options.ttlMs)
        }
      }
    }
    request.signedIn = found ?? null
    return found
  }

  /** Signs the user in on this browser: ends the browser's previous session and sets a new cookie. */
  async start(request: FastifyRequest, reply: FastifyReply, user: UserRecord): Promise<SignedIn> {
    await this.end(request, reply)
    const token = newToken()
    const now = Date.now()
    const session: SessionRecord = {
      id: newSessionId(),
      userId: user.id,
      tokenHash: sha256(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.options.ttlMs,
      userAgent: (request.headers['user-agent'] ?? '').slice(0, 200),
    }
    await this.options.store.people.createSession(session)
    reply.setCookie(this.cookieName, token, cookieOptions(this.options.secure, this.options.ttlMs))
    request.signedIn = { session, user }
    return request.signedIn
  }

  /** Signs this browser out: deletes its session and its cookie. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const current = await this.current(request)
    if (current) await this.options.store.people.deleteSession(current.user.id, current.session.id)
    if (request.cookies[this.cookieName] !== undefined) {
      reply.clearCookie(this.cookieName, { path: '/', secure: this.options.secure })
    }
    request.signedIn = null
  }
}

export const sessionTtlMs = (days: number) => days * dayMs

import type { InviteRole } from '@pindown/pin-types'
import type { WorkspaceRole } from '@pindown/store'
import type { Browser, BrowserContext } from 'playwright-core'
import { newSessionId, newUserId } from '../../server/src/ids.js'
import { newToken, sha256 } from '../../server/src/people/secrets.js'
import type { TestServer } from '../../server/test/harness.js'

/** Where a person stands: a member of a workspace with a role, or a collaborator on one pin. */
export type Standing =
  | { readonly workspaceId: string; readonly role: WorkspaceRole }
  | { readonly pinId: string; readonly role: InviteRole }
  | { readonly none: true }

export interface SignedInPerson {
  readonly userId: string
  readonly name: string
  /** The session token, for requests made outside the browser (`cookie: pindown_session=<token>`). */
  readonly token: string
  readonly context: BrowserContext
}

/**
 * A person with an account and a signed-in browser profile. The account and session are written to the
 * store as sign-in would write them; the browser then carries the session cookie like any other, so every
 * request it makes goes through the server's real session checks.
 */
export async function signedInContext(
  browser: Browser,
  server: TestServer,
  name: string,
  standing: Standing,
): Promise<SignedInPerson> {
  const person = await createPerson(server, name, standing)
  const context = await browser.newContext()
  await context.addCookies([
    { name: 'pindown_session', value: person.token, url: server.url, httpOnly: true, sameSite: 'Lax' },
  ])
  return { ...person, context }
}

/** A person with an account and a live session, as sign-in makes them; `token` is their session cookie's value. */
export async function createPerson(
  server: TestServer,
  name: string,
  standing: Standing,
): Promise<Omit<SignedInPerson, 'context'>> {
  const { store } = server.server
  const now = Date.now()
  const userId = newUserId()
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${userId.slice(4)}@example.com`
  const user = { id: userId, email, name, passwordHash: null, emailVerified: true, createdAt: now }
  await store.people.createUser(user, 'workspaceId' in standing ? standing : undefined)
  if ('pinId' in standing) {
    await store.people.setCollaborator({ pinId: standing.pinId, userId, role: standing.role, createdAt: now })
  }
  const token = newToken()
  await store.people.createSession({
    id: newSessionId(),
    userId,
    tokenHash: sha256(token),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + 24 * 60 * 60 * 1000,
    userAgent: 'test',
  })
  return { userId, name, token }
}

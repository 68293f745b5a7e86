import { z } from 'zod'
import { ok } from '../envelope.js'
import { ApiError, validationError } from '../errors.js'
import { homeMembership } from '../people/access.js'
import { checkPassword, hashPassword, maxPasswordLength, minPasswordLength } from '../people/passwords.js'
import { queryText } from '../pins/pin-body.js'
import { shareableUrl } from '../pins/pin-view.js'
import { operation } from './operation.js'

/** The signed-in person's own account: who they are, their sessions, their password, the pins they can see. */

const signedIn = { session: 'signed-in' } as const
const epochMs = z.number().int()

export const getMe = operation({
  id: 'getMe',
  method: 'GET',
  path: '/v1/me',
  summary: 'The signed-in person, their workspace and role, and a CSRF token for their changes (web app)',
  access: signedIn,
  answer: {
    kind: 'envelope',
    status: 200,
    data: z.object({
      user: z.object({
        id: z.string(),
        email: z.string(),
        name: z.string(),
        email_verified: z.boolean(),
        has_password: z.boolean(),
      }),
      workspace: z.object({ id: z.string(), name: z.string(), role: z.string() }).nullable(),
      csrf_token: z.string(),
    }),
  },
  errors: [],
  sdk: { none: 'the web app’s own operation, authenticated by its session cookie' },
  async handler({ store }, { person, reply }) {
    const { user } = person
    const member = await homeMembership(store, user.id)
    const workspace = member && (await store.getWorkspace(member.workspaceId))
    return ok({
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        email_verified: user.emailVerified,
        has_password: user.passwordHash !== null,
      },
      workspace: member && workspace ? { id: workspace.id, name: workspace.name, role: member.role } : null,
      csrf_token: reply.generateCsrf(),
    })
  },
})

const visiblePinsQuery = z.strictObject({
  q: queryText(200).optional(),
  pin_type: queryText(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
})

export const listMyPins = operation({
  id: 'listMyPins',
  method: 'GET',
  path: '/v1/me/pins',
  summary: 'Pins the signed-in person can see: their workspace’s and those shared with them, newest first',
  access: signedIn,
  query: visiblePinsQuery,
  answer: {
    kind: 'envelope',
    status: 200,
    data: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          pin_type: z.string(),
          title: z.string(),
          tags: z.array(z.string()),
          is_public: z.boolean(),
          updated_at: epochMs,
          page_url: z.string(),
          shareable_url: z.string().nullable(),
          shared_with_me: z.boolean(),
        }),
      ),
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
    }),
  },
  errors: [],
  sdk: { none: 'the web app’s own operation, authenticated by its session cookie' },
  async handler({ store, publicUrl }, { person, query }) {
    const limit = query.limit ?? 24
    const offset = query.offset ?? 0
    const [page, memberships] = await Promise.all([
      store.people.listVisiblePins(person.user.id, {
        limit,
        offset,
        ...(query.pin_type && { pinType: query.pin_type }),
        ...(query.q && { q: query.q }),
      }),
      store.people.memberships(person.user.id),
    ])
    const mine = new Set(memberships.map((m) => m.workspaceId))
    const base = publicUrl()
    return ok({
      items: page.items.map((pin) => ({
        id: pin.id,
        pin_type: pin.pinType,
        title: pin.title,
        tags: [...pin.tags],
        is_public: pin.isPublic,
        updated_at: pin.updatedAt,
        page_url: `${base}/share/pin/${pin.id}`,
        shareable_url: shareableUrl(pin, base),
        shared_with_me: !mine.has(pin.workspaceId),
      })),
      total: page.total,
      limit,
      offset,
    })
  },
})

export const listMySessions = operation({
  id: 'listMySessions',
  method: 'GET',
  path: '/v1/me/sessions',
  summary: 'The signed-in person’s browser sessions, the current one marked',
  access: signedIn,
  answer: {
    kind: 'envelope',
    status: 200,
    data: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          created_at: epochMs,
          last_seen_at: epochMs,
          expires_at: epochMs,
          user_agent: z.string(),
          current: z.boolean(),
        }),
      ),
    }),
  },
  errors: [],
  sdk: { none: 'the web app’s own operation, authenticated by its session cookie' },
  async handler({ store }, { person }) {
    const sessions = await store.people.listSessions(person.user.id, Date.now())
    return ok({
      items: sessions.map((s) => ({
        id: s.id,
        created_at: s.createdAt,
        last_seen_at: s.lastSeenAt,
        expires_at: s.expiresAt,
        user_agent: s.userAgent,
        current: s.id === person.session.id,
      })),
    })
  },
})

export const endMySession = operation({
  id: 'endMySession',
  method: 'DELETE',
  path: '/v1/me/sessions/:sessionId',
  summary: 'Ends one of the signed-in person’s sessions (signs that browser out)',
  access: signedIn,
  params: z.object({ sessionId: z.string().meta({ description: 'A session id (`ses_…`)' }) }),
  answer: { kind: 'envelope', status: 200, data: z.object({ ended: z.literal(true) }) },
  errors: ['NOT_FOUND'],
  sdk: { none: 'the web app’s own operation, authenticated by its session cookie' },
  async handler({ store, sessions }, { person, params, request, reply }) {
    if (params.sessionId === person.session.id) await sessions.end(request, reply)
    else if (!(await store.people.deleteSession(person.user.id, params.sessionId))) {
      throw new ApiError('NOT_FOUND', `No session ${params.sessionId}`)
    }
    return ok({ ended: true as const })
  },
})

export const signOutEverywhere = operation({
  id: 'signOutEverywhere',
  method: 'POST',
  path: '/v1/me/sign-out-everywhere',
  summary: 'Ends every session of the signed-in person, this one included',
  access: signedIn,
  answer: { kind: 'envelope', status: 200, data: z.object({ ended: z.number().int() }) },
  errors: [],
  sdk: { none: 'the web app’s own operation, authenticated by its session cookie' },
  async handler({ store, sessions }, { person, request, reply }) {
    const ended = await store.people.deleteSessions(person.user.id)
    await sessions.end(request, reply)
    return ok({ ended })
  },
})

export const changeMyPassword = operation({
  id: 'changeMyPassword',
  method: 'PUT',
  path: '/v1/me/password',
  summary: 'Sets a new password (the current one is required when there is one); other sessions end',
  access: signedIn,
  body: z.strictObject({
    current_password: z.string().max(maxPasswordLength).optional(),
    new_password: z.string().min(minPasswordLength).max(maxPasswordLength),
  }),
  answer: { kind: 'envelope', status: 200, data: z.object({ changed: z.literal(true) }) },
  errors: ['INVALID_CREDENTIALS'],
  sdk: { none: 'the web app’s own operation, authenticated by its session cookie' },
  async handler({ store }, { person, body }) {
    const { user, session } = person
    if (user.passwordHash !== null) {
      if (body.current_password === undefined) {
        throw validationError([{ path: 'current_password', message: 'Enter your current password' }])
      }
      if (!(await checkPassword(user.passwordHash, body.current_password))) {
        throw new ApiError('INVALID_CREDENTIALS', 'The current password is wrong', [
          { path: 'current_password', message: 'This is not your current password' },
        ])
      }
    }
    await store.people.updateUser(user.id, { passwordHash: await hashPassword(body.new_password) })
    await store.people.deleteSessions(user.id, session.id)
    return ok({ changed: true as const })
  },
})

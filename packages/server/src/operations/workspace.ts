import { scopes, workspaceRoles } from '@pindown/store'
import { z } from 'zod'
import { createApiKey } from '../auth/api-keys.js'
import { ok } from '../envelope.js'
import { ApiError } from '../errors.js'
import { sendInvite } from '../people/invites.js'
import {
  activeView,
  inviteAnswer,
  inviteView,
  memberAnswer,
  membersAnswer,
  pendingView,
  removePerson,
} from '../people/people-answers.js'
import { operation } from './operation.js'

/** The workspace's owners manage its members and its API keys from the web app. */

const owner = { session: 'owner' } as const
const webApp = { none: 'the web app’s own operation, authenticated by its session cookie' }
const userParams = z.object({ userId: z.string().meta({ description: 'A member’s user id (`usr_…`)' }) })

export const listMembers = operation({
  id: 'listMembers',
  method: 'GET',
  path: '/v1/workspace/members',
  summary: 'Members of the workspace (`active`) and people invited to it (`pending`); owners only',
  access: owner,
  answer: { kind: 'envelope', status: 200, data: membersAnswer },
  errors: [],
  sdk: webApp,
  async handler({ store }, { person }) {
    const { workspaceId } = person.member
    const [pending, active] = await Promise.all([
      store.people.listInvites(workspaceId, null, Date.now()),
      store.people.listMembers(workspaceId),
    ])
    return ok({ pending: pending.map(pendingView), active: active.map(activeView) })
  },
})

export const inviteMember = operation({
  id: 'inviteMember',
  method: 'POST',
  path: '/v1/workspace/members',
  summary: 'Invite a person to the workspace as owner, editor or viewer; answers the invite link',
  access: owner,
  body: z.strictObject({ email: z.email().max(254), role: z.enum(workspaceRoles) }),
  answer: { kind: 'envelope', status: 201, data: inviteAnswer },
  errors: [],
  sdk: webApp,
  async handler(context, { person, body, reply }) {
    const workspace = await context.store.getWorkspace(person.member.workspaceId)
    const sent = await sendInvite(context, {
      workspaceId: person.member.workspaceId,
      target: { kind: 'workspace', role: body.role },
      email: body.email,
      invitedBy: { id: person.user.id, name: person.user.name },
      placeName: `the workspace "${workspace?.name ?? 'Pindown'}"`,
    })
    reply.code(201)
    return ok(inviteView(sent), sent.emailed ? `Invite emailed to ${body.email}` : 'Invite created: share its link')
  },
})

/** Refuses to leave the workspace without an owner. */
async function keepAnOwner(
  store: Parameters<typeof listMembers.handler>[0]['store'],
  workspaceId: string,
  userId: string,
) {
  const owners = (await store.people.listMembers(workspaceId)).filter((m) => m.role === 'owner')
  if (owners.length === 1 && owners[0]!.userId === userId) throw new ApiError('LAST_OWNER')
}

export const updateMember = operation({
  id: 'updateMember',
  method: 'PUT',
  path: '/v1/workspace/members/:userId',
  summary: 'Change a member’s role; the last owner cannot be demoted',
  access: owner,
  params: userParams,
  body: z.strictObject({ role: z.enum(workspaceRoles) }),
  answer: { kind: 'envelope', status: 200, data: memberAnswer },
  errors: ['NOT_FOUND', 'LAST_OWNER'],
  sdk: webApp,
  async handler({ store }, { person, params, body }) {
    const { workspaceId } = person.member
    const member = await store.people.getMember(workspaceId, params.userId)
    if (!member) throw new ApiError('NOT_FOUND', `No member ${params.userId}`)
    if (body.role !== 'owner') await keepAnOwner(store, workspaceId, member.userId)
    await store.people.setMember({ ...member, role: body.role })
    const updated = (await store.people.listMembers(workspaceId)).find((m) => m.userId === member.userId)
    return ok(activeView(updated!))
  },
})

export const removeMember = operation({
  id: 'removeMember',
  method: 'DELETE',
  path: '/v1/workspace/members/:userIdOrEmail',
  summary: 'Remove a member (their sessions lose the workspace at once), or withdraw a pending invite by email',
  access: owner,
  params: z.object({
    userIdOrEmail: z.string().meta({ description: 'A user id (`usr_…`) or a pending invite’s email' }),
  }),
  answer: { kind: 'envelope', status: 200, data: z.object({ removed: z.literal(true) }) },
  errors: ['NOT_FOUND', 'LAST_OWNER'],
  sdk: webApp,
  async handler({ store }, { person, params }) {
    const { workspaceId } = person.member
    const target = params.userIdOrEmail
    const removed = await removePerson(store, target, {
      revokeInvites: (email) => store.people.revokeInvites(workspaceId, null, email),
      remove: async (userId) => {
        if (!(await store.people.getMember(workspaceId, userId))) return false
        await keepAnOwner(store, workspaceId, userId)
        return store.people.removeMember(workspaceId, userId)
      },
    })
    if (!removed) throw new ApiError('NOT_FOUND', `No member or pending invite ${target}`)
    return ok({ removed: true as const })
  },
})

const keyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(scopes)),
  created_at: z.number().int(),
  last_used_at: z.number().int().nullable(),
  revoked_at: z.number().int().nullable(),
})

export const listKeys = operation({
  id: 'listKeys',
  method: 'GET',
  path: '/v1/workspace/keys',
  summary: 'The workspace’s API keys (never the keys themselves), with when each was last used',
  access: owner,
  answer: { kind: 'envelope', status: 200, data: z.object({ items: z.array(keyView) }) },
  errors: [],
  sdk: webApp,
  async handler({ store }, { person }) {
    const keys = await store.listApiKeys(person.member.workspaceId)
    return ok({
      items: keys.map((k) => ({
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        scopes: [...k.scopes],
        created_at: k.createdAt,
        last_used_at: k.lastUsedAt,
        revoked_at: k.revokedAt,
      })),
    })
  },
})

export const createKey = operation({
  id: 'createKey',
  method: 'POST',
  path: '/v1/workspace/keys',
  summary: 'Create an API key with the scopes given; the key is in this answer only',
  access: owner,
  body: z.strictObject({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(z.enum(scopes)).min(1).max(scopes.length),
  }),
  answer: {
    kind: 'envelope',
    status: 201,
    data: keyView.omit({ last_used_at: true, revoked_at: true }).extend({ key: z.string() }),
  },
  errors: [],
  sdk: webApp,
  async handler({ store }, { person, body, reply }) {
    const { key, record } = await createApiKey(store, {
      workspaceId: person.member.workspaceId,
      name: body.name,
      scopes: [...new Set(body.scopes)],
    })
    reply.code(201)
    return ok(
      {
        id: record.id,
        name: record.name,
        prefix: record.prefix,
        scopes: [...record.scopes],
        created_at: record.createdAt,
        key,
      },
      'Key created: copy it now, it is not shown again',
    )
  },
})

export const revokeKey = operation({
  id: 'revokeKey',
  method: 'DELETE',
  path: '/v1/workspace/keys/:keyId',
  summary: 'Revoke an API key: its next request is refused, and its open event streams close',
  access: owner,
  params: z.object({ keyId: z.string().meta({ description: 'A key id (`key_…`)' }) }),
  answer: { kind: 'envelope', status: 200, data: z.object({ revoked: z.literal(true) }) },
  errors: ['NOT_FOUND'],
  sdk: webApp,
  async handler({ store }, { person, params }) {
    const key = (await store.listApiKeys(person.member.workspaceId)).find((k) => k.id === params.keyId)
    if (!key || !(await store.revokeApiKey(key.id, Date.now())))
      throw new ApiError('NOT_FOUND', `No key ${params.keyId}`)
    return ok({ revoked: true as const })
  },
})

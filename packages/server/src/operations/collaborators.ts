import { inviteRoles } from '@pindown/pin-types'
import { z } from 'zod'
import { ok } from '../envelope.js'
import { ApiError } from '../errors.js'
import {
  activeView,
  collaboratorAnswer,
  collaboratorsAnswer,
  inviteAnswer,
  inviteView,
  pendingView,
  removePerson,
} from '../people/people-answers.js'
import { invitePerson } from '../people/pin-invites.js'
import { loadPin } from '../pins/pin-operations.js'
import { operation } from './operation.js'
import { pinIdParams } from './pins.js'

const share = { scope: 'pins:share', bucket: 'write' } as const
const shareRead = { scope: 'pins:share', bucket: 'read' } as const

const inviteBody = z.strictObject({
  email: z.email().max(254).meta({ example: 'ann@example.com' }),
  role: z.enum(inviteRoles),
  message: z.string().max(2000).optional().meta({ description: 'A note for the invite email' }),
})
const roleBody = z.strictObject({ role: z.enum(inviteRoles) })
const userParams = pinIdParams.extend({
  userId: z.string().meta({ description: "The collaborator's user id (`usr_…`)", example: 'usr_8f2k1m0x9q4z' }),
})
const userOrEmailParams = pinIdParams.extend({
  userIdOrEmail: z.string().meta({ description: 'A user id (`usr_…`), or the address of a pending invite' }),
})

export const listCollaborators = operation({
  id: 'listCollaborators',
  method: 'GET',
  path: '/v1/pins/:pinId/collaborators',
  summary: 'People invited to a pin (`pending`) and those who accepted (`active`)',
  access: shareRead,
  params: pinIdParams,
  answer: { kind: 'envelope', status: 200, data: collaboratorsAnswer },
  errors: ['NOT_FOUND'],
  sdk: { method: 'pins.listCollaborators' },
  async handler({ store }, { params, key }) {
    const pin = await loadPin(store, key.workspaceId, params.pinId)
    const [pending, active] = await Promise.all([
      store.people.listInvites(pin.workspaceId, pin.id, Date.now()),
      store.people.listCollaborators(pin.id),
    ])
    return ok({ pending: pending.map(pendingView), active: active.map(activeView) })
  },
})

export const inviteCollaborator = operation({
  id: 'inviteCollaborator',
  method: 'POST',
  path: '/v1/pins/:pinId/collaborators',
  summary: 'Invite a person to a pin as editor or viewer; answers the invite link (emailed when SMTP is set)',
  access: share,
  params: pinIdParams,
  body: inviteBody,
  answer: { kind: 'envelope', status: 201, data: inviteAnswer },
  errors: ['NOT_FOUND'],
  sdk: { method: 'pins.inviteCollaborator' },
  async handler(context, { params, body, key, reply }) {
    const pin = await loadPin(context.store, key.workspaceId, params.pinId)
    const sent = await invitePerson(context, pin, body, { id: key.id, name: key.name })
    reply.code(201)
    return ok(inviteView(sent), sent.emailed ? `Invite emailed to ${body.email}` : 'Invite created: share its link')
  },
})

export const updateCollaborator = operation({
  id: 'updateCollaborator',
  method: 'PUT',
  path: '/v1/pins/:pinId/collaborators/:userId',
  summary: "Change a collaborator's role",
  access: share,
  params: userParams,
  body: roleBody,
  answer: { kind: 'envelope', status: 200, data: collaboratorAnswer },
  errors: ['NOT_FOUND'],
  sdk: { method: 'pins.updateCollaborator' },
  async handler({ store }, { params, body, key }) {
    const pin = await loadPin(store, key.workspaceId, params.pinId)
    if (!(await store.people.updateCollaboratorRole(pin.id, params.userId, body.role))) {
      throw new ApiError('NOT_FOUND', `No collaborator ${params.userId} on pin ${pin.id}`)
    }
    const person = (await store.people.listCollaborators(pin.id)).find((c) => c.userId === params.userId)
    return ok(activeView(person!))
  },
})

export const removeCollaborator = operation({
  id: 'removeCollaborator',
  method: 'DELETE',
  path: '/v1/pins/:pinId/collaborators/:userIdOrEmail',
  summary: 'Remove a collaborator, or withdraw a pending invite by email; their open pages stop updating',
  access: share,
  params: userOrEmailParams,
  answer: { kind: 'envelope', status: 200, data: z.object({ removed: z.literal(true) }) },
  errors: ['NOT_FOUND'],
  sdk: { method: 'pins.removeCollaborator' },
  async handler({ store, events }, { params, key }) {
    const pin = await loadPin(store, key.workspaceId, params.pinId)
    const target = params.userIdOrEmail
    const removed = await removePerson(store, target, {
      revokeInvites: (email) => store.people.revokeInvites(pin.workspaceId, pin.id, email),
      remove: (userId) => store.people.removeCollaborator(pin.id, userId),
    })
    if (!removed) throw new ApiError('NOT_FOUND', `No collaborator or pending invite ${target} on pin ${pin.id}`)
    // Open pages re-check who may see the pin on each event: this one tells them to.
    events.publish({ type: 'pin.shared', pin })
    return ok({ removed: true as const })
  },
})

const permission = z.object({
  view: z.boolean(),
  edit: z.boolean(),
  comment: z.boolean(),
  invite: z.boolean(),
  delete: z.boolean(),
})

/** What each role may do with a pin (docs/people.md). */
const roleRights = {
  owner: { view: true, edit: true, comment: true, invite: true, delete: true },
  editor: { view: true, edit: true, comment: true, invite: false, delete: false },
  viewer: { view: true, edit: false, comment: true, invite: false, delete: false },
} as const

export const getPermissions = operation({
  id: 'getPermissions',
  method: 'GET',
  path: '/v1/pins/:pinId/permissions',
  summary: 'What the calling key and each role may do with a pin, and who else can see it',
  access: shareRead,
  params: pinIdParams,
  answer: {
    kind: 'envelope',
    status: 200,
    data: z.object({
      pin_id: z.string(),
      key: z.object({ scopes: z.array(z.string()), read: z.boolean(), write: z.boolean(), share: z.boolean() }),
      roles: z.object({ owner: permission, editor: permission, viewer: permission }),
      visibility: z.object({
        is_public: z.boolean(),
        require_sign_in: z.boolean(),
        allow_edit: z.boolean(),
        allow_comments: z.boolean(),
        anonymous: z.enum(['view', 'sign-in', 'none']),
      }),
    }),
  },
  errors: ['NOT_FOUND'],
  sdk: { method: 'pins.getPermissions' },
  async handler({ store }, { params, key }) {
    const pin = await loadPin(store, key.workspaceId, params.pinId)
    return ok({
      pin_id: pin.id,
      key: {
        scopes: [...key.scopes],
        read: key.scopes.includes('pins:read'),
        write: key.scopes.includes('pins:write'),
        share: key.scopes.includes('pins:share'),
      },
      roles: {
        owner: { ...roleRights.owner, comment: pin.allowComments },
        editor: { ...roleRights.editor, comment: pin.allowComments },
        viewer: { ...roleRights.viewer, comment: pin.allowComments },
      },
      visibility: {
        is_public: pin.isPublic,
        require_sign_in: pin.requireSignIn,
        allow_edit: pin.allowEdit,
        allow_comments: pin.allowComments,
        anonymous: !pin.isPublic ? ('none' as const) : pin.requireSignIn ? ('sign-in' as const) : ('view' as const),
      },
    })
  },
})

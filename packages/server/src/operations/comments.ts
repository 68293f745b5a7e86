import type { CommentRecord } from '@pindown/store'
import { z } from 'zod'
import { commentAnswer, commentPageAnswer, commentView } from '../comments/comment-view.js'
import { ok } from '../envelope.js'
import { ApiError, validationError } from '../errors.js'
import { newCommentId } from '../ids.js'
import { decodeCursor, encodeCursor } from '../pins/list-cursor.js'
import { queryText } from '../pins/pin-body.js'
import { type Caller, callerOf, pinFor } from '../pins/pin-callers.js'
import { operation } from './operation.js'
import { pinIdParams } from './pins.js'

/** Comments on a pin (docs/comments-and-editing.md): by programs with a key, by people from the pin's page. */

export const maxCommentLength = 10_000
const maxCommentPage = 100
const defaultCommentPage = 50

const commentParams = pinIdParams.extend({
  commentId: z.string().meta({ description: 'Comment id: `cmt_` and 12 characters', example: 'cmt_4k2m9x0q7r1z' }),
})
const commentBody = z
  .string()
  .trim()
  .min(1, 'Write something')
  .max(maxCommentLength, `At most ${maxCommentLength.toLocaleString('en')} characters`)
  .meta({ description: 'Markdown', example: 'Can we split **EMEA** by country?' })

const read = { scope: 'pins:read', bucket: 'read' } as const
const write = { scope: 'pins:write', bucket: 'write', people: 'signed-in' } as const

/** The comment, when the caller may see it; else not found, like one that never existed. */
async function loadComment(
  store: Parameters<typeof pinFor>[0],
  pinId: string,
  commentId: string,
): Promise<CommentRecord> {
  const comment = await store.comments.getComment(pinId, commentId)
  if (!comment) throw new ApiError('NOT_FOUND', `No comment ${commentId} on pin ${pinId}`)
  return comment
}

const isAuthor = (caller: Caller, comment: CommentRecord) =>
  caller.kind !== 'anonymous' && caller.author.kind === comment.author.kind && caller.author.id === comment.author.id

export const listComments = operation({
  id: 'listComments',
  method: 'GET',
  path: '/v1/pins/:pinId/comments',
  summary: `A pin's comments, oldest first: \`limit\` (≤ ${maxCommentPage}, default ${defaultCommentPage}), \`cursor\`, \`since\` (epoch ms: created or changed after)`,
  access: { ...read, people: 'anyone' },
  params: pinIdParams,
  query: z.strictObject({
    limit: z.coerce.number().int().min(1).max(maxCommentPage).optional(),
    cursor: queryText(200).optional(),
    since: z.coerce.number().int().min(0).optional(),
  }),
  answer: { kind: 'envelope', status: 200, data: commentPageAnswer },
  errors: ['NOT_FOUND', 'COMMENTS_DISABLED'],
  sdk: { method: 'pins.comments.list' },
  async handler({ store }, { params, query, key, person }) {
    const { pin } = await pinFor(store, callerOf({ key, person }), params.pinId, 'view')
    // The thread is hidden, not deleted, while the pin takes no comments: programs still read it.
    if (!pin.allowComments && !key) throw new ApiError('COMMENTS_DISABLED')
    const limit = query.limit ?? defaultCommentPage
    const [page, total] = await Promise.all([
      store.comments.listComments(pin.id, {
        limit,
        ...(query.cursor !== undefined && { after: decodeCursor(query.cursor) }),
        ...(query.since !== undefined && { since: query.since }),
      }),
      store.comments.countComments(pin.id),
    ])
    const last = page.items.at(-1)
    return ok({
      items: page.items.map(commentView),
      total,
      next_cursor: page.hasMore && last ? encodeCursor(last) : null,
    })
  },
})

export const createComment = operation({
  id: 'createComment',
  method: 'POST',
  path: '/v1/pins/:pinId/comments',
  summary: 'Comment on a pin, or reply to a top-level comment (`parent_id`); by a key, shown as an app',
  access: { ...write, bucket: 'comment' },
  params: pinIdParams,
  body: z.strictObject({
    body: commentBody,
    parent_id: z.string().max(100).optional().meta({ description: 'The top-level comment this one answers' }),
  }),
  answer: { kind: 'envelope', status: 201, data: commentAnswer },
  errors: ['NOT_FOUND', 'COMMENTS_DISABLED'],
  sdk: { method: 'pins.comments.create' },
  async handler({ store, events }, { params, body, key, person, reply }) {
    const caller = callerOf({ key, person })
    const { pin } = await pinFor(store, caller, params.pinId, 'comment')
    if (caller.kind === 'anonymous') throw new ApiError('SIGN_IN_REQUIRED')
    const now = Date.now()
    const comment: CommentRecord = {
      id: newCommentId(),
      pinId: pin.id,
      parentId: body.parent_id ?? null,
      body: body.body,
      author: caller.author,
      resolved: false,
      edited: false,
      createdAt: now,
      updatedAt: now,
    }
    const result = await store.comments.addComment(comment)
    if (result === 'pin-gone') throw new ApiError('NOT_FOUND', `No pin ${pin.id}`)
    if (result === 'parent-not-found') {
      throw validationError([
        { path: 'parent_id', message: 'Not a top-level comment of this pin (replies go one level deep)' },
      ])
    }
    events.publish({ type: 'comment.created', workspaceId: pin.workspaceId, comment })
    reply.code(201)
    return ok(commentView(comment))
  },
})

export const updateComment = operation({
  id: 'updateComment',
  method: 'PATCH',
  path: '/v1/pins/:pinId/comments/:commentId',
  summary: 'Edit your comment (`body`), or resolve or reopen a thread (`resolved`)',
  access: write,
  params: commentParams,
  body: z
    .strictObject({ body: commentBody.optional(), resolved: z.boolean().optional() })
    .refine((b) => b.body !== undefined || b.resolved !== undefined, { message: 'Give body, resolved, or both' }),
  answer: { kind: 'envelope', status: 200, data: commentAnswer },
  errors: ['NOT_FOUND', 'COMMENTS_DISABLED', 'COMMENT_NOT_YOURS'],
  sdk: { method: 'pins.comments.update' },
  async handler({ store, events }, { params, body, key, person }) {
    const caller = callerOf({ key, person })
    const { pin } = await pinFor(store, caller, params.pinId, 'comment')
    const comment = await loadComment(store, pin.id, params.commentId)
    if (body.body !== undefined && !isAuthor(caller, comment)) {
      throw new ApiError('COMMENT_NOT_YOURS', 'Only its author may edit a comment')
    }
    const changed = await store.comments.updateComment(pin.id, comment.id, {
      ...(body.body !== undefined && { body: body.body }),
      ...(body.resolved !== undefined && { resolved: body.resolved }),
      updatedAt: Math.max(Date.now(), comment.updatedAt),
    })
    if (!changed) throw new ApiError('NOT_FOUND', `No comment ${comment.id} on pin ${pin.id}`)
    events.publish({ type: 'comment.updated', workspaceId: pin.workspaceId, comment: changed })
    return ok(commentView(changed))
  },
})

export const deleteComment = operation({
  id: 'deleteComment',
  method: 'DELETE',
  path: '/v1/pins/:pinId/comments/:commentId',
  summary: "Delete a comment and its replies: its author, a workspace owner, or a key of the pin's workspace",
  access: write,
  params: commentParams,
  answer: { kind: 'envelope', status: 200, data: z.object({ id: z.string(), deleted: z.literal(true) }) },
  errors: ['NOT_FOUND', 'COMMENT_NOT_YOURS'],
  sdk: { method: 'pins.comments.delete' },
  async handler({ store, events }, { params, key, person }) {
    const caller = callerOf({ key, person })
    // Deleting stays possible after comments are turned off: owners may clean up a hidden thread.
    const { pin, role } = await pinFor(store, caller, params.pinId, 'view')
    const comment = await loadComment(store, pin.id, params.commentId)
    if (!isAuthor(caller, comment) && role !== 'owner') {
      throw new ApiError('COMMENT_NOT_YOURS', 'Only its author or a workspace owner may delete a comment')
    }
    if (!(await store.comments.deleteComment(pin.id, comment.id))) {
      throw new ApiError('NOT_FOUND', `No comment ${comment.id} on pin ${pin.id}`)
    }
    events.publish({ type: 'comment.deleted', workspaceId: pin.workspaceId, pinId: pin.id, id: comment.id })
    return ok({ id: comment.id, deleted: true as const })
  },
})

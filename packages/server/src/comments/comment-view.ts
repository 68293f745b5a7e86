import type { CommentRecord } from '@pindown/store'
import { z } from 'zod'
import type { CommentEvent } from '../events/pin-events.js'
import { author } from '../pins/pin-answers.js'

const epochMs = z.number().int().meta({ description: 'Unix epoch milliseconds' })

export const commentAnswer = z
  .object({
    id: z.string().meta({ description: 'Comment id: `cmt_` and 12 characters', example: 'cmt_4k2m9x0q7r1z' }),
    pin_id: z.string(),
    parent_id: z
      .string()
      .nullable()
      .meta({ description: 'The comment this one replies to; replies go one level deep' }),
    body: z.string().meta({ description: 'Markdown, shown sanitised' }),
    author,
    resolved: z.boolean(),
    edited: z.boolean().meta({ description: 'The body changed after it was posted' }),
    created_at: epochMs,
    updated_at: epochMs,
  })
  .meta({ id: 'Comment' })

export const commentPageAnswer = z.object({
  items: z.array(commentAnswer),
  total: z.number().int().meta({ description: 'Comments on the pin, replies included' }),
  next_cursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last' }),
})

export function commentView(comment: CommentRecord): z.output<typeof commentAnswer> {
  return {
    id: comment.id,
    pin_id: comment.pinId,
    parent_id: comment.parentId,
    body: comment.body,
    author: comment.author,
    resolved: comment.resolved,
    edited: comment.edited,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
  }
}

/** What a stream sends for a comment event: the comment, or `{ id, pin_id }` once it is deleted. */
export function commentEventData(event: CommentEvent): object {
  return event.type === 'comment.deleted' ? { id: event.id, pin_id: event.pinId } : commentView(event.comment)
}

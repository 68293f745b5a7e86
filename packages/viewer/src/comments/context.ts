import type { Reader } from '../page-data.js'
import type { Comment } from '../pin-api.js'

/** What a comment's view needs from the thread around it. */
export interface ThreadContext {
  readonly pinId: string
  /** Null for an anonymous reader, who reads and cannot act. */
  readonly reader: Reader | null
  /** Puts the server's answer to the reader's own change in the thread (its live event may come first). */
  applied(comment: Comment): void
  /** A comment the reader deleted (with its replies). */
  deleted(id: string): void
  /** Opens the reply form under a top-level comment. */
  reply(parent: Comment): void
}

export const isOwn = (context: ThreadContext, comment: Comment): boolean =>
  context.reader !== null && comment.author.kind === 'user' && comment.author.id === context.reader.id

/** Authors delete their own comments; workspace owners delete anyone's. */
export const mayDelete = (context: ThreadContext, comment: Comment): boolean =>
  isOwn(context, comment) || context.reader?.roles[context.pinId] === 'owner'

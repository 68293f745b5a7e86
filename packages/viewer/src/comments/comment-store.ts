import type { Comment } from '../pin-api.js'

const byAge = (a: Comment, b: Comment) => a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const same = (a: Comment, b: Comment) =>
  a.updated_at === b.updated_at && a.resolved === b.resolved && a.body === b.body && a.edited === b.edited

/**
 * The comments the page holds, from list pages, the reader's own calls and live events. The same comment
 * arrives more than once (a POST answer and its event), so every copy goes in by id and an older copy
 * than the one held is dropped. A deleted comment stays deleted when a stale copy of it arrives later.
 */
export class CommentStore {
  private readonly comments = new Map<string, Comment>()
  private readonly deleted = new Set<string>()

  /** Answers whether the thread changed. */
  put(comment: Comment): boolean {
    if (this.deleted.has(comment.id)) return false
    const held = this.comments.get(comment.id)
    if (held && (comment.updated_at < held.updated_at || same(held, comment))) return false
    this.comments.set(comment.id, comment)
    return true
  }

  /** Removes a comment and its replies (the server deletes them with it). Answers whether it held any. */
  remove(id: string): boolean {
    this.deleted.add(id)
    let changed = this.comments.delete(id)
    for (const reply of this.replies(id)) {
      this.deleted.add(reply.id)
      changed = this.comments.delete(reply.id) || changed
    }
    return changed
  }

  clear(): void {
    this.comments.clear()
    this.deleted.clear()
  }

  get(id: string): Comment | undefined {
    return this.comments.get(id)
  }

  /** Top-level comments, oldest first. */
  topLevel(): Comment[] {
    return [...this.comments.values()].filter((c) => c.parent_id === null).sort(byAge)
  }

  /** A comment's replies, oldest first. */
  replies(parentId: string): Comment[] {
    return [...this.comments.values()].filter((c) => c.parent_id === parentId).sort(byAge)
  }

  /** How many comments are shown: replies whose parent has not been loaded yet wait for it. */
  shown(): number {
    let count = 0
    for (const c of this.comments.values()) if (c.parent_id === null || this.comments.has(c.parent_id)) count++
    return count
  }
}

/** Whether an event's data is a comment (the stream is trusted, but a malformed one must not break the page). */
export function isComment(value: unknown): value is Comment {
  if (typeof value !== 'object' || value === null) return false
  const c = value as Partial<Comment>
  return (
    typeof c.id === 'string' &&
    typeof c.pin_id === 'string' &&
    (c.parent_id === null || typeof c.parent_id === 'string') &&
    typeof c.body === 'string' &&
    typeof c.author === 'object' &&
    c.author !== null &&
    typeof c.author.name === 'string' &&
    typeof c.created_at === 'number' &&
    typeof c.updated_at === 'number'
  )
}

import type { ChangeAuthor } from '../records.js'

/** A comment on a pin, by a person or by a program through an API key. */
export interface CommentRecord {
  /** `cmt_` and 12 characters. */
  readonly id: string
  readonly pinId: string
  /** The top-level comment this one replies to; replies go one level deep. */
  readonly parentId: string | null
  /** Markdown. */
  readonly body: string
  readonly author: ChangeAuthor
  readonly resolved: boolean
  /** True once the body was changed after it was posted. */
  readonly edited: boolean
  readonly createdAt: number
  readonly updatedAt: number
}

export interface CommentQuery {
  readonly limit: number
  /** Keyset position: only comments strictly after this `(createdAt, id)`. */
  readonly after?: { readonly createdAt: number; readonly id: string }
  /** Only comments created or changed after this time. */
  readonly since?: number
}

export interface CommentPage {
  readonly items: CommentRecord[]
  readonly hasMore: boolean
}

/** What adding a comment came to. */
export type AddCommentResult = 'added' | 'pin-gone' | 'parent-not-found'

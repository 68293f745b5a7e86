import type { AddCommentResult, CommentPage, CommentQuery, CommentRecord } from './comment-records.js'

/** Comments on pins; part of every `Store` (`store.comments`). A pin's deletion deletes its comments. */
export interface CommentStore {
  /**
   * Adds the comment. A reply's parent must be a top-level comment of the same pin, checked in the same
   * statement: `parent-not-found` otherwise (nothing written), `pin-gone` when the pin was deleted meanwhile.
   */
  addComment(comment: CommentRecord): Promise<AddCommentResult>
  getComment(pinId: string, id: string): Promise<CommentRecord | undefined>
  /** Oldest first, by `(createdAt, id)`. */
  listComments(pinId: string, query: CommentQuery): Promise<CommentPage>
  countComments(pinId: string): Promise<number>
  /** Changes the body or the resolved flag; answers the comment after the change, undefined when it is gone. */
  updateComment(
    pinId: string,
    id: string,
    changes: { readonly body?: string; readonly resolved?: boolean; readonly updatedAt: number },
  ): Promise<CommentRecord | undefined>
  /** Deletes the comment and its replies; false when it was not there. */
  deleteComment(pinId: string, id: string): Promise<boolean>
}

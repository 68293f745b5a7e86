import { h } from '../dom.js'
import { addComment, type Comment, isRefusal } from '../pin-api.js'
import { CommentView } from './comment-view.js'
import { type Composer, composer } from './composer.js'
import type { ThreadContext } from './context.js'

/** Puts `elements` in `list` in this order, moving only what is out of place (a moved node loses focus). */
export function placeInOrder(list: HTMLElement, elements: readonly HTMLElement[]): void {
  elements.forEach((element, i) => {
    const at = list.children[i] ?? null
    if (at !== element) list.insertBefore(element, at)
  })
  while (list.children.length > elements.length) list.lastElementChild!.remove()
}

/** The first line of a comment, as plain text, for a collapsed thread's summary. */
function summary(body: string): string {
  const line = body.split('\n').find((l) => l.trim() !== '') ?? ''
  const text = line.replace(/[#>*_`~[\]]/g, '').trim()
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

/**
 * A top-level comment with its replies (one level deep) and, when open, the reply form. A resolved thread
 * collapses to one line with a Show toggle.
 */
export class ThreadItem {
  readonly element: HTMLLIElement
  private readonly main: CommentView
  private readonly replies = h('ol', { class: 'comment-replies' })
  private readonly replyViews = new Map<string, CommentView>()
  private readonly replySlot = h('div', { class: 'comment-reply-slot' })
  private readonly content = h('div', { class: 'comment-thread-content' })
  private readonly resolvedBar = h('div', { class: 'comment-resolved-bar', hidden: true })
  private replyForm: Composer | null = null
  private expanded = false
  private comment: Comment

  constructor(
    comment: Comment,
    private readonly context: ThreadContext,
  ) {
    this.comment = comment
    this.main = new CommentView(comment, context)
    this.content.append(this.main.element, this.replies, this.replySlot)
    this.element = h('li', { class: 'comment-thread', 'data-thread-id': comment.id }, this.resolvedBar, this.content)
  }

  update(comment: Comment, replies: readonly Comment[]): void {
    if (comment !== this.comment) this.main.update(comment)
    // Reopened threads start collapsed again the next time they are resolved.
    if (this.comment.resolved !== comment.resolved) this.expanded = false
    this.comment = comment
    for (const [id, view] of this.replyViews) {
      if (!replies.some((r) => r.id === id)) {
        view.element.parentElement?.remove()
        this.replyViews.delete(id)
      }
    }
    const items = replies.map((reply) => {
      let view = this.replyViews.get(reply.id)
      if (view) view.update(reply)
      else {
        view = new CommentView(reply, this.context)
        this.replyViews.set(reply.id, view)
      }
      return (view.element.parentElement as HTMLLIElement | null) ?? h('li', {}, view.element)
    })
    placeInOrder(this.replies, items)
    this.replies.hidden = items.length === 0
    this.renderResolved(replies.length)
  }

  /** Opens (or focuses) the reply form under the thread. */
  openReply(): void {
    if (!this.context.reader) return
    if (this.comment.resolved) this.expanded = true
    this.renderResolved(this.replyViews.size)
    if (!this.replyForm) {
      const close = () => {
        this.replyForm = null
        this.replySlot.replaceChildren()
      }
      this.replyForm = composer({
        label: `Reply to ${this.comment.author.name}`,
        submit: 'Reply',
        cancel: () => {
          close()
          this.main.element.querySelector<HTMLElement>('[data-action="reply"]')?.focus()
        },
        send: async (text) => {
          const answer = await addComment(this.context.pinId, text, this.comment.id, this.context.reader!.csrf)
          if (isRefusal(answer)) return answer
          close()
          this.context.applied(answer)
          return null
        },
      })
      this.replySlot.replaceChildren(this.replyForm.element)
    }
    this.replyForm.focus()
  }

  private renderResolved(replyCount: number): void {
    const { resolved, author, body } = this.comment
    const collapsed = resolved && !this.expanded
    this.element.classList.toggle('is-resolved', resolved)
    this.content.hidden = collapsed
    this.resolvedBar.hidden = !resolved
    if (!resolved) {
      this.resolvedBar.replaceChildren()
      return
    }
    const toggle = h(
      'button',
      {
        type: 'button',
        class: 'comment-button',
        'data-action': 'toggle-resolved',
        'aria-expanded': String(!collapsed),
      },
      collapsed ? 'Show' : 'Hide',
    )
    toggle.addEventListener('click', () => {
      this.expanded = !this.expanded
      this.renderResolved(this.replyViews.size)
      this.resolvedBar.querySelector<HTMLElement>('[data-action="toggle-resolved"]')?.focus()
    })
    const replies = replyCount === 0 ? '' : ` · ${replyCount} ${replyCount === 1 ? 'reply' : 'replies'}`
    this.resolvedBar.replaceChildren(
      h('span', { class: 'comment-resolved-mark' }, 'Resolved'),
      h('span', { class: 'comment-resolved-summary' }, h('strong', {}, author.name), ': ', summary(body), replies),
      toggle,
    )
  }
}

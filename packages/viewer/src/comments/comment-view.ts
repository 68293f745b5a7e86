import { h } from '../dom.js'
import { renderMarkdown } from '../markdown.js'
import { type Comment, changeComment, deleteComment, isRefusal, type Refusal } from '../pin-api.js'
import { type Composer, composer } from './composer.js'
import { isOwn, mayDelete, type ThreadContext } from './context.js'
import { refusalText } from './refusal.js'
import { whenElement } from './when.js'

const button = (text: string, action: string, onClick: () => void): HTMLButtonElement => {
  const element = h('button', { type: 'button', class: 'comment-button', 'data-action': action }, text)
  element.addEventListener('click', onClick)
  return element
}

/**
 * One comment: who wrote it and when, its body (sanitised markdown) and what the reader may do with it.
 * An open editor survives updates of the comment, so that an event never throws away typed text.
 */
export class CommentView {
  readonly element: HTMLElement
  private readonly header = h('header', { class: 'comment-header' })
  private readonly body = h('div', { class: 'comment-body' })
  private readonly actions = h('div', { class: 'comment-actions' })
  private readonly message = h('p', { class: 'comment-refusal', role: 'alert', hidden: true })
  private editor: Composer | null = null
  private confirmingDelete = false

  constructor(
    private comment: Comment,
    private readonly context: ThreadContext,
  ) {
    const kind = comment.parent_id === null ? 'Comment' : 'Reply'
    this.element = h(
      'article',
      { class: 'comment', 'data-comment-id': comment.id, 'aria-label': `${kind} by ${comment.author.name}` },
      this.header,
      this.body,
      this.actions,
      this.message,
    )
    this.render(true)
  }

  update(comment: Comment): void {
    const bodyChanged = comment.body !== this.comment.body
    this.comment = comment
    this.render(bodyChanged)
  }

  private render(bodyChanged: boolean): void {
    const { author, created_at, updated_at, edited } = this.comment
    this.element.classList.toggle('is-app', author.kind === 'app')
    const parts = [
      h('span', { class: 'comment-author' }, author.name),
      author.kind === 'app' &&
        h('span', { class: 'badge comment-app-badge', title: 'Posted by an app (API key)' }, 'app'),
      whenElement(created_at),
      edited &&
        h('span', { class: 'comment-edited', title: `Edited ${new Date(updated_at).toLocaleString()}` }, '(edited)'),
    ]
    this.header.replaceChildren(...parts.filter((part): part is HTMLElement => part !== false))
    if (!this.editor && bodyChanged) this.body.replaceChildren(renderMarkdown(this.comment.body))
    this.renderActions()
  }

  private renderActions(): void {
    const { reader } = this.context
    const comment = this.comment
    if (!reader || this.editor) {
      this.actions.replaceChildren()
      return
    }
    if (this.confirmingDelete) {
      const replies = comment.parent_id === null ? ' and its replies' : ''
      this.actions.replaceChildren(
        h('span', { class: 'comment-confirm' }, `Delete this comment${replies}?`),
        button('Yes, delete', 'confirm-delete', () => this.remove()),
        button('Cancel', 'cancel-delete', () => {
          this.confirmingDelete = false
          this.renderActions()
        }),
      )
      return
    }
    const topLevel = comment.parent_id === null
    this.actions.replaceChildren(
      ...[
        topLevel && button('Reply', 'reply', () => this.context.reply(comment)),
        topLevel &&
          button(comment.resolved ? 'Reopen' : 'Resolve', comment.resolved ? 'reopen' : 'resolve', () =>
            this.change({ resolved: !comment.resolved }),
          ),
        isOwn(this.context, comment) && button('Edit', 'edit', () => this.edit()),
        mayDelete(this.context, comment) &&
          button('Delete', 'delete', () => {
            this.confirmingDelete = true
            this.renderActions()
            this.actions.querySelector<HTMLElement>('[data-action="cancel-delete"]')?.focus()
          }),
      ].filter((b): b is HTMLButtonElement => b !== false),
    )
  }

  private showRefusal(refusal: Refusal | null): void {
    this.message.hidden = refusal === null
    this.message.textContent = refusal ? refusalText(refusal) : ''
  }

  private setBusy(busy: boolean): void {
    for (const b of this.actions.querySelectorAll('button')) b.disabled = busy
  }

  private async change(changes: { resolved: boolean }): Promise<void> {
    this.setBusy(true)
    const answer = await changeComment(this.context.pinId, this.comment.id, changes, this.context.reader!.csrf)
    this.setBusy(false)
    this.showRefusal(isRefusal(answer) ? answer : null)
    if (!isRefusal(answer)) this.context.applied(answer)
  }

  private async remove(): Promise<void> {
    this.setBusy(true)
    const answer = await deleteComment(this.context.pinId, this.comment.id, this.context.reader!.csrf)
    this.setBusy(false)
    if (isRefusal(answer) && answer.status !== 404) {
      this.confirmingDelete = false
      this.renderActions()
      this.showRefusal(answer)
      return
    }
    // A 404: someone else deleted it first, which is what the reader wanted.
    this.context.deleted(this.comment.id)
  }

  private edit(): void {
    const close = () => {
      this.editor = null
      this.render(true)
    }
    this.editor = composer({
      label: 'Edit comment',
      submit: 'Save',
      initial: this.comment.body,
      cancel: () => {
        close()
        this.actions.querySelector<HTMLElement>('[data-action="edit"]')?.focus()
      },
      send: async (text) => {
        if (text === this.comment.body) {
          close()
          return null
        }
        const answer = await changeComment(
          this.context.pinId,
          this.comment.id,
          { body: text },
          this.context.reader!.csrf,
        )
        if (isRefusal(answer)) return answer
        close()
        this.context.applied(answer)
        return null
      },
    })
    this.showRefusal(null)
    this.body.replaceChildren(this.editor.element)
    this.renderActions()
    this.editor.focus()
  }
}

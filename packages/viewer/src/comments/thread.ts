import './comments.css'
import { h } from '../dom.js'
import type { PublicPin, Reader } from '../page-data.js'
import { addComment, type Comment, isRefusal, listComments } from '../pin-api.js'
import { CommentStore, isComment } from './comment-store.js'
import { composer } from './composer.js'
import type { ThreadContext } from './context.js'
import { refusalText } from './refusal.js'
import { placeInOrder, ThreadItem } from './thread-item.js'
import { refreshTimes } from './when.js'

export type CommentEvent = 'comment.created' | 'comment.updated' | 'comment.deleted'

export interface CommentThread {
  /** A comment event from the page's stream. */
  receive(type: CommentEvent, data: unknown): void
  /** The pin changed: its `allow_comments` shows or hides the thread. */
  setPin(pin: PublicPin): void
}

/**
 * The comment thread under a pin: top-level comments oldest first with their replies, a form for
 * signed-in readers and a sign-in link for anonymous ones. Pages of the thread load on demand; the
 * reader's own changes and the stream's events both go through one store, deduplicated by id.
 */
export function mountComments(
  container: HTMLElement,
  pin: PublicPin,
  reader: Reader | null,
  signInHref: string,
): CommentThread {
  let current = pin
  const store = new CommentStore()
  const items = new Map<string, ThreadItem>()
  let cursor: string | null = null
  /** While pages remain unloaded, the heading counts from the server's total as of the last page, plus what changed on this page since. */
  let counted: { total: number; shown: number } | null = null
  /** Where the "Show more" button loads from: the next page, or the page that failed. */
  let moreFrom: string | null = null
  // Bumped whenever the thread is emptied, so that a page answered for an older thread is dropped.
  let generation = 0

  const headingId = `comments-heading-${pin.id}`
  const heading = h('h2', { class: 'comments-heading', id: headingId }, 'Comments')
  const list = h('ol', { class: 'comments-list' })
  const empty = h('p', { class: 'comments-empty muted', hidden: true }, 'No comments yet.')
  const status = h('p', { class: 'comment-refusal', role: 'alert', hidden: true })
  const more = h('button', { type: 'button', class: 'comment-button comments-more', hidden: true }, 'Show more')
  const section = h(
    'section',
    { class: 'comments', 'aria-label': 'Comments', 'aria-describedby': headingId },
    heading,
    list,
    empty,
    status,
    more,
  )

  const render = () => {
    const tops = store.topLevel()
    const elements = tops.map((comment) => {
      let item = items.get(comment.id)
      if (!item) {
        item = new ThreadItem(comment, context)
        items.set(comment.id, item)
      }
      item.update(comment, store.replies(comment.id))
      return item.element
    })
    for (const id of items.keys()) if (!store.get(id)) items.delete(id)
    placeInOrder(list, elements)
    const shown = store.shown()
    const count = cursor !== null && counted ? Math.max(shown, counted.total + shown - counted.shown) : shown
    const word = count === 1 ? 'comment' : 'comments'
    heading.textContent = cursor === null || counted ? `${count} ${word}` : `${count}+ ${word}`
    section.dataset.count = String(count)
    empty.hidden = count > 0 || cursor !== null || section.getAttribute('aria-busy') === 'true'
  }

  const put = (comment: Comment) => {
    if (comment.pin_id === current.id && store.put(comment)) render()
  }

  const context: ThreadContext = {
    pinId: pin.id,
    reader,
    applied: put,
    deleted(id) {
      if (store.remove(id)) render()
    },
    reply(parent) {
      items.get(parent.id)?.openReply()
    },
  }

  const load = async (from: string | null) => {
    const at = generation
    more.disabled = true
    section.setAttribute('aria-busy', 'true')
    const page = await listComments(current.id, from ?? undefined)
    if (at !== generation) return
    section.removeAttribute('aria-busy')
    more.disabled = false
    if (isRefusal(page)) {
      status.hidden = false
      status.textContent = `The comments could not be loaded. ${refusalText(page)}`
      more.textContent = 'Try again'
      more.hidden = false
      moreFrom = from
      render()
      return
    }
    status.hidden = true
    for (const comment of page.items) store.put(comment)
    cursor = page.next_cursor
    counted = { total: page.total, shown: store.shown() }
    more.textContent = 'Show more'
    more.hidden = cursor === null
    moreFrom = cursor
    render()
    section.dataset.loaded = 'true'
  }

  const form = reader
    ? composer({
        label: 'Write a comment',
        submit: 'Comment',
        clearOnSend: true,
        send: async (text) => {
          const answer = await addComment(current.id, text, null, reader.csrf)
          if (isRefusal(answer)) return answer
          put(answer)
          return null
        },
      }).element
    : h(
        'p',
        { class: 'comments-sign-in' },
        h('a', { href: signInHref, 'data-action': 'sign-in' }, 'Sign in to comment'),
      )
  more.addEventListener('click', () => load(moreFrom))
  form.classList.add('comments-new')
  section.append(form)
  container.append(section)

  const show = (on: boolean) => {
    section.hidden = !on
    if (on) {
      void load(null)
      return
    }
    // Hidden threads keep nothing: the comments may have been meant for readers who can no longer see them.
    generation += 1
    store.clear()
    items.clear()
    list.replaceChildren()
    cursor = null
    counted = null
    status.hidden = true
    more.hidden = true
    delete section.dataset.loaded
    section.removeAttribute('aria-busy')
    render()
  }
  show(pin.allow_comments)
  setInterval(() => {
    if (!section.hidden) refreshTimes(section)
  }, 30_000)

  return {
    receive(type, data) {
      if (!current.allow_comments) return
      if (type === 'comment.deleted') {
        const gone = data as { id?: unknown; pin_id?: unknown } | null
        if (typeof gone?.id === 'string' && gone.pin_id === current.id) context.deleted(gone.id)
      } else if (isComment(data)) {
        put(data)
      }
    },
    setPin(next) {
      const was = current.allow_comments
      current = next
      if (next.allow_comments !== was) show(next.allow_comments)
    },
  }
}

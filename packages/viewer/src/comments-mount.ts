import type { CommentThread } from './comments/thread.js'
import type { PageData, PublicPin } from './page-data.js'

/** The thread under a single pin: loaded (with its code) only once the pin takes comments. */
export interface Comments {
  pinChanged(pin: PublicPin): void
  thread(): CommentThread | undefined
}

export function startComments(data: PageData): Comments | undefined {
  const container = document.querySelector<HTMLElement>('.pin-comments')
  const [first] = data.pins
  if (!container || !first || data.kind !== 'pin') return undefined
  let thread: CommentThread | undefined
  let loading = false
  let latest = first
  const signIn = `/sign-in?next=${encodeURIComponent(location.pathname)}`
  const show = (pin: PublicPin) => {
    latest = pin
    if (thread) return thread.setPin(pin)
    if (!pin.allow_comments) return
    if (loading) return
    loading = true
    void import('./comments/thread.js').then(({ mountComments }) => {
      container.hidden = false
      // The pin may have changed while the thread's code loaded.
      thread = mountComments(container, latest, data.reader, signIn)
    })
  }
  show(first)
  return { pinChanged: show, thread: () => thread }
}

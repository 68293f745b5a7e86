import type { ApiKeyRecord, ChangeAuthor, PinRecord, Store, WorkspaceRole } from '@pindown/store'
import { ApiError } from '../errors.js'
import { pinIdPattern } from '../ids.js'
import { hasRole, pinAccess, pinRole } from '../people/access.js'
import { keyAuthor, userAuthor } from '../people/authors.js'
import type { SignedIn } from '../people/sessions.js'
import { loadPin, notFound } from './pin-operations.js'

/** Who calls an operation open to people: a program with its key, a signed-in person, or an anonymous reader. */
export type Caller =
  | { readonly kind: 'key'; readonly key: ApiKeyRecord; readonly author: ChangeAuthor }
  | { readonly kind: 'person'; readonly person: SignedIn; readonly author: ChangeAuthor }
  | { readonly kind: 'anonymous' }

export function callerOf(input: { key: ApiKeyRecord | undefined; person: SignedIn | undefined }): Caller {
  if (input.key) return { kind: 'key', key: input.key, author: keyAuthor(input.key) }
  if (input.person) return { kind: 'person', person: input.person, author: userAuthor(input.person.user) }
  return { kind: 'anonymous' }
}

/** What a caller asks to do with a pin: read it and its thread, comment on it, or edit it from its page. */
export type PinRight = 'view' | 'comment' | 'edit'

export interface CallerPin {
  readonly pin: PinRecord
  /** A key acts for its workspace, as its owner; a person has their role, or none (a reader of a public pin). */
  readonly role: WorkspaceRole | undefined
}

/**
 * The pin, if the caller may do `right` with it. A pin the caller may not see is not found, exactly like
 * one that does not exist; one they see but may not change is refused with the reason.
 */
export async function pinFor(store: Store, caller: Caller, pinId: string, right: PinRight): Promise<CallerPin> {
  if (caller.kind === 'key') {
    const pin = await loadPin(store, caller.key.workspaceId, pinId)
    if (right === 'comment' && !pin.allowComments) throw commentsDisabled(pin)
    return { pin, role: 'owner' }
  }
  const [pin] = pinIdPattern.test(pinId) ? await store.findPins([pinId]) : []
  const person = caller.kind === 'person' ? caller.person : undefined
  if (!pin || (await pinAccess(store, pin, person)) !== 'show') throw notFound(pinId)
  const role = person && (await pinRole(store, pin, person.user.id))
  if (right === 'view') return { pin, role }
  if (!person) throw new ApiError('SIGN_IN_REQUIRED', right === 'comment' ? 'Sign in to comment' : 'Sign in to edit')
  if (right === 'comment') {
    if (!pin.allowComments) throw commentsDisabled(pin)
    return { pin, role }
  }
  if (!role || !hasRole(role, 'editor')) throw new ApiError('ROLE_REQUIRED', `Only editors may change pin ${pin.id}`)
  if (!pin.allowEdit) throw new ApiError('EDITING_DISABLED', `Pin ${pin.id} does not allow editing from its page`)
  return { pin, role }
}

function commentsDisabled(pin: PinRecord): ApiError {
  return new ApiError('COMMENTS_DISABLED', `Pin ${pin.id} does not take comments (allow_comments is false)`)
}

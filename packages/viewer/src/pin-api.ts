import type { Author, PublicPin } from './page-data.js'

/**
 * The page's calls to the server's `/v1` API, made with the reader's session cookie: the same operations
 * programs call with a key (docs/comments-and-editing.md). Changes carry the page's CSRF token.
 */

export interface Issue {
  path: string
  message: string
}

/** Why the server refused a call: its error code, message and, for bad input, every problem found. */
export interface Refusal {
  kind: 'refused'
  status: number
  code: string
  message: string
  issues: Issue[]
}

/** What a change to a pin sends: any of these (tags replace the pin's tags). */
export interface PinChanges {
  pin_config?: Record<string, unknown>
  metadata?: { title?: string; tags?: string[] }
}

/** A save either lands, meets a newer version (answered, for the person to choose), or is refused. */
export type SaveResult = { kind: 'saved'; pin: PublicPin } | { kind: 'conflict'; current: PublicPin } | Refusal

export interface Comment {
  id: string
  pin_id: string
  /** The comment this one answers; replies go one level deep. */
  parent_id: string | null
  /** Markdown. */
  body: string
  author: Author
  resolved: boolean
  created_at: number
  updated_at: number
  /** True once the body was changed after it was posted. */
  edited: boolean
}

export interface CommentPage {
  items: Comment[]
  /** Comments on the pin, replies included. */
  total: number
  next_cursor: string | null
}

type Answer<T> = { kind: 'ok'; data: T } | Refusal

async function call<T>(method: string, path: string, csrf?: string, body?: unknown, headers = {}): Promise<Answer<T>> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(csrf !== undefined && { 'x-csrf-token': csrf }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
  } catch {
    return { kind: 'refused', status: 0, code: 'NETWORK', message: 'The server could not be reached.', issues: [] }
  }
  const answer = (await response.json().catch(() => undefined)) as
    | { success: true; data: T }
    | { success: false; error: { code: string; message: string; details?: Issue[] } }
    | undefined
  if (answer?.success) return { kind: 'ok', data: answer.data }
  const error = answer?.error
  return {
    kind: 'refused',
    status: response.status,
    code: error?.code ?? 'UNKNOWN',
    message: error?.message ?? `The server answered ${response.status}.`,
    issues: error?.details ?? [],
  }
}

const pinPath = (pinId: string) => `/v1/pins/${encodeURIComponent(pinId)}`

/** The pin as it is now; undefined when the reader may no longer see it. */
export async function loadPin(pinId: string): Promise<PublicPin | undefined> {
  const answer = await call<PublicPin>('GET', pinPath(pinId))
  return answer.kind === 'ok' ? answer.data : undefined
}

/** Saves changes made on top of `baseVersion` (`If-Match`): a pin changed meanwhile comes back as a conflict. */
export async function savePin(
  pinId: string,
  baseVersion: number,
  changes: PinChanges,
  csrf: string,
): Promise<SaveResult> {
  const answer = await call<PublicPin>('PUT', pinPath(pinId), csrf, changes, { 'if-match': `"${baseVersion}"` })
  if (answer.kind === 'ok') return { kind: 'saved', pin: answer.data }
  if (answer.code === 'VERSION_CONFLICT') {
    const current = await loadPin(pinId)
    if (current) return { kind: 'conflict', current }
  }
  return answer
}

/** One page of a pin's comments, oldest first. Anonymous readers of a public pin may read them too. */
export async function listComments(pinId: string, cursor?: string): Promise<CommentPage | Refusal> {
  const query = cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`
  const answer = await call<CommentPage>('GET', `${pinPath(pinId)}/comments${query}`)
  return answer.kind === 'ok' ? answer.data : answer
}

export async function addComment(
  pinId: string,
  body: string,
  parentId: string | null,
  csrf: string,
): Promise<Comment | Refusal> {
  const answer = await call<Comment>('POST', `${pinPath(pinId)}/comments`, csrf, {
    body,
    ...(parentId !== null && { parent_id: parentId }),
  })
  return answer.kind === 'ok' ? answer.data : answer
}

export async function changeComment(
  pinId: string,
  commentId: string,
  changes: { body?: string; resolved?: boolean },
  csrf: string,
): Promise<Comment | Refusal> {
  const answer = await call<Comment>(
    'PATCH',
    `${pinPath(pinId)}/comments/${encodeURIComponent(commentId)}`,
    csrf,
    changes,
  )
  return answer.kind === 'ok' ? answer.data : answer
}

export async function deleteComment(pinId: string, commentId: string, csrf: string): Promise<true | Refusal> {
  const answer = await call<unknown>('DELETE', `${pinPath(pinId)}/comments/${encodeURIComponent(commentId)}`, csrf)
  return answer.kind === 'ok' ? true : answer
}

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'refused'

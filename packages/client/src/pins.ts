import { newIdempotencyKey, type Transport } from './transport.js'
import type {
  BatchCreateResult,
  BatchDeleteResult,
  BatchGetResult,
  BatchUpdateResult,
  Collaborator,
  Collaborators,
  Comment,
  CommentInput,
  CommentPage,
  CreatedPin,
  CreatePinInput,
  InviteInput,
  InviteRole,
  ListCommentsParams,
  ListPinsParams,
  Pin,
  PinPage,
  PinPermissions,
  SentInvite,
  ShareResult,
  SharingFlags,
  UpdatePinInput,
} from './types.js'
import { type CommentEvent, isCommentEvent, type PinEvent, type Watcher, type WatchOptions, watchPin } from './watch.js'

const pinPath = (id: string) => `/v1/pins/${encodeURIComponent(id)}`

export interface UpdateOptions {
  /** Update only if the pin is still at this version (else a `ConflictError`). */
  ifMatch?: number
}

/** `client.pins`: every pin endpoint of the API. */
export class PinsApi {
  readonly batch: BatchApi
  readonly comments: CommentsApi

  constructor(private readonly transport: Transport) {
    this.batch = new BatchApi(transport)
    this.comments = new CommentsApi(transport)
  }

  /** Creates a pin. An idempotency key is sent, so a retried request never creates it twice. */
  async create(input: CreatePinInput): Promise<CreatedPin> {
    const { data } = await this.transport.request<CreatedPin>('POST', '/v1/pins', {
      body: input,
      idempotencyKey: newIdempotencyKey(),
    })
    return data
  }

  async get(id: string): Promise<Pin> {
    return (await this.transport.request<Pin>('GET', pinPath(id))).data
  }

  /** One page, newest first: `{ items, total, limit, offset, next_cursor }`. */
  async list(params: ListPinsParams = {}): Promise<PinPage> {
    return (await this.transport.request<PinPage>('GET', '/v1/pins', { query: { ...params } })).data
  }

  /** Every pin matching `params`, newest first, fetched page by page as you iterate. */
  async *iterate(params: Omit<ListPinsParams, 'cursor' | 'offset'> = {}): AsyncGenerator<Pin, void, undefined> {
    let cursor: string | undefined
    do {
      const page = await this.list({ limit: 100, ...params, ...(cursor !== undefined && { cursor }) })
      yield* page.items
      cursor = page.next_cursor ?? undefined
    } while (cursor !== undefined)
  }

  async update(id: string, changes: UpdatePinInput, options: UpdateOptions = {}): Promise<Pin> {
    const headers = options.ifMatch === undefined ? undefined : { 'if-match': `"${options.ifMatch}"` }
    return (await this.transport.request<Pin>('PUT', pinPath(id), { body: changes, ...(headers && { headers }) })).data
  }

  async delete(id: string): Promise<{ id: string; deleted: true }> {
    return (await this.transport.request<{ id: string; deleted: true }>('DELETE', pinPath(id))).data
  }

  /**
   * Calls `onEvent` on each change of the pin (`pin.updated`, `pin.shared`, `pin.deleted`) until closed.
   * Its comments' events come through `client.pins.comments.watch`.
   */
  watch(id: string, onEvent: (event: PinEvent) => void, options?: WatchOptions): Watcher {
    return watchPin(
      this.transport,
      id,
      (event) => {
        if (!isCommentEvent(event)) onEvent(event)
      },
      options,
    )
  }

  /** Sets sharing flags; `shareable_url` is the public link while the pin is public. */
  async share(id: string, flags: SharingFlags): Promise<ShareResult> {
    return (await this.transport.request<ShareResult>('POST', `${pinPath(id)}/share`, { body: flags })).data
  }

  /** Invites a person by email as editor or viewer; the answer has the invite link (emailed when the server can). */
  async inviteCollaborator(id: string, invite: InviteInput): Promise<SentInvite> {
    return (await this.transport.request<SentInvite>('POST', `${pinPath(id)}/collaborators`, { body: invite })).data
  }

  /** People invited to the pin (`pending`) and those who accepted (`active`). */
  async listCollaborators(id: string): Promise<Collaborators> {
    return (await this.transport.request<Collaborators>('GET', `${pinPath(id)}/collaborators`)).data
  }

  async updateCollaborator(id: string, userId: string, change: { role: InviteRole }): Promise<Collaborator> {
    const path = `${pinPath(id)}/collaborators/${encodeURIComponent(userId)}`
    return (await this.transport.request<Collaborator>('PUT', path, { body: change })).data
  }

  /** Removes a collaborator by user id, or withdraws a pending invite by email. */
  async removeCollaborator(id: string, userIdOrEmail: string): Promise<{ removed: true }> {
    const path = `${pinPath(id)}/collaborators/${encodeURIComponent(userIdOrEmail)}`
    return (await this.transport.request<{ removed: true }>('DELETE', path)).data
  }

  /** What this key and each role may do with the pin, and what anonymous readers get. */
  async getPermissions(id: string): Promise<PinPermissions> {
    return (await this.transport.request<PinPermissions>('GET', `${pinPath(id)}/permissions`)).data
  }
}

/**
 * `client.pins.comments`: what people (and other programs) say about a pin. Comments made with a key are
 * shown with the key's name and an "app" badge. The pin must have `allow_comments: true` to take new ones.
 */
export class CommentsApi {
  constructor(private readonly transport: Transport) {}

  /** One page of the pin's comments, oldest first: `{ items, total, next_cursor }`. */
  async list(pinId: string, params: ListCommentsParams = {}): Promise<CommentPage> {
    const path = `${pinPath(pinId)}/comments`
    return (await this.transport.request<CommentPage>('GET', path, { query: { ...params } })).data
  }

  /** Every comment of the pin (after `since`, when given), oldest first, fetched page by page as you iterate. */
  async *iterate(pinId: string, params: Omit<ListCommentsParams, 'cursor'> = {}): AsyncGenerator<Comment> {
    let cursor: string | undefined
    do {
      const page = await this.list(pinId, { limit: 100, ...params, ...(cursor !== undefined && { cursor }) })
      yield* page.items
      cursor = page.next_cursor ?? undefined
    } while (cursor !== undefined)
  }

  /** Comments on the pin, or replies to a top-level comment with `parent_id`. */
  async create(pinId: string, input: CommentInput): Promise<Comment> {
    return (await this.transport.request<Comment>('POST', `${pinPath(pinId)}/comments`, { body: input })).data
  }

  /** Edits this key's own comment (`body`), or resolves or reopens any thread (`resolved`). */
  async update(pinId: string, commentId: string, changes: { body?: string; resolved?: boolean }): Promise<Comment> {
    const path = `${pinPath(pinId)}/comments/${encodeURIComponent(commentId)}`
    return (await this.transport.request<Comment>('PATCH', path, { body: changes })).data
  }

  /** Deletes a comment of the key's workspace's pin, with its replies. */
  async delete(pinId: string, commentId: string): Promise<{ id: string; deleted: true }> {
    const path = `${pinPath(pinId)}/comments/${encodeURIComponent(commentId)}`
    return (await this.transport.request<{ id: string; deleted: true }>('DELETE', path)).data
  }

  /**
   * Calls `onEvent` for each comment posted, changed (edited, resolved, reopened) or deleted on the pin,
   * until closed or the pin is deleted.
   */
  watch(pinId: string, onEvent: (event: CommentEvent) => void, options?: WatchOptions): Watcher {
    return watchPin(
      this.transport,
      pinId,
      (event) => {
        if (isCommentEvent(event)) onEvent(event)
      },
      options,
    )
  }
}

/** `client.pins.batch`: up to 50 pins per write, 100 per read; each item succeeds or fails alone. */
export class BatchApi {
  constructor(private readonly transport: Transport) {}

  async create(pins: CreatePinInput[]): Promise<BatchCreateResult> {
    const { data } = await this.transport.request<BatchCreateResult>('POST', '/v1/pins/batch', {
      body: { pins },
      idempotencyKey: newIdempotencyKey(),
    })
    return data
  }

  async get(ids: string[]): Promise<BatchGetResult> {
    return (await this.transport.request<BatchGetResult>('POST', '/v1/pins/batch/get', { body: { ids } })).data
  }

  async update(updates: (UpdatePinInput & { id: string })[]): Promise<BatchUpdateResult> {
    return (await this.transport.request<BatchUpdateResult>('PATCH', '/v1/pins/batch', { body: { updates } })).data
  }

  async delete(ids: string[]): Promise<BatchDeleteResult> {
    return (await this.transport.request<BatchDeleteResult>('DELETE', '/v1/pins/batch', { body: { ids } })).data
  }
}

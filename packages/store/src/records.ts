import type { DataType, InviteRole, PinLayout } from '@pindown/pin-types'
import type { CommentRecord } from './comments/comment-records.js'

/** What the store keeps. Plain data: the API layer decides what is valid before anything is stored. */

export const scopes = ['pins:read', 'pins:write', 'pins:share'] as const
export type Scope = (typeof scopes)[number]

export interface WorkspaceRecord {
  readonly id: string
  readonly name: string
  readonly createdAt: number
}

export interface ApiKeyRecord {
  readonly id: string
  readonly workspaceId: string
  readonly name: string
  /** SHA-256 of the whole key, hex. The key itself is never stored. */
  readonly hash: string
  /** The first characters of the key, for people to recognise it (`pk_live_a1B2`). */
  readonly prefix: string
  readonly scopes: readonly Scope[]
  readonly createdAt: number
  readonly revokedAt: number | null
  /** When the key last authenticated a request, to the minute; null when never. */
  readonly lastUsedAt: number | null
}

export interface PinRecord {
  readonly id: string
  readonly workspaceId: string
  readonly pinType: string
  readonly pinConfig: Record<string, unknown>
  readonly pinLayout: PinLayout
  readonly dataType: DataType
  readonly title: string
  readonly tags: readonly string[]
  readonly isPublic: boolean
  readonly allowEdit: boolean
  readonly requireSignIn: boolean
  readonly allowComments: boolean
  readonly pendingInvites: Readonly<Record<string, InviteRole>>
  /** Unix epoch milliseconds. */
  readonly createdAt: number
  readonly updatedAt: number
  /** 1 on creation, one more on each change. */
  readonly version: number
  /** Who made the last change through the API or a page; null when nobody changed it since its creation. */
  readonly updatedBy: ChangeAuthor | null
}

/** A person (`user`), or a program through an API key (`app`, named after the key). */
export interface ChangeAuthor {
  readonly kind: 'user' | 'app'
  readonly id: string
  readonly name: string
}

export interface ListQuery {
  readonly limit: number
  readonly offset: number
  /** Keyset position: only pins strictly older than this `(createdAt, id)` are listed. */
  readonly after?: { readonly createdAt: number; readonly id: string }
  readonly pinType?: string
  readonly tag?: string
  /** Case-insensitive substring of the title. */
  readonly q?: string
}

export interface ListPage {
  readonly items: PinRecord[]
  readonly total: number
  /** True when more pins follow this page. */
  readonly hasMore: boolean
}

export type UpdateResult = 'updated' | 'not-found' | 'version-conflict'

/** The first answer to a request sent with an `Idempotency-Key`. */
export interface StoredResponse {
  readonly status: number
  readonly body: string
}

/** An `Idempotency-Key`'s first answer, as stored (with the write it answers, when there was one). */
export interface IdempotentAnswer {
  readonly apiKeyId: string
  readonly key: string
  /** Hash of what makes two requests "the same": method, path and body. */
  readonly fingerprint: string
  readonly createdAt: number
  readonly response: StoredResponse
}

/** One request to count against a rolling window shared by every server instance. */
export interface RateLimitHit {
  readonly keyId: string
  readonly bucket: string
  readonly now: number
  readonly windowMs: number
  readonly limit: number
}

export interface RateLimitCount {
  readonly allowed: boolean
  /** Requests counted in the window, this one included when allowed. */
  readonly used: number
  /** When the oldest counted request was made (epoch ms). */
  readonly oldest: number
}

/** A pin change announced to every server instance. */
/** A pin's change, announced to the other server instances. */
export type PinChange =
  | {
      readonly type: 'pin.updated' | 'pin.shared' | 'pin.deleted'
      readonly id: string
      readonly workspaceId: string
      readonly version: number
      /** The pin after the change, when it is small enough to travel with the notice; else read from the store. */
      readonly pin?: PinRecord
    }
  | {
      readonly type: 'comment.created' | 'comment.updated' | 'comment.deleted'
      /** The pin's id. */
      readonly id: string
      readonly workspaceId: string
      readonly commentId: string
      /** The comment after the change, when small enough to travel with the notice; else read from the store. */
      readonly comment?: CommentRecord
    }

/**
 * The connection that receives change notices: `lost` when it drops and again at each failed reconnect,
 * `restored` once it listens again. Notices sent while it was lost never arrive: re-read what you watch.
 */
export type ChangeFeedStatus =
  | { readonly state: 'lost'; readonly error: Error; readonly attempt: number; readonly retryInMs: number }
  | { readonly state: 'restored'; readonly attempts: number; readonly downMs: number }

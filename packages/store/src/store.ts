import type { CommentStore } from './comments/comment-store.js'
import type { PeopleStore } from './people/people-store.js'
import type {
  ApiKeyRecord,
  ChangeFeedStatus,
  IdempotentAnswer,
  ListPage,
  ListQuery,
  PinChange,
  PinRecord,
  RateLimitCount,
  RateLimitHit,
  UpdateResult,
  WorkspaceRecord,
} from './records.js'

/**
 * Everything the server persists. Every backend passes the same behaviour suite (`test/store.cases.ts`).
 * Writes resolve only once they are durable; each method is one transaction.
 */
export interface Store {
  createWorkspace(workspace: WorkspaceRecord): Promise<void>
  getWorkspace(id: string): Promise<WorkspaceRecord | undefined>
  listWorkspaces(): Promise<WorkspaceRecord[]>

  createApiKey(key: ApiKeyRecord): Promise<void>
  findApiKeyByHash(hash: string): Promise<ApiKeyRecord | undefined>
  listApiKeys(workspaceId?: string): Promise<ApiKeyRecord[]>
  /** Marks the key revoked; false when no such key, or it was already revoked. */
  revokeApiKey(id: string, at: number): Promise<boolean>
  /** Records that the key authenticated a request at `at`. */
  touchApiKey(id: string, at: number): Promise<void>

  /**
   * Inserts all pins in one transaction, with the answer to the request that made them when given: both
   * commit or neither does, so a crash can never leave pins whose request a retry would run again.
   * Throws `IdempotencyKeyTaken` (and writes nothing) when the key already holds an answer.
   */
  insertPins(pins: readonly PinRecord[], answer?: IdempotentAnswer): Promise<void>
  getPin(workspaceId: string, id: string): Promise<PinRecord | undefined>
  /** The pins of this workspace among `ids`, in no particular order; unknown ids are left out. */
  getPins(workspaceId: string, ids: readonly string[]): Promise<PinRecord[]>
  /** Pins by id in any workspace, for public pages; the caller decides what may be shown. */
  findPins(ids: readonly string[]): Promise<PinRecord[]>
  /** Newest first, by `(createdAt, id)`. */
  listPins(workspaceId: string, query: ListQuery): Promise<ListPage>
  /**
   * Replaces the pin if its stored version is still `expectedVersion`; `pin.version` is the new version.
   * An answer given is stored in the same transaction, as with `insertPins`.
   */
  updatePin(pin: PinRecord, expectedVersion: number, answer?: IdempotentAnswer): Promise<UpdateResult>
  /** Deletes the pins of this workspace among `ids`; answers the ids that were deleted. */
  deletePins(workspaceId: string, ids: readonly string[]): Promise<string[]>

  /** The answer stored for an `Idempotency-Key` of this API key, while it lives (24 hours). */
  findIdempotentAnswer(apiKeyId: string, key: string, now: number): Promise<IdempotentAnswer | undefined>
  /** Stores the answer to a request that wrote nothing; false when the key already holds one. */
  recordIdempotentAnswer(answer: IdempotentAnswer): Promise<boolean>

  /**
   * Rate-limit windows kept in the store, for stores that several server instances share. Undefined
   * when one process owns the store: its server then counts in memory. Rows of windows gone by are deleted.
   */
  readonly rateLimits?: { hit(request: RateLimitHit): Promise<RateLimitCount> }

  /** Pin change notifications across server instances; undefined when one process owns the store. */
  readonly changes?: {
    publish(change: PinChange): Promise<void>
    /**
     * Resolves once listening; the returned function stops it. A lost connection is reconnected with
     * backoff, each step told to `onStatus`.
     */
    subscribe(
      listener: (change: PinChange) => void,
      onStatus?: (status: ChangeFeedStatus) => void,
    ): Promise<() => Promise<void>>
  }

  /** Accounts, sessions, members, collaborators and invites. */
  readonly people: PeopleStore

  /** Comments on pins. */
  readonly comments: CommentStore

  close(): Promise<void>
}

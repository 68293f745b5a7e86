import type {
  ApiKeyRecord,
  IdempotencyClaim,
  ListPage,
  ListQuery,
  PinChange,
  PinRecord,
  RateLimitCount,
  RateLimitHit,
  StoredResponse,
  UpdateResult,
  WorkspaceRecord,
} from './records.js'

export interface IdempotencyRequest {
  readonly apiKeyId: string
  readonly key: string
  /** Hash of what makes two requests "the same": method, path and body. */
  readonly fingerprint: string
  readonly now: number
}

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

  /** Inserts all pins in one transaction. */
  insertPins(pins: readonly PinRecord[]): Promise<void>
  getPin(workspaceId: string, id: string): Promise<PinRecord | undefined>
  /** The pins of this workspace among `ids`, in no particular order; unknown ids are left out. */
  getPins(workspaceId: string, ids: readonly string[]): Promise<PinRecord[]>
  /** Pins by id in any workspace, for public pages; the caller decides what may be shown. */
  findPins(ids: readonly string[]): Promise<PinRecord[]>
  /** Newest first, by `(createdAt, id)`. */
  listPins(workspaceId: string, query: ListQuery): Promise<ListPage>
  /** Replaces the pin if its stored version is still `expectedVersion`; `pin.version` is the new version. */
  updatePin(pin: PinRecord, expectedVersion: number): Promise<UpdateResult>
  /** Deletes the pins of this workspace among `ids`; answers the ids that were deleted. */
  deletePins(workspaceId: string, ids: readonly string[]): Promise<string[]>

  /**
   * Claims an idempotency key for a request. `claimed`: go ahead, then `completeIdempotency` or
   * `releaseIdempotency`. Keys live 24 hours; a claim left pending for a minute (a crashed request) is taken over.
   * Expired keys are deleted now and then, in the background.
   */
  claimIdempotency(request: IdempotencyRequest): Promise<IdempotencyClaim>
  completeIdempotency(apiKeyId: string, key: string, response: StoredResponse): Promise<void>
  releaseIdempotency(apiKeyId: string, key: string): Promise<void>

  /**
   * Rate-limit windows kept in the store, for stores that several server instances share. Undefined
   * when one process owns the store: its server then counts in memory. Rows of windows gone by are deleted.
   */
  readonly rateLimits?: { hit(request: RateLimitHit): Promise<RateLimitCount> }

  /** Pin change notifications across server instances; undefined when one process owns the store. */
  readonly changes?: {
    publish(change: PinChange): Promise<void>
    /** Resolves once listening; the returned function stops it. */
    subscribe(listener: (change: PinChange) => void): Promise<() => Promise<void>>
  }

  close(): Promise<void>
}

import { hash } from 'node:crypto'
import { type ApiKeyRecord, scopes as allScopes, type Scope, type Store } from '@pindown/store'
import { newKeyId, newWorkspaceId, randomBase62 } from '../ids.js'

export const keyPrefix = 'pk_live_'
const keyPattern = /^pk_live_[0-9A-Za-z]{32,128}$/

/**
 * Keys carry 256 bits from a cryptographic source (43 base62 characters), so a plain SHA-256 is
 * enough to store them: nothing can be guessed from the hash, and a salt or slow hash buys nothing
 * against a key that cannot be brute-forced. Lookups stay a single indexed read.
 */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex')
}

export function isWellFormedKey(key: string): boolean {
  return keyPattern.test(key)
}

export interface CreatedKey {
  /** The key itself: shown once, never stored. */
  readonly key: string
  readonly record: ApiKeyRecord
}

export interface CreateKeyOptions {
  /** An existing workspace, or undefined to create a new one. */
  readonly workspaceId?: string
  readonly scopes?: readonly Scope[]
  readonly name?: string
  readonly now?: number
}

/** Creates a key (and its workspace when none is named); the key is returned once and only its hash stored. */
export async function createApiKey(store: Store, options: CreateKeyOptions = {}): Promise<CreatedKey> {
  const now = options.now ?? Date.now()
  let workspaceId = options.workspaceId
  if (workspaceId === undefined) {
    workspaceId = newWorkspaceId()
    await store.createWorkspace({ id: workspaceId, name: 'Default workspace', createdAt: now })
  } else if (!(await store.getWorkspace(workspaceId))) {
    throw new Error(`No workspace ${workspaceId}`)
  }
  const key = keyPrefix + randomBase62(43)
  const record: ApiKeyRecord = {
    id: newKeyId(),
    workspaceId,
    name: options.name ?? 'default',
    hash: hashApiKey(key),
    prefix: key.slice(0, keyPrefix.length + 4),
    scopes: [...(options.scopes ?? allScopes)],
    createdAt: now,
    revokedAt: null,
  }
  await store.createApiKey(record)
  return { key, record }
}

import { hash } from 'node:crypto'
import { type ApiKeyRecord, scopes as allScopes, type Scope, type Store } from '@pindown/store'
import { newKeyId, newWorkspaceId, randomBase62 } from '../ids.js'

export const keyPrefix = 'pk_live_'
const keyPattern = /^pk_live_[0-9A-Za-z]{32,128}$/
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * A key is `pk_live_`, 37 random base62 characters (220 bits from a cryptographic source) and a
 * 6-character checksum of them: CRC-32, in base62, zero-padded. Secret scanners match
 * `pk_live_[0-9A-Za-z]{43}` and check the last six to tell a real key from a look-alike (see
 * docs/security.md). Keys made before the checksum are 43 random characters and still work.
 */
export function keyChecksum(random: string): string {
  let n = crc32(random)
  let out = ''
  for (let i = 0; i < 6; i++) {
    out = base62[n % 62] + out
    n = Math.floor(n / 62)
  }
  return out
}

function crc32(text: string): number {
  let crc = 0xffffffff
  for (const byte of Buffer.from(text)) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

/**
 * Keys carry over 200 bits from a cryptographic source, so a plain SHA-256 is enough to store them:
 * nothing can be guessed from the hash, and a salt or slow hash buys nothing against a key that cannot
 * be brute-forced. A key is found by looking its hash up, never by comparing keys, so no comparison's
 * timing can tell how much of a guess was right. Lookups stay a single indexed read.
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
  const random = randomBase62(37)
  const key = keyPrefix + random + keyChecksum(random)
  const record: ApiKeyRecord = {
    id: newKeyId(),
    workspaceId,
    name: options.name ?? 'default',
    hash: hashApiKey(key),
    prefix: key.slice(0, keyPrefix.length + 4),
    scopes: [...(options.scopes ?? allScopes)],
    createdAt: now,
    revokedAt: null,
    lastUsedAt: null,
  }
  await store.createApiKey(record)
  return { key, record }
}

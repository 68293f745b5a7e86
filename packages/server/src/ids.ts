import { randomFillSync } from 'node:crypto'

const base36 = '0123456789abcdefghijklmnopqrstuvwxyz'
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

// Random bytes are drawn from the cryptographic source a pool at a time: one call per id costs more
// than the id.
const pool = Buffer.alloc(4096)
let used = pool.length

function randomByte(): number {
  if (used === pool.length) {
    randomFillSync(pool)
    used = 0
  }
  return pool[used++]!
}

/** `length` characters drawn uniformly from `alphabet` with a cryptographic source (rejection sampling). */
export function randomString(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length)
  let out = ''
  while (out.length < length) {
    const byte = randomByte()
    if (byte < limit) out += alphabet[byte % alphabet.length]
  }
  return out
}

/** `p-` and 12 lowercase alphanumerics, as the hosted API's pin ids. */
export const newPinId = () => `p-${randomString(base36, 12)}`
export const newWorkspaceId = () => `ws_${randomString(base36, 12)}`
export const newKeyId = () => `key_${randomString(base36, 12)}`
export const newUserId = () => `usr_${randomString(base36, 12)}`
export const newSessionId = () => `ses_${randomString(base36, 12)}`
export const newInviteId = () => `inv_${randomString(base36, 12)}`
export const newCommentId = () => `cmt_${randomString(base36, 12)}`
export const randomBase62 = (length: number) => randomString(base62, length)

export const pinIdPattern = /^p-[a-z0-9]{12}$/

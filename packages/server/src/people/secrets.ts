import { createHash } from 'node:crypto'
import { randomBase62 } from '../ids.js'

/**
 * Session, invite and setup tokens: 43 base62 characters (256 bits) from a cryptographic source. Like API
 * keys they cannot be guessed, so a SHA-256 is all that is kept, and they are found by that hash.
 */
export const newToken = () => randomBase62(43)

export const tokenPattern = /^[0-9A-Za-z]{43}$/

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex')

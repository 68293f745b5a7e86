import { hash, verify } from '@node-rs/argon2'

// `Algorithm.Argon2id`: the package declares it as a const enum, which isolated modules cannot read.
const argon2id = 2

/** The shortest password accepted; longer ones are limited only by the body size. */
export const minPasswordLength = 10
/** argon2 hashes any length, but a megabyte of password is a way to spend the server's time. */
export const maxPasswordLength = 1024

/** argon2id with the library's defaults (OWASP's: 19 MiB, 2 passes), as a PHC string with its salt. */
export const hashPassword = (password: string) => hash(password, { algorithm: argon2id })

// A hash of a password no one has, checked when the account does not exist or has no password, so
// that the answer takes as long either way and its timing does not tell which addresses have accounts.
let decoy: Promise<string> | undefined

export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null || password.length > maxPasswordLength) {
    decoy ??= hashPassword('decoy password that no account has')
    await verify(await decoy, password.slice(0, maxPasswordLength)).catch(() => false)
    return false
  }
  return verify(stored, password).catch(() => false)
}

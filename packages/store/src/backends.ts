import type { OpenStoreOptions } from './open-store.js'
import type { Store } from './store.js'
import { StoreOpenError } from './store-open-error.js'

export interface Backend {
  /** The URL schemes that name it, colon included. */
  readonly schemes: readonly string[]
  /** Loads the backend and its driver (only when used), opens the database and applies its migrations. */
  open(options: OpenStoreOptions): Promise<Store>
}

/** Every store backend, by name. Each must run the conformance suite: `test/<name>-store.test.ts`. */
export const backends: Readonly<Record<string, Backend>> = {
  sqlite: {
    schemes: ['sqlite:'],
    open: async (options) => (await import('./sqlite/sqlite-open.js')).openSqlite(options),
  },
  postgres: {
    schemes: ['postgres:', 'postgresql:'],
    open: async (options) => (await import('./postgres/postgres-open.js')).openPostgres(options),
  },
}

/** A URL without a scheme is a file path, for SQLite (as is `C:\…`: a one-letter scheme is a drive). */
const bareUrl = backends.sqlite!

/** The backend a database URL's scheme names. */
export function backendFor(url: string): Backend {
  const scheme = /^[a-z][a-z0-9+.-]+:/i.exec(url)?.[0].toLowerCase()
  if (scheme === undefined) return bareUrl
  const backend = Object.values(backends).find((b) => b.schemes.includes(scheme))
  if (backend) return backend
  const known = Object.values(backends).flatMap((b) => b.schemes)
  throw new StoreOpenError(
    `Unknown database URL scheme ${scheme} (known: ${known.join(', ')}, or a bare file path for SQLite)`,
  )
}

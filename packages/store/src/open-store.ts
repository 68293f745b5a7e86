import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { SqliteDatabase } from './sqlite/sqlite-config.js'
import type { Store } from './store.js'

export interface OpenStoreOptions {
  /** `sqlite:<path>`, `sqlite::memory:`, or a bare file path. */
  readonly url: string
  readonly sqliteSynchronous?: 'full' | 'normal'
}

/** Opens the store a database URL names, applying migrations. The driver is loaded only when used. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { url } = options
  if (/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('PostgreSQL is not supported yet: set DATABASE_URL to sqlite:<path> or leave it unset')
  }
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url
  if (path === '') throw new Error(`DATABASE_URL ${url} names no file: use sqlite:<path>`)
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  const [{ default: Database }, { SqliteStore }] = await Promise.all([
    import('better-sqlite3'),
    import('./sqlite/sqlite-store.js'),
  ])
  // better-sqlite3's own typings are richer than the local interface; the shapes match at run time.
  const db = new Database(path) as unknown as SqliteDatabase
  return new SqliteStore(db, { synchronous: options.sqliteSynchronous ?? 'full' })
}

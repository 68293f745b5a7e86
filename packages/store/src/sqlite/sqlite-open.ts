import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import type { OpenStoreOptions } from '../open-store.js'
import type { Store } from '../store.js'
import { StoreOpenError } from '../store-open-error.js'
import type { SqliteDatabase } from './sqlite-config.js'
import { SqliteStore } from './sqlite-store.js'

/** `sqlite:<path>`, `sqlite::memory:` or a bare path: the file and its directory are made if missing. */
export async function openSqlite(options: OpenStoreOptions): Promise<Store> {
  const { url } = options
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url
  if (path === '') throw new StoreOpenError(`DATABASE_URL ${url} names no file: use sqlite:<path>`)
  let db: Database.Database
  try {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
    db = new Database(path)
  } catch (error) {
    throw new StoreOpenError(`Cannot open the SQLite database ${resolve(path)}: ${(error as Error).message}`, {
      cause: error,
    })
  }
  // better-sqlite3's own typings are richer than the local interface; the shapes match at run time.
  const store = new SqliteStore(db as unknown as SqliteDatabase, { synchronous: options.sqliteSynchronous ?? 'full' })
  try {
    await store.migrate()
  } catch (error) {
    await store.close()
    throw error
  }
  return store
}

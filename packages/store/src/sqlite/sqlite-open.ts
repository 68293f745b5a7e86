import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import type { OpenStoreOptions } from '../open-store.js'
import type { Store } from '../store.js'
import type { SqliteDatabase } from './sqlite-config.js'
import { SqliteStore } from './sqlite-store.js'

/** `sqlite:<path>`, `sqlite::memory:` or a bare path: the file and its directory are made if missing. */
export async function openSqlite(options: OpenStoreOptions): Promise<Store> {
  const { url } = options
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url
  if (path === '') throw new Error(`DATABASE_URL ${url} names no file: use sqlite:<path>`)
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  // better-sqlite3's own typings are richer than the local interface; the shapes match at run time.
  const store = new SqliteStore(new Database(path) as unknown as SqliteDatabase, {
    synchronous: options.sqliteSynchronous ?? 'full',
  })
  try {
    await store.migrate()
  } catch (error) {
    await store.close()
    throw error
  }
  return store
}

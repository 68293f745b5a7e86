import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { PgListener, PgPool } from './postgres/postgres-config.js'
import type { SqliteDatabase } from './sqlite/sqlite-config.js'
import type { Store } from './store.js'

export interface OpenStoreOptions {
  /** `sqlite:<path>`, `sqlite::memory:`, a bare file path, or `postgres://...`. */
  readonly url: string
  readonly sqliteSynchronous?: 'full' | 'normal'
}

async function openPostgres(url: string): Promise<Store> {
  const [{ default: pg }, { PostgresStore }] = await Promise.all([import('pg'), import('./postgres/postgres-store.js')])
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // An idle connection that the server drops (a restart, a failover) is discarded by the pool; without a
  // listener its error event would end the process. The next query reports any lasting problem.
  pool.on('error', () => {})
  const newListener = async () => {
    const client = new pg.Client({ connectionString: url })
    client.on('error', () => {})
    await client.connect()
    return client
  }
  const store = new PostgresStore(pool as unknown as PgPool, newListener as unknown as () => Promise<PgListener>)
  try {
    await store.migrate()
  } catch (error) {
    await store.close()
    throw new Error(`Cannot use PostgreSQL at ${url.replace(/\/\/[^@/]*@/, '//***@')}: ${(error as Error).message}`)
  }
  return store
}

/** Opens the store a database URL names, applying migrations. The driver is loaded only when used. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { url } = options
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url)
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

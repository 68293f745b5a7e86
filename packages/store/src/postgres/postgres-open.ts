import pg from 'pg'
import type { OpenStoreOptions } from '../open-store.js'
import type { Store } from '../store.js'
import type { PgListener, PgPool } from './postgres-config.js'
import { PostgresStore } from './postgres-store.js'

/** `postgres://…` or `postgresql://…`: a pool of 10 connections, and one more per change subscription. */
export async function openPostgres({ url }: OpenStoreOptions): Promise<Store> {
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

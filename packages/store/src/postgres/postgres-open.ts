import pg from 'pg'
import type { OpenStoreOptions } from '../open-store.js'
import type { Store } from '../store.js'
import { StoreOpenError } from '../store-open-error.js'
import type { PgListener, PgPool } from './postgres-config.js'
import { PostgresStore } from './postgres-store.js'

/** `postgres://…` or `postgresql://…`: a pool of 10 connections, and one more per change subscription. */
export async function openPostgres({ url }: OpenStoreOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // A connection that the server drops (a restart, a failover) emits an error event, which without a
  // listener would end the process. Idle, the pool discards it; checked out (a transaction), the query
  // under way fails with the error, and the pool discards the connection when it is released. The next
  // query reports any lasting problem.
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  // The change listener's connection. An attempt to reach a server that does not answer gives up after
  // 5 s, and TCP keep-alives notice a peer gone silent; the listener reconnects either way.
  const newListener = async () => {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    })
    // Errors before the listener takes the connection over would otherwise end the process.
    client.on('error', () => {})
    await client.connect()
    return client
  }
  const store = new PostgresStore(pool as unknown as PgPool, newListener as unknown as () => Promise<PgListener>)
  try {
    await store.migrate()
  } catch (error) {
    await store.close()
    throw new StoreOpenError(
      `Cannot use PostgreSQL at ${url.replace(/\/\/[^@/]*@/, '//***@')}: ${(error as Error).message}`,
      { cause: error },
    )
  }
  return store
}

import { loadConfig } from '@pindown/server'
import { openStore, type Store } from '@pindown/store'

/** Opens the store DATABASE_URL names, runs `work`, and closes it again. */
export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const store = await openStore({ url: config.databaseUrl, sqliteSynchronous: config.sqliteSynchronous })
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

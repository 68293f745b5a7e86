import { backendFor } from './backends.js'
import type { Store } from './store.js'

export interface OpenStoreOptions {
  /** `sqlite:<path>`, `sqlite::memory:`, a bare file path, or `postgres://...`: see `backends`. */
  readonly url: string
  readonly sqliteSynchronous?: 'full' | 'normal'
}

/** Opens the store a database URL names, applying migrations. The backend's driver is loaded only when used. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  return backendFor(options.url).open(options)
}

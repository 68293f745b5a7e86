import { openStore, type Store } from '@pindown/store'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import {
  announceFirstKey,
  announceSetupLink,
  bootstrapFirstKey,
  bootstrapSetupLink,
  firstKeyFile,
  setupLinkFile,
} from './bootstrap.js'
import type { Config } from './config.js'

export interface RunningServer {
  readonly app: FastifyInstance
  readonly store: Store
  /** The address actually listened on (useful with PORT=0). */
  readonly url: string
  close(): Promise<void>
}

/**
 * Opens the store (applying migrations), creates the first key on a first start, and listens.
 * `close()` stops accepting connections, lets in-flight requests finish, then closes the store.
 */
export async function startServer(
  config: Config,
  options: { print?: (text: string) => void; tty?: boolean; bootstrap?: boolean } = {},
): Promise<RunningServer> {
  const store = await openStore({ url: config.databaseUrl, sqliteSynchronous: config.sqliteSynchronous })
  try {
    const created = options.bootstrap === false ? undefined : await bootstrapFirstKey(store)
    let address = ''
    const app = await buildApp({ config, store, publicUrl: () => address })
    address = await app.listen({ port: config.port, host: config.host })
    const tty = options.tty ?? process.stdout.isTTY === true
    const print = options.print ?? console.log
    if (created) print(announceFirstKey(created, config.publicUrl || address, { tty, keyFile: firstKeyFile(config) }))
    const setup = options.bootstrap === false ? undefined : await bootstrapSetupLink(store, config.publicUrl || address)
    if (setup) print(announceSetupLink(setup, { tty, file: setupLinkFile(config) }))
    let closing: Promise<void> | undefined
    return {
      app,
      store,
      url: address,
      close: () => {
        closing ??= app.close().then(() => store.close())
        return closing
      },
    }
  } catch (error) {
    await store.close()
    throw error
  }
}

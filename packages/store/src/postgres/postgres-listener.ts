import type { ChangeFeedStatus } from '../records.js'
import { listenerBackoff, type PgListener } from './postgres-config.js'

export interface ListenOptions {
  readonly channel: string
  /** Opens a new dedicated connection. */
  readonly connect: () => Promise<PgListener>
  readonly onPayload: (payload: string) => void
  readonly onStatus?: ((status: ChangeFeedStatus) => void) | undefined
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)))

/**
 * `LISTEN` on a dedicated connection that comes back by itself: when it errors or ends (a restart, a
 * failover), a new one is opened with backoff and listens again. Each loss, each failed attempt and
 * the recovery go to `onStatus`.
 */
export class PostgresListener {
  /** The connection listening now; undefined while reconnecting. */
  #connection: PgListener | undefined
  #retry: ReturnType<typeof setTimeout> | undefined
  #reconnecting: Promise<void> | undefined
  #attempt = 0
  #lostAt = 0
  #closed = false

  private constructor(private readonly options: ListenOptions) {}

  /** Resolves once listening. A first connection that fails throws: a wrong URL is not retried. */
  static async start(options: ListenOptions): Promise<PostgresListener> {
    const listener = new PostgresListener(options)
    listener.#connection = await listener.#open()
    return listener
  }

  /** Stops listening and retrying; an attempt under way is waited for and its connection closed. */
  async close(): Promise<void> {
    this.#closed = true
    clearTimeout(this.#retry)
    await this.#reconnecting
    const connection = this.#connection
    this.#connection = undefined
    await connection?.end()
  }

  async #open(): Promise<PgListener> {
    const connection = await this.options.connect()
    // Ignored until this connection is the one listening: a failure before that fails the attempt.
    connection.on('error', (error) => this.#lost(connection, error))
    connection.on('end', () => this.#lost(connection, new Error('The connection to PostgreSQL ended')))
    connection.on('notification', ({ channel, payload }) => {
      if (channel === this.options.channel && payload) this.options.onPayload(payload)
    })
    try {
      await connection.query(`LISTEN ${this.options.channel}`)
    } catch (error) {
      connection.end().catch(() => {})
      throw error
    }
    return connection
  }

  #lost(connection: PgListener, error: Error): void {
    if (connection !== this.#connection) return
    this.#connection = undefined
    connection.end().catch(() => {})
    this.#lostAt = Date.now()
    this.#retryLater(error)
  }

  #retryLater(error: Error): void {
    if (this.#closed) return
    this.#attempt += 1
    const ceiling = Math.min(listenerBackoff.maxMs, listenerBackoff.firstMs * 2 ** (this.#attempt - 1))
    const retryInMs = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
    this.options.onStatus?.({ state: 'lost', error, attempt: this.#attempt, retryInMs })
    this.#retry = setTimeout(() => {
      this.#retry = undefined
      this.#reconnecting = this.#reconnect().finally(() => {
        this.#reconnecting = undefined
      })
    }, retryInMs)
  }

  async #reconnect(): Promise<void> {
    let connection: PgListener
    try {
      connection = await this.#open()
    } catch (error) {
      this.#retryLater(asError(error))
      return
    }
    if (this.#closed) {
      await connection.end().catch(() => {})
      return
    }
    this.#connection = connection
    const attempts = this.#attempt
    this.#attempt = 0
    this.options.onStatus?.({ state: 'restored', attempts, downMs: Date.now() - this.#lostAt })
  }
}

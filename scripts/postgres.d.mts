// Types of postgres.mjs, for the tests that start their own cluster.

/** The newest installed PostgreSQL's `bin` directory, or undefined when it is not installed. */
export function postgresBin(): string | undefined

export interface TestPostgres {
  /** The admin URL (user `postgres`, database `postgres`). */
  readonly url: string
  /** Shuts the server down as an operator restarting it would (sessions are terminated); data is kept. */
  halt(): Promise<void>
  /** Starts it again on the same port after `halt()`; resolves once it accepts connections. */
  resume(): Promise<void>
  /** Stops the server and deletes the cluster. */
  stop(): void
}

export function startPostgres(): Promise<TestPostgres>

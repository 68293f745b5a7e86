/** The subset of node-postgres (`pg`) this store uses, so the store core names no driver. */
export interface PgQueryable {
  query<Row = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: Row[]; rowCount: number | null }>
}

export interface PgClient extends PgQueryable {
  release(): void
}

export interface PgPool extends PgQueryable {
  connect(): Promise<PgClient>
  end(): Promise<void>
}

/** A dedicated connection that receives `LISTEN` notifications. */
export interface PgListener extends PgQueryable {
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  /** The connection closed, for whatever reason (after an `error`, a server restart, `end()`). */
  on(event: 'end', listener: () => void): unknown
  end(): Promise<void>
}

/**
 * Waits before reconnecting a lost `LISTEN` connection: the first, doubled at each failure up to the
 * last, each cut by up to half at random so that instances do not retry in step. The cap keeps a
 * listener at most 2 s behind a database that is back.
 */
export const listenerBackoff = { firstMs: 100, maxMs: 2_000 } as const

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
  end(): Promise<void>
}

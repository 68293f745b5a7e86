/** The subset of better-sqlite3's `Database` this store uses, so the store core names no driver. */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number }
  get(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
  /** Rows as arrays of column values instead of objects. */
  raw(toggle: boolean): SqliteStatement
}

export interface SqliteDatabase {
  /** The database file's path (as opened). */
  readonly name: string
  readonly memory: boolean
  prepare(sql: string): SqliteStatement
  exec(sql: string): unknown
  pragma(source: string, options?: { simple?: boolean }): unknown
  transaction<F extends (...args: never[]) => unknown>(fn: F): F
  close(): unknown
}

export interface SqliteOptions {
  /**
   * `full` (default): each group commit is synced to disk before its requests are answered, so a 201
   * survives power loss. `normal`: in WAL mode, survives a crash of the process but not of the machine.
   */
  readonly synchronous?: 'full' | 'normal'
}

/** The database a URL names cannot be opened (unreachable, refused, unreadable): something to fix, not a bug. */
export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StoreOpenError'
  }
}

/** A failure the user can fix: printed as one line on stderr, then the process exits with `exitCode`. */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'ExitError'
  }
}

import { ConfigError } from '@pindown/server'
import { StoreOpenError } from '@pindown/store'
import { CommanderError } from 'commander'
import { buildCli } from './cli.js'
import { ExitError } from './errors.js'

/** Runs the CLI. The one place errors become exit codes: user errors print one line, bugs a stack and a hint. */
export async function main(argv: readonly string[]): Promise<void> {
  // Databases, their WAL files, key files and backups are the owner's alone.
  process.umask(0o077)
  try {
    await buildCli()
      .exitOverride()
      .parseAsync([...argv])
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode
    } else if (error instanceof ExitError || error instanceof ConfigError || error instanceof StoreOpenError) {
      console.error(`pindown: ${error.message}`)
      process.exitCode = error instanceof ExitError ? error.exitCode : 2
    } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const { port } = error as { port?: number }
      console.error(`pindown: port ${port ?? ''} is already in use: stop what uses it, or choose another with PORT=`)
      process.exitCode = 2
    } else {
      console.error(error)
      console.error('pindown: this is a bug; please report it with the output above')
      process.exitCode = 70
    }
  }
}

import { loadConfig, startServer } from '@pindown/server'

export interface ServeOptions {
  readonly port?: string
  readonly host?: string
}

/** Serves until SIGINT or SIGTERM, then finishes in-flight requests and closes the store. */
export async function serve(options: ServeOptions): Promise<void> {
  const config = loadConfig({
    ...process.env,
    ...(options.port !== undefined && { PORT: options.port }),
    ...(options.host !== undefined && { HOST: options.host }),
  })
  const server = await startServer(config)
  const where = config.databaseUrl.startsWith('sqlite:') ? `SQLite ${config.databaseUrl.slice(7)}` : 'PostgreSQL'
  console.log(`Pindown listening on ${server.url} (${where}). Ctrl-C stops it.`)

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130)
    stopping = true
    server.app.log.info({ signal }, 'shutting down: finishing in-flight requests')
    server.close().then(
      () => process.exit(0),
      (error) => {
        server.app.log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  process.on('SIGINT', stop)
}

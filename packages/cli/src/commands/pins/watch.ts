import type { PinEvent } from '@pindownai/client-js'
import { ExitError } from '../../errors.js'
import { apiClient, type ClientOptions } from '../api-client.js'

export interface PinsWatchOptions extends ClientOptions {
  readonly since?: string
}

function line(event: PinEvent): string {
  const time = new Date().toISOString().slice(11, 19)
  if (event.type === 'pin.deleted') return `${time} pin.deleted ${event.id}`
  const { pin } = event
  const sharing = event.type === 'pin.shared' ? (pin.is_public ? ' public' : ' private') : ''
  return `${time} ${event.type} ${pin.id} v${pin.version}${sharing} "${pin.metadata.title}"`
}

/** Prints each change of a pin as it happens (one JSON line each with --json) until the pin is deleted or Ctrl-C. */
export async function pinsWatch(id: string, options: PinsWatchOptions): Promise<void> {
  const client = apiClient(options)
  let failure: ExitError | undefined
  const watcher = client.pins.watch(id, (event) => console.log(options.json ? JSON.stringify(event) : line(event)), {
    ...(options.since !== undefined && { sinceVersion: Number(options.since) }),
    onError: (error) => {
      failure = new ExitError(`${error.code}: ${error.message}`, 1)
    },
    // On stderr, so that --json output stays JSON lines alone.
    onOpen: () => console.error(`Watching ${id}; Ctrl-C stops.`),
  })
  process.once('SIGINT', () => watcher.close())
  await watcher.done
  if (failure) throw failure
}

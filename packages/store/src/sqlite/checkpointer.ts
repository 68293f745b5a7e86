import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

/** The checkpointer's worker module, `.ts` when this module runs from source (tests), `.js` when built. */
const workerUrl = new URL(`./checkpoint-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url)

/**
 * Copies the WAL back into the database file on a worker thread with a connection of its own, so the
 * event loop does not wait on a checkpoint's writes and fsyncs (SQLite's automatic checkpoint runs
 * inside a commit, on the event loop; the store turns it off). At most one checkpoint runs at a time
 * and one starts at most every `intervalMs`: the WAL grows between them and hot pages are copied once.
 *
 * Under steady writes the worker never finds the WAL fully copied (commits go on while it works), and
 * SQLite starts the WAL over only when it is. So after each checkpoint `checkpointed` is told how many
 * frames the WAL holds, and when that is many, the store copies the few committed meanwhile itself,
 * just before its next commit, which then starts the WAL over.
 */
export class Checkpointer {
  #worker: { thread: Worker; exited: Promise<void> } | undefined
  #running = false
  #wanted = false
  #last = 0
  #timer: NodeJS.Timeout | undefined

  /** `failed` is told if the worker cannot go on (then checkpoints are the caller's again). */
  constructor(
    private readonly path: string,
    private readonly events: { checkpointed: (walFrames: number) => void; failed: (error: Error) => void },
    private readonly intervalMs = 200,
  ) {}

  /** The worker, started with the first checkpoint: a process that only reads never starts one. */
  #thread(): Worker {
    if (this.#worker) return this.#worker.thread
    const thread = new Worker(workerUrl, { workerData: { path: this.path } })
    thread.unref()
    thread.on('error', this.events.failed)
    thread.on('message', (walFrames: number) => {
      this.#running = false
      this.events.checkpointed(walFrames)
      if (this.#wanted) this.request()
    })
    this.#worker = { thread, exited: new Promise((resolve) => thread.once('exit', () => resolve())) }
    return thread
  }

  /** Asks for a checkpoint: new frames were committed to the WAL. */
  request(): void {
    this.#wanted = true
    if (this.#running || this.#timer) return
    const wait = this.#last + this.intervalMs - Date.now()
    if (wait > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined
        this.request()
      }, wait)
      this.#timer.unref()
      return
    }
    this.#wanted = false
    this.#running = true
    this.#last = Date.now()
    this.#thread().postMessage('checkpoint')
  }

  /** Lets a running checkpoint finish, then closes the worker's connection. */
  async close(): Promise<void> {
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.#wanted = false
    if (!this.#worker) return
    this.#worker.thread.ref()
    this.#worker.thread.postMessage('close')
    await this.#worker.exited
  }
}

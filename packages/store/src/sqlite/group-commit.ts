import type { SqliteDatabase } from './sqlite-config.js'

type Job = { run: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

/**
 * Group commit: the writes that arrive in one event-loop turn share one transaction, and each is
 * answered only after that transaction is durable. Each write runs in its own savepoint, so one that
 * throws is rolled back alone and the others still commit.
 *
 * `sync`, when given, makes a commit durable off the event loop (an fdatasync of the WAL on libuv's
 * thread pool). While one sync is in flight the next group gathers, and commits when it ends: the
 * slower the disk, the larger the groups, and the event loop goes on serving meanwhile.
 */
export class GroupCommit {
  #queue: Job[] = []
  #scheduled = false
  #syncing: Promise<void> | undefined
  readonly #commitAll: (jobs: Job[]) => Outcome[]

  constructor(
    db: SqliteDatabase,
    private readonly options: {
      sync?: () => Promise<void>
      /** Runs on the event loop just before each group transaction. */
      beforeCommit?: () => void
      committed?: () => void
    } = {},
  ) {
    const inSavepoint = db.transaction((run: () => unknown) => run())
    this.#commitAll = db.transaction((jobs: Job[]) =>
      jobs.map((job): Outcome => {
        try {
          return { ok: true, value: inSavepoint(job.run) }
        } catch (error) {
          return { ok: false, error }
        }
      }),
    )
  }

  /** Runs `work` inside the next group transaction; resolves once the commit is durable. */
  write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ run: work, resolve: resolve as (value: unknown) => void, reject })
      this.#schedule()
    })
  }

  #schedule(): void {
    if (!this.#scheduled && !this.#syncing) {
      this.#scheduled = true
      setImmediate(() => this.#flush())
    }
  }

  /** Commits everything queued now, unless a sync is in flight (then its end schedules the next group). */
  #flush(): void {
    this.#scheduled = false
    const jobs = this.#queue
    if (jobs.length === 0 || this.#syncing) return
    this.#queue = []
    let outcomes: Outcome[]
    try {
      this.options.beforeCommit?.()
      outcomes = this.#commitAll(jobs)
    } catch (error) {
      for (const job of jobs) job.reject(error)
      return
    }
    this.options.committed?.()
    const answer = () =>
      outcomes.forEach((outcome, i) => {
        if (outcome.ok) jobs[i]!.resolve(outcome.value)
        else jobs[i]!.reject(outcome.error)
      })
    if (!this.options.sync) {
      answer()
      return
    }
    this.#syncing = this.options
      .sync()
      .then(answer, (error: unknown) => {
        for (const job of jobs) job.reject(error)
      })
      .finally(() => {
        this.#syncing = undefined
        if (this.#queue.length > 0) this.#schedule()
      })
  }

  /** Commits what is queued and waits until every commit is durable. */
  async drain(): Promise<void> {
    while (this.#syncing || this.#queue.length > 0) {
      await this.#syncing
      this.#flush()
    }
  }
}

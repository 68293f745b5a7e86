import type { SqliteDatabase } from './sqlite-config.js'

type Job = { run: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }

/**
 * Group commit: the writes that arrive in one event-loop turn share one transaction (one fsync),
 * and each is answered only after that transaction commits. Each write runs in its own savepoint,
 * so one that throws is rolled back alone and the others still commit.
 */
export class GroupCommit {
  #queue: Job[] = []
  #scheduled = false
  readonly #commitAll: (jobs: Job[]) => unknown[]

  constructor(db: SqliteDatabase) {
    const inSavepoint = db.transaction((run: () => unknown) => run())
    this.#commitAll = db.transaction((jobs: Job[]) =>
      jobs.map((job) => {
        try {
          return { ok: true, value: inSavepoint(job.run) }
        } catch (error) {
          return { ok: false, error }
        }
      }),
    )
  }

  /** Runs `work` inside the next group transaction; resolves after the commit. */
  write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ run: work, resolve: resolve as (value: unknown) => void, reject })
      if (!this.#scheduled) {
        this.#scheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  /** Commits everything queued now (also used on close). */
  flush(): void {
    this.#scheduled = false
    const jobs = this.#queue
    if (jobs.length === 0) return
    this.#queue = []
    let results: unknown[]
    try {
      results = this.#commitAll(jobs)
    } catch (error) {
      for (const job of jobs) job.reject(error)
      return
    }
    results.forEach((result, i) => {
      const job = jobs[i]!
      const r = result as { ok: boolean; value?: unknown; error?: unknown }
      if (r.ok) job.resolve(r.value)
      else job.reject(r.error)
    })
  }
}

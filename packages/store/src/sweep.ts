const noop = () => {}
const maxIntervalMs = 60_000

/**
 * Deletes rows that have expired, piggybacked on the writes that add such rows: each write reports its
 * time, and a sweep starts at most once a minute (once per `keepMs` when that is shorter). Sweeps run
 * one after another in the background, so no write waits for one; a failed sweep is left to the next.
 */
export class Sweep {
  #last = Number.NEGATIVE_INFINITY
  #queued = false
  #done: Promise<void> = Promise.resolve()

  /** `remove(before)` deletes the rows written at or before `before`. */
  constructor(private readonly remove: (before: number) => Promise<unknown>) {}

  /** A write at `now` of rows kept for `keepMs`. */
  tick(now: number, keepMs: number): void {
    // Either way: a clock set back must not stop the sweeps until it catches up.
    if (Math.abs(now - this.#last) < Math.min(keepMs, maxIntervalMs)) return
    this.#last = now
    if (this.#queued) return
    this.#queued = true
    this.#done = this.#done
      .then(() => {
        this.#queued = false
        return this.remove(this.#last - keepMs)
      })
      .then(noop, noop)
  }

  /** Resolves once the sweeps started so far have ended. */
  settled(): Promise<void> {
    return this.#done
  }
}

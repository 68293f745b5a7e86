import type { PinRecord } from '../records.js'
import type { PinRow } from '../row-mapping.js'

/**
 * Pins decoded from rows lately, by id, so that a pin read again at the same version is not decoded
 * again (its config, tags and invites are JSON text in the row). A version names one content for good,
 * since every change of a pin raises it; the store also forgets a pin it writes or deletes, so a write
 * that keeps the version cannot leave a stale entry.
 *
 * A pin is kept only when it is read a second time: a walk through every page (an export) reads each
 * pin once, and keeping those would only fill the old generation of the heap for the garbage collector
 * to sweep. The oldest tenth is dropped when the map is full, by count or by the size of the configs
 * kept, and a config too large to share the budget is never kept. A kept record is frozen, since every
 * later reader shares it (and a frozen record tells others it may be memoised: see `pinJson`).
 */
export class DecodedPins {
  readonly #pins = new Map<string, PinRecord>()
  /** The length of each kept pin's config text, and their sum. */
  readonly #sizes = new Map<string, number>()
  #size = 0
  /** Ids read once lately, cleared when it reaches the capacity. */
  readonly #seen = new Set<string>()

  constructor(
    private readonly decode: (row: PinRow) => PinRecord,
    private readonly capacity = 5_000,
    /** Characters of config text kept in all (a decoded config takes a few times that in memory). */
    private readonly budget = 32 * 1024 * 1024,
  ) {}

  fromRow(row: PinRow): PinRecord {
    const id = row[0]
    const cached = this.#pins.get(id)
    if (cached && cached.version === row[15] && cached.workspaceId === row[1]) return cached
    const pin = this.decode(row)
    const size = String(row[3]).length
    if (size > this.budget / 100) this.#drop(id)
    else if (cached || this.#seen.has(id)) this.#keep(pin, size)
    else if (this.#seen.add(id).size >= this.capacity) this.#seen.clear()
    return pin
  }

  #keep(pin: PinRecord, size: number): void {
    this.#drop(pin.id)
    if (this.#pins.size >= this.capacity || this.#size + size > this.budget) {
      let drop = Math.ceil(this.#pins.size / 10)
      for (const id of this.#pins.keys()) {
        this.#drop(id)
        if (--drop <= 0 && this.#size + size <= this.budget) break
      }
    }
    this.#pins.set(pin.id, Object.freeze(pin))
    this.#sizes.set(pin.id, size)
    this.#size += size
  }

  #drop(id: string): void {
    if (!this.#pins.delete(id)) return
    this.#size -= this.#sizes.get(id) ?? 0
    this.#sizes.delete(id)
  }

  /**
   * The pins that `[rowid, id, version]` entries name, in their order: decoded ones from here, the rest
   * from the rows `load` reads by rowid. A pin gone meanwhile (deleted by another process) is left out.
   */
  resolve(
    entries: readonly (readonly [rowid: number, id: string, version: number])[],
    load: (rowids: number[]) => PinRow[],
  ): PinRecord[] {
    const found = new Map<string, PinRecord>()
    const missing: number[] = []
    for (const [rowid, id, version] of entries) {
      const cached = this.#pins.get(id)
      if (cached?.version === version) found.set(id, cached)
      else missing.push(rowid)
    }
    if (missing.length > 0) for (const row of load(missing)) found.set(row[0], this.fromRow(row))
    return entries.flatMap(([, id]) => found.get(id) ?? [])
  }

  forget(ids: Iterable<string>): void {
    for (const id of ids) this.#drop(id)
  }
}

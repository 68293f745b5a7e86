import type { PinRecord } from '../records.js'
import type { PinRow } from '../row-mapping.js'

/**
 * The pins most recently decoded from rows, by id, so that a pin read again at the same version is
 * not decoded again (its config, tags and invites are JSON text in the row). A version names one
 * content for good, since every change of a pin raises it; the store also forgets a pin it writes
 * or deletes, so a write that keeps the version cannot leave a stale entry. Oldest entries go first.
 */
export class DecodedPins {
  readonly #pins = new Map<string, PinRecord>()

  constructor(
    private readonly decode: (row: PinRow) => PinRecord,
    private readonly capacity = 5_000,
  ) {}

  fromRow(row: PinRow): PinRecord {
    const cached = this.#pins.get(row[0])
    if (cached && cached.version === row[15] && cached.workspaceId === row[1]) return cached
    const pin = this.decode(row)
    if (cached) this.#pins.delete(pin.id)
    else if (this.#pins.size >= this.capacity) this.#pins.delete(this.#pins.keys().next().value!)
    this.#pins.set(pin.id, pin)
    return pin
  }

  /**
   * The pins that `[id, version]` entries name, in their order: decoded ones from here, the rest from
   * the rows `load` reads for their ids. A pin gone meanwhile (deleted by another process) is left out.
   */
  resolve(
    entries: readonly (readonly [id: string, version: number])[],
    load: (ids: string[]) => PinRow[],
  ): PinRecord[] {
    const found = new Map<string, PinRecord>()
    const missing: string[] = []
    for (const [id, version] of entries) {
      const cached = this.#pins.get(id)
      if (cached?.version === version) found.set(id, cached)
      else missing.push(id)
    }
    if (missing.length > 0) for (const row of load(missing)) found.set(row[0], this.fromRow(row))
    return entries.flatMap(([id]) => found.get(id) ?? [])
  }

  forget(ids: Iterable<string>): void {
    for (const id of ids) this.#pins.delete(id)
  }
}

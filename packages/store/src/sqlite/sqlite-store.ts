import { closeSync, fdatasync, openSync } from 'node:fs'
import { IdempotencyKeyTaken, recordAnswerParams, recordAnswerSql } from '../idempotency.js'
import { listColumns, listPage, listPlan } from '../list-page.js'
import { runMigrations } from '../migrations.js'
import type { Statement } from '../people/sql-people.js'
import type { ApiKeyRecord, IdempotentAnswer, ListPage, ListQuery, PinRecord, UpdateResult } from '../records.js'
import {
  type KeyRow,
  keyFromRow,
  type PinRow,
  pinColumns,
  pinFromRow,
  pinParams,
  type RowDecoding,
} from '../row-mapping.js'
import { SqlStoreBase } from '../sql-store-base.js'
import { Checkpointer } from './checkpointer.js'
import { DecodedPins } from './decoded-pins.js'
import { GroupCommit } from './group-commit.js'
import type { SqliteDatabase, SqliteOptions, SqliteStatement } from './sqlite-config.js'
import { sqliteMigrations } from './sqlite-migrations.js'

const decode: RowDecoding = { json: (value) => JSON.parse(value as string), bool: (value) => value === 1 }
const toPin = (row: PinRow) => pinFromRow(row, decode)
const toKey = (row: KeyRow) => keyFromRow(row, decode)
const sqliteParams = (pin: PinRecord) => pinParams(pin, (value) => (value ? 1 : 0))

/** fdatasync on libuv's thread pool (Linux syncs the file, whichever descriptor names it). */
const syncFile = (fd: number) =>
  new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())))

/** How long the WAL may grow (in 4 KB pages, 64 MB) before the store makes sure it starts over. */
const walRestartFrames = 16_384

// The hot statements' text, built once: `#sql` finds a prepared statement by its text.
const selectPin = `SELECT ${pinColumns} FROM pins WHERE id = ? AND workspace_id = ?`
const insertPinSql = `INSERT INTO pins (${pinColumns}) VALUES (${pinColumns.replace(/\w+/g, '?')})`
const insertTagSql = 'INSERT OR IGNORE INTO pin_tags (pin_id, workspace_id, tag, created_at) VALUES (?, ?, ?, ?)'
const updatePinSql = `UPDATE pins SET (${pinColumns}) = (${pinColumns.replace(/\w+/g, '?')}) WHERE id = ? AND workspace_id = ? AND version = ?`
// The rows of a page not yet decoded: by rowid, which the covering index gives, rows inserted together
// sit together, so this reads a few adjacent pages where a lookup by id would read one page per pin.
const selectPinsByRowids = `SELECT ${pinColumns} FROM pins WHERE rowid IN (SELECT value FROM json_each(?))`
// `+workspace_id` keeps SQLite from walking the whole workspace in `pins_page` to find a few ids.
const selectPinsByIds = `SELECT ${pinColumns} FROM pins WHERE +workspace_id = ? AND id IN (SELECT value FROM json_each(?))`

/** The store in one SQLite file, for one server process: reads answered on the spot, writes by `GroupCommit`. */
export class SqliteStore extends SqlStoreBase {
  protected readonly decode = decode
  readonly #db: SqliteDatabase
  readonly #writes: GroupCommit
  readonly #statements = new Map<string, SqliteStatement>()
  readonly #rawStatements = new Map<string, SqliteStatement>()
  readonly #decoded = new DecodedPins(toPin)
  /**
   * Keys by hash, as last read. Every request looks its key up, so the lookup is answered from here
   * while `PRAGMA data_version` says no other connection (a `pindown keys revoke` in another process,
   * say) has committed since; this connection's own key writes clear it too.
   */
  readonly #keys = new Map<string, ApiKeyRecord>()
  #keysDataVersion = -1
  #keysCheckedThisTurn = false
  /** Opened at the first sync, once a commit has made the WAL file. */
  #walFd: number | undefined
  #checkpointer: Checkpointer | undefined
  /** Set when the checkpointer has copied the WAL: see `Checkpointer`. */
  #catchUp = false

  /** Call `migrate` before anything else. */
  constructor(db: SqliteDatabase, options: SqliteOptions = {}) {
    super()
    this.#db = db
    const wal = db.pragma('journal_mode = WAL', { simple: true }) === 'wal' && !db.memory
    // In WAL mode SQLite itself never waits for the disk on commit: for `full`, the group commit syncs
    // the WAL on libuv's thread pool instead, so the event loop goes on serving while the disk works.
    db.pragma(`synchronous = ${wal || options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`)
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    if (wal) {
      db.pragma('wal_autocheckpoint = 0')
      this.#checkpointer = new Checkpointer(db.name, {
        checkpointed: (walFrames) => {
          this.#catchUp = walFrames >= walRestartFrames
        },
        failed: () => {
          this.#checkpointer = undefined
          db.pragma('wal_autocheckpoint = 1000')
        },
      })
    }
    const sync = wal && options.synchronous !== 'normal'
    this.#writes = new GroupCommit(db, {
      ...(sync && { sync: () => this.#syncWal() }),
      beforeCommit: () => {
        if (!this.#catchUp) return
        this.#catchUp = false
        db.pragma('wal_checkpoint(PASSIVE)')
      },
      committed: () => this.#checkpointer?.request(),
    })
  }

  async #syncWal(): Promise<void> {
    this.#walFd ??= openSync(`${this.#db.name}-wal`, 'r')
    await syncFile(this.#walFd)
  }

  /** `PRAGMA user_version` records how many migrations the file has had. */
  migrate(): Promise<void> {
    const db = this.#db
    return runMigrations(sqliteMigrations, {
      exec: (sql) => db.exec(sql),
      version: () => db.pragma('user_version', { simple: true }) as number,
      record: (version) => db.pragma(`user_version = ${version}`),
    })
  }

  /** A statement whose rows come back as arrays (see `PinRow`). */
  #rows(sql: string): SqliteStatement {
    return this.#prepared(this.#rawStatements, sql, true)
  }

  #sql(sql: string): SqliteStatement {
    return this.#prepared(this.#statements, sql, false)
  }

  /** Statements are prepared once and found again by their text. */
  #prepared(cache: Map<string, SqliteStatement>, sql: string, raw: boolean): SqliteStatement {
    let statement = cache.get(sql)
    if (!statement) {
      statement = this.#db.prepare(sql)
      if (raw) statement.raw(true)
      cache.set(sql, statement)
    }
    return statement
  }

  protected encodeBool(value: boolean): number {
    return value ? 1 : 0
  }

  protected async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.#sql(sql).all(...params) as Row[]
  }

  protected run(sql: string, params: readonly unknown[]): Promise<number> {
    return this.#writes.write(() => this.#sql(sql).run(...params).changes)
  }

  protected transact(statements: readonly Statement[]): Promise<number[]> {
    return this.#writes.write(() => statements.map(({ sql, params }) => this.#sql(sql).run(...params).changes))
  }

  override async createApiKey(key: ApiKeyRecord): Promise<void> {
    this.#keys.clear()
    await super.createApiKey(key)
  }

  override async findApiKeyByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    this.#checkForeignCommits()
    const cached = this.#keys.get(hash)
    if (cached) return cached
    const row = this.#sql('SELECT * FROM api_keys WHERE hash = ?').get(hash) as KeyRow | undefined
    const key = row && toKey(row)
    // Only keys that exist are kept: unknown hashes come from the network and would grow the map without end.
    if (key) this.#keys.set(hash, key)
    return key
  }

  /**
   * Forgets the cached keys when another connection has committed since the last look. Asked once per
   * event-loop turn: a commit made elsewhere while this turn runs is no different from one made just
   * after it, and the question costs a read transaction.
   */
  #checkForeignCommits(): void {
    if (this.#keysCheckedThisTurn) return
    this.#keysCheckedThisTurn = true
    setImmediate(() => {
      this.#keysCheckedThisTurn = false
    })
    const { data_version } = this.#sql('PRAGMA data_version').get() as { data_version: number }
    if (data_version !== this.#keysDataVersion) {
      this.#keys.clear()
      this.#keysDataVersion = data_version
    }
  }

  override async touchApiKey(id: string, at: number): Promise<void> {
    await super.touchApiKey(id, at)
    this.#keys.clear()
  }

  override async revokeApiKey(id: string, at: number): Promise<boolean> {
    const revoked = await super.revokeApiKey(id, at)
    this.#keys.clear()
    return revoked
  }

  async insertPins(pins: readonly PinRecord[], answer?: IdempotentAnswer): Promise<void> {
    if (pins.length === 0 && !answer) return
    if (answer) this.expiredAnswers(answer.createdAt)
    await this.#writes.write(() => {
      if (answer) this.#recordAnswer(answer)
      const insertPin = this.#sql(insertPinSql)
      const insertTag = this.#sql(insertTagSql)
      const counts = new Map<string, number>()
      for (const pin of pins) {
        insertPin.run(...sqliteParams(pin))
        for (const tag of pin.tags) insertTag.run(pin.id, pin.workspaceId, tag, pin.createdAt)
        counts.set(pin.workspaceId, (counts.get(pin.workspaceId) ?? 0) + 1)
      }
      for (const [workspaceId, n] of counts) {
        this.#sql('UPDATE workspaces SET pin_count = pin_count + ? WHERE id = ?').run(n, workspaceId)
      }
    })
  }

  override async getPin(workspaceId: string, id: string): Promise<PinRecord | undefined> {
    const row = this.#rows(selectPin).get(id, workspaceId) as PinRow | undefined
    return row && this.#decoded.fromRow(row)
  }

  async getPins(workspaceId: string, ids: readonly string[]): Promise<PinRecord[]> {
    if (ids.length === 0) return []
    const rows = this.#rows(selectPinsByIds).all(workspaceId, JSON.stringify(ids)) as PinRow[]
    return rows.map(toPin)
  }

  async findPins(ids: readonly string[]): Promise<PinRecord[]> {
    if (ids.length === 0) return []
    const rows = this.#rows(`SELECT ${pinColumns} FROM pins WHERE id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(ids),
    ) as PinRow[]
    return rows.map(toPin)
  }

  override async listPins(workspaceId: string, query: ListQuery): Promise<ListPage> {
    const { page, pageParams, total, totalParams, filtered } = listPlan(workspaceId, query, this.titleLike)
    // The plain list reads rowids, ids and versions from the covering `pins_page` index and only the
    // rows of pins not already decoded at that version; a filtered one reads its rows.
    const items = filtered
      ? (this.#rows(`SELECT ${listColumns} ${page}`).all(...pageParams) as PinRow[]).map((row) =>
          this.#decoded.fromRow(row),
        )
      : this.#decoded.resolve(
          this.#rows(`SELECT p.rowid, p.id, p.version ${page}`).all(...pageParams) as [number, string, number][],
          (rowids) => this.#rows(selectPinsByRowids).all(JSON.stringify(rowids)) as PinRow[],
        )
    const count = this.#sql(total).get(...totalParams) as { n: number } | undefined
    return listPage(items, count?.n, query.limit)
  }

  async updatePin(pin: PinRecord, expectedVersion: number, answer?: IdempotentAnswer): Promise<UpdateResult> {
    if (answer) this.expiredAnswers(answer.createdAt)
    return this.#writes.write(() => {
      this.#decoded.forget([pin.id])
      const params = sqliteParams(pin)
      const changed = this.#sql(updatePinSql).run(...params, pin.id, pin.workspaceId, expectedVersion).changes
      if (changed === 0) {
        const exists = this.#sql('SELECT 1 FROM pins WHERE id = ? AND workspace_id = ?').get(pin.id, pin.workspaceId)
        return exists ? 'version-conflict' : 'not-found'
      }
      if (answer) this.#recordAnswer(answer)
      this.#sql('DELETE FROM pin_tags WHERE pin_id = ?').run(pin.id)
      const insertTag = this.#sql(insertTagSql)
      for (const tag of pin.tags) insertTag.run(pin.id, pin.workspaceId, tag, pin.createdAt)
      return 'updated'
    })
  }

  async deletePins(workspaceId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return []
    return this.#writes.write(() => {
      this.#decoded.forget(ids)
      const rows = this.#sql(
        'DELETE FROM pins WHERE +workspace_id = ? AND id IN (SELECT value FROM json_each(?)) RETURNING id',
      ).all(workspaceId, JSON.stringify(ids)) as { id: string }[]
      if (rows.length > 0) {
        this.#sql('UPDATE workspaces SET pin_count = pin_count - ? WHERE id = ?').run(rows.length, workspaceId)
      }
      return rows.map((r) => r.id)
    })
  }

  /** Inside a write: stores the answer, or throws (rolling the write back) when the key holds one. */
  #recordAnswer(answer: IdempotentAnswer): void {
    if (this.#sql(recordAnswerSql).run(...recordAnswerParams(answer)).changes === 0) {
      throw new IdempotencyKeyTaken(answer.key)
    }
  }

  protected async closeDatabase(): Promise<void> {
    await this.#writes.drain()
    await this.#checkpointer?.close()
    this.#db.close()
    if (this.#walFd !== undefined) closeSync(this.#walFd)
  }
}

import { closeSync, fdatasync, openSync } from 'node:fs'
import type {
  ApiKeyRecord,
  IdempotencyClaim,
  ListPage,
  ListQuery,
  PinRecord,
  StoredResponse,
  UpdateResult,
  WorkspaceRecord,
} from '../records.js'
import {
  containsPattern,
  type KeyRow,
  keyFromRow,
  type PinRow,
  pinColumns,
  pinFromRow,
  pinParams,
  type RowDecoding,
} from '../row-mapping.js'
import { type IdempotencyRequest, idempotencyStaleClaimMs, idempotencyTtlMs, type Store } from '../store.js'
import { Checkpointer } from './checkpointer.js'
import { DecodedPins } from './decoded-pins.js'
import { GroupCommit } from './group-commit.js'
import type { SqliteDatabase, SqliteStatement } from './sqlite-config.js'
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
const listColumns = pinColumns.replace(/\w+/g, 'p.$&')
// The rows of a page not yet decoded: by rowid, which the covering index gives, rows inserted together
// sit together, so this reads a few adjacent pages where a lookup by id would read one page per pin.
const selectPinsByRowids = `SELECT ${pinColumns} FROM pins WHERE rowid IN (SELECT value FROM json_each(?))`
// `+workspace_id` keeps SQLite from walking the whole workspace in `pins_page` to find a few ids.
const selectPinsByIds = `SELECT ${pinColumns} FROM pins WHERE +workspace_id = ? AND id IN (SELECT value FROM json_each(?))`

export class SqliteStore implements Store {
  readonly backend = 'sqlite' as const
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
  readonly #walFd: number | undefined
  #checkpointer: Checkpointer | undefined
  /** Set when the checkpointer has copied the WAL: see `Checkpointer`. */
  #catchUp = false
  #closed = false

  constructor(db: SqliteDatabase, options: { synchronous?: 'full' | 'normal' } = {}) {
    this.#db = db
    const wal = db.pragma('journal_mode = WAL', { simple: true }) === 'wal' && !db.memory
    // In WAL mode SQLite itself never waits for the disk on commit: for `full`, the group commit syncs
    // the WAL on libuv's thread pool instead, so the event loop goes on serving while the disk works.
    db.pragma(`synchronous = ${wal || options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`)
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    this.#migrate()
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
    const fd = wal && options.synchronous !== 'normal' ? openSync(`${db.name}-wal`, 'r') : undefined
    this.#walFd = fd
    this.#writes = new GroupCommit(db, {
      ...(fd !== undefined && { sync: () => syncFile(fd) }),
      beforeCommit: () => {
        if (!this.#catchUp) return
        this.#catchUp = false
        db.pragma('wal_checkpoint(PASSIVE)')
      },
      committed: () => this.#checkpointer?.request(),
    })
  }

  #migrate(): void {
    const applied = this.#db.pragma('user_version', { simple: true }) as number
    const migrate = this.#db.transaction(() => {
      for (let version = applied; version < sqliteMigrations.length; version++) {
        this.#db.exec(sqliteMigrations[version]!)
      }
      this.#db.pragma(`user_version = ${sqliteMigrations.length}`)
    })
    if (applied < sqliteMigrations.length) migrate()
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

  async createWorkspace(workspace: WorkspaceRecord): Promise<void> {
    await this.#writes.write(() =>
      this.#sql('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)').run(
        workspace.id,
        workspace.name,
        workspace.createdAt,
      ),
    )
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    const row = this.#sql('SELECT id, name, created_at FROM workspaces WHERE id = ?').get(id) as
      | { id: string; name: string; created_at: number }
      | undefined
    return row && { id: row.id, name: row.name, createdAt: row.created_at }
  }

  async listWorkspaces(): Promise<WorkspaceRecord[]> {
    const rows = this.#sql('SELECT id, name, created_at FROM workspaces ORDER BY created_at, id').all() as {
      id: string
      name: string
      created_at: number
    }[]
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }))
  }

  async createApiKey(key: ApiKeyRecord): Promise<void> {
    this.#keys.clear()
    await this.#writes.write(() =>
      this.#sql(
        'INSERT INTO api_keys (id, workspace_id, name, hash, prefix, scopes, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        key.id,
        key.workspaceId,
        key.name,
        key.hash,
        key.prefix,
        JSON.stringify(key.scopes),
        key.createdAt,
        key.revokedAt,
      ),
    )
  }

  async findApiKeyByHash(hash: string): Promise<ApiKeyRecord | undefined> {
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

  async listApiKeys(workspaceId?: string): Promise<ApiKeyRecord[]> {
    const rows = (
      workspaceId === undefined
        ? this.#sql('SELECT * FROM api_keys ORDER BY created_at, id').all()
        : this.#sql('SELECT * FROM api_keys WHERE workspace_id = ? ORDER BY created_at, id').all(workspaceId)
    ) as KeyRow[]
    return rows.map(toKey)
  }

  async revokeApiKey(id: string, at: number): Promise<boolean> {
    const revoked = await this.#writes.write(
      () => this.#sql('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes > 0,
    )
    this.#keys.clear()
    return revoked
  }

  async insertPins(pins: readonly PinRecord[]): Promise<void> {
    if (pins.length === 0) return
    await this.#writes.write(() => {
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

  async getPin(workspaceId: string, id: string): Promise<PinRecord | undefined> {
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

  async listPins(workspaceId: string, query: ListQuery): Promise<ListPage> {
    const where = ['p.workspace_id = ?']
    const params: unknown[] = [workspaceId]
    let from = 'pins p'
    if (query.tag !== undefined) {
      // Walk the tag index in list order, so a tag filter pages as cheaply as the plain list.
      from = 'pin_tags t JOIN pins p ON p.id = t.pin_id'
      where[0] = 't.workspace_id = ? AND t.tag = ?'
      params.push(query.tag)
    }
    if (query.pinType !== undefined) {
      where.push('p.pin_type = ?')
      params.push(query.pinType)
    }
    if (query.q !== undefined) {
      where.push("p.title LIKE ? ESCAPE '\\'")
      params.push(containsPattern(query.q))
    }
    const filterSql = where.join(' AND ')
    const filterParams = [...params]
    const order = query.tag !== undefined ? 't.created_at DESC, t.pin_id DESC' : 'p.created_at DESC, p.id DESC'
    if (query.after) {
      where.push(query.tag !== undefined ? '(t.created_at, t.pin_id) < (?, ?)' : '(p.created_at, p.id) < (?, ?)')
      params.push(query.after.createdAt, query.after.id)
    }
    const filtered = query.tag !== undefined || query.pinType !== undefined || query.q !== undefined
    const page = `FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`
    const pageParams = [...params, query.limit + 1, query.offset]
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
    const hasMore = items.length > query.limit
    if (hasMore) items.pop()

    const total = filtered
      ? (this.#sql(`SELECT count(*) AS n FROM ${from} WHERE ${filterSql}`).get(...filterParams) as { n: number }).n
      : ((this.#sql('SELECT pin_count AS n FROM workspaces WHERE id = ?').get(workspaceId) as { n: number } | undefined)
          ?.n ?? 0)
    return { items, total, hasMore }
  }

  async updatePin(pin: PinRecord, expectedVersion: number): Promise<UpdateResult> {
    return this.#writes.write(() => {
      this.#decoded.forget([pin.id])
      const params = sqliteParams(pin)
      const changed = this.#sql(updatePinSql).run(...params, pin.id, pin.workspaceId, expectedVersion).changes
      if (changed === 0) {
        const exists = this.#sql('SELECT 1 FROM pins WHERE id = ? AND workspace_id = ?').get(pin.id, pin.workspaceId)
        return exists ? 'version-conflict' : 'not-found'
      }
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

  async claimIdempotency(request: IdempotencyRequest): Promise<IdempotencyClaim> {
    return this.#writes.write((): IdempotencyClaim => {
      const { apiKeyId, key, fingerprint, now } = request
      const row = this.#sql(
        'SELECT fingerprint, status, body, created_at FROM idempotency_keys WHERE api_key_id = ? AND key = ?',
      ).get(apiKeyId, key) as
        | { fingerprint: string; status: number | null; body: string | null; created_at: number }
        | undefined
      const expired =
        row !== undefined &&
        (row.created_at <= now - idempotencyTtlMs ||
          (row.status === null && row.created_at <= now - idempotencyStaleClaimMs))
      if (row && !expired) {
        if (row.fingerprint !== fingerprint) return { state: 'mismatch' }
        if (row.status === null) return { state: 'in-progress' }
        return { state: 'replay', response: { status: row.status, body: row.body ?? '' } }
      }
      this.#sql(
        'INSERT OR REPLACE INTO idempotency_keys (api_key_id, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, NULL, NULL, ?)',
      ).run(apiKeyId, key, fingerprint, now)
      this.#sql('DELETE FROM idempotency_keys WHERE created_at <= ?').run(now - idempotencyTtlMs)
      return { state: 'claimed' }
    })
  }

  async completeIdempotency(apiKeyId: string, key: string, response: StoredResponse): Promise<void> {
    await this.#writes.write(() =>
      this.#sql('UPDATE idempotency_keys SET status = ?, body = ? WHERE api_key_id = ? AND key = ?').run(
        response.status,
        response.body,
        apiKeyId,
        key,
      ),
    )
  }

  async releaseIdempotency(apiKeyId: string, key: string): Promise<void> {
    await this.#writes.write(() =>
      this.#sql('DELETE FROM idempotency_keys WHERE api_key_id = ? AND key = ? AND status IS NULL').run(apiKeyId, key),
    )
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#writes.drain()
    await this.#checkpointer?.close()
    this.#db.close()
    if (this.#walFd !== undefined) closeSync(this.#walFd)
  }
}

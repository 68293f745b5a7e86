import { IdempotencyKeyTaken, recordAnswerParams, recordAnswerSql } from '../idempotency.js'
import { runMigrations } from '../migrations.js'
import type { Statement } from '../people/sql-people.js'
import type {
  ChangeFeedStatus,
  IdempotentAnswer,
  PinChange,
  PinRecord,
  RateLimitCount,
  RateLimitHit,
  UpdateResult,
} from '../records.js'
import { pinColumns, pinParams, type RowDecoding } from '../row-mapping.js'
import { SqlStoreBase } from '../sql-store-base.js'
import { Sweep } from '../sweep.js'
import type { PgListener, PgPool, PgQueryable } from './postgres-config.js'
import { PostgresListener } from './postgres-listener.js'
import { postgresMigrations } from './postgres-migrations.js'

const pinPlaceholders = (offset = 0) => Array.from({ length: 17 }, (_, i) => `$${i + 1 + offset}`).join(', ')
const channel = 'pindown_pin_changes'
/** Any fixed number: only one server instance migrates at a time. */
const migrationLock = 74_930_001

const postgresParams = (pin: PinRecord) => pinParams(pin, (value) => value)

/** `?` → `$1`, `$2`…: the shared statements mark parameters SQLite's way. Each text is rewritten once. */
const numberedTexts = new Map<string, string>()
function numbered(sql: string): string {
  let text = numberedTexts.get(sql)
  if (text === undefined) {
    let n = 0
    text = sql.replace(/\?/g, () => `$${++n}`)
    numberedTexts.set(sql, text)
  }
  return text
}

/** Inside a transaction: stores the answer, or throws (rolling the write back) when the key holds one. */
async function recordAnswer(db: PgQueryable, answer: IdempotentAnswer): Promise<void> {
  const { rowCount } = await db.query(numbered(recordAnswerSql), recordAnswerParams(answer))
  if (!rowCount) throw new IdempotencyKeyTaken(answer.key)
}

/** The same Store on PostgreSQL: several server instances share one database. */
export class PostgresStore extends SqlStoreBase {
  // node-postgres decodes JSONB and booleans itself; BIGINT comes back as text.
  protected readonly decode: RowDecoding = { json: (value) => value, bool: (value) => value === true }
  /** Rate-limit rows of keys gone idle: `pindown_rate_hit` only deletes those of the key it counts. */
  readonly #idleRates = new Sweep((before) =>
    // SKIP LOCKED: rows a concurrent `pindown_rate_hit` holds are left to it, and neither waits on the other.
    this.pool.query(
      'WITH idle AS (SELECT ctid FROM rate_events WHERE at <= $1 FOR UPDATE SKIP LOCKED) DELETE FROM rate_events WHERE ctid IN (SELECT ctid FROM idle)',
      [before],
    ),
  )

  /** Call `migrate` before anything else. */
  constructor(
    private readonly pool: PgPool,
    private readonly newListener: () => Promise<PgListener>,
  ) {
    super()
  }

  /** Safe when several instances start at once (advisory lock); `schema_migrations` records each migration. */
  async migrate(): Promise<void> {
    const client = await this.pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1)', [migrationLock])
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
      )
      await runMigrations(postgresMigrations, {
        exec: (sql) => client.query(sql),
        version: async () =>
          (await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0,
        record: (version) => client.query('INSERT INTO schema_migrations VALUES ($1, $2)', [version, Date.now()]),
      })
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]).catch(() => {})
      client.release()
    }
  }

  protected encodeBool(value: boolean): boolean {
    return value
  }

  protected override get titleLike(): string {
    return 'ILIKE'
  }

  protected async query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    return (await this.pool.query<Row>(numbered(sql), params as unknown[])).rows
  }

  protected async run(sql: string, params: readonly unknown[]): Promise<number> {
    return (await this.pool.query(numbered(sql), params as unknown[])).rowCount ?? 0
  }

  protected transact(statements: readonly Statement[]): Promise<number[]> {
    return this.#transaction(async (db) => {
      const changed: number[] = []
      for (const { sql, params } of statements) {
        changed.push((await db.query(numbered(sql), params as unknown[])).rowCount ?? 0)
      }
      return changed
    })
  }

  async #transaction<T>(work: (db: PgQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  async insertPins(pins: readonly PinRecord[], answer?: IdempotentAnswer): Promise<void> {
    if (pins.length === 0 && !answer) return
    if (answer) this.expiredAnswers(answer.createdAt)
    await this.#transaction(async (db) => {
      if (answer) await recordAnswer(db, answer)
      if (pins.length === 0) return
      // One statement per table: JSON arrays of rows, expanded server-side.
      await db.query(
        `INSERT INTO pins (${pinColumns})
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id TEXT, workspace_id TEXT, pin_type TEXT, pin_config JSONB,
           pin_layout TEXT, data_type TEXT, title TEXT, tags JSONB, is_public BOOLEAN, allow_edit BOOLEAN,
           require_sign_in BOOLEAN, allow_comments BOOLEAN, pending_invites JSONB, created_at BIGINT, updated_at BIGINT,
           version INTEGER, updated_by JSONB)`,
        [
          JSON.stringify(
            pins.map((p) => ({
              id: p.id,
              workspace_id: p.workspaceId,
              pin_type: p.pinType,
              pin_config: p.pinConfig,
              pin_layout: p.pinLayout,
              data_type: p.dataType,
              title: p.title,
              tags: p.tags,
              is_public: p.isPublic,
              allow_edit: p.allowEdit,
              require_sign_in: p.requireSignIn,
              allow_comments: p.allowComments,
              pending_invites: p.pendingInvites,
              created_at: p.createdAt,
              updated_at: p.updatedAt,
              version: p.version,
              updated_by: p.updatedBy,
            })),
          ),
        ],
      )
      const tags = pins.flatMap((p) =>
        [...new Set(p.tags)].map((tag) => ({
          pin_id: p.id,
          workspace_id: p.workspaceId,
          tag,
          created_at: p.createdAt,
        })),
      )
      if (tags.length > 0) {
        await db.query(
          `INSERT INTO pin_tags SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(pin_id TEXT, workspace_id TEXT, tag TEXT, created_at BIGINT)`,
          [JSON.stringify(tags)],
        )
      }
      const counts = new Map<string, number>()
      for (const pin of pins) counts.set(pin.workspaceId, (counts.get(pin.workspaceId) ?? 0) + 1)
      for (const [workspaceId, n] of counts) {
        await db.query('UPDATE workspaces SET pin_count = pin_count + $1 WHERE id = $2', [n, workspaceId])
      }
    })
  }

  async getPins(workspaceId: string, ids: readonly string[]): Promise<PinRecord[]> {
    if (ids.length === 0) return []
    const { rows } = await this.pool.query(`SELECT ${pinColumns} FROM pins WHERE workspace_id = $1 AND id = ANY($2)`, [
      workspaceId,
      ids,
    ])
    return rows.map((row) => this.toPin(row))
  }

  async findPins(ids: readonly string[]): Promise<PinRecord[]> {
    if (ids.length === 0) return []
    const { rows } = await this.pool.query(`SELECT ${pinColumns} FROM pins WHERE id = ANY($1)`, [ids])
    return rows.map((row) => this.toPin(row))
  }

  async updatePin(pin: PinRecord, expectedVersion: number, answer?: IdempotentAnswer): Promise<UpdateResult> {
    if (answer) this.expiredAnswers(answer.createdAt)
    return this.#transaction(async (db) => {
      const { rowCount } = await db.query(
        `UPDATE pins SET (${pinColumns}) = (${pinPlaceholders()}) WHERE id = $18 AND workspace_id = $19 AND version = $20`,
        [...postgresParams(pin), pin.id, pin.workspaceId, expectedVersion],
      )
      if (!rowCount) {
        const { rows } = await db.query('SELECT 1 FROM pins WHERE id = $1 AND workspace_id = $2', [
          pin.id,
          pin.workspaceId,
        ])
        return rows.length > 0 ? 'version-conflict' : 'not-found'
      }
      if (answer) await recordAnswer(db, answer)
      await db.query('DELETE FROM pin_tags WHERE pin_id = $1', [pin.id])
      for (const tag of new Set(pin.tags)) {
        await db.query('INSERT INTO pin_tags VALUES ($1, $2, $3, $4)', [pin.id, pin.workspaceId, tag, pin.createdAt])
      }
      return 'updated'
    })
  }

  async deletePins(workspaceId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return []
    return this.#transaction(async (db) => {
      const { rows } = await db.query<{ id: string }>(
        'DELETE FROM pins WHERE workspace_id = $1 AND id = ANY($2) RETURNING id',
        [workspaceId, ids],
      )
      if (rows.length > 0) {
        await db.query('UPDATE workspaces SET pin_count = pin_count - $1 WHERE id = $2', [rows.length, workspaceId])
      }
      return rows.map((r) => r.id)
    })
  }

  readonly rateLimits = {
    hit: async (request: RateLimitHit): Promise<RateLimitCount> => {
      this.#idleRates.tick(request.now, request.windowMs)
      const { rows } = await this.pool.query<{ allowed: boolean; used: number; oldest: string }>(
        'SELECT * FROM pindown_rate_hit($1, $2, $3, $4, $5)',
        [request.keyId, request.bucket, request.now, request.windowMs, request.limit],
      )
      const row = rows[0]!
      return { allowed: row.allowed, used: row.used, oldest: Number(row.oldest) }
    },
  }

  readonly changes = {
    publish: async (change: PinChange): Promise<void> => {
      await this.pool.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(change)])
    },
    /** On its own connection, reconnected with backoff when lost (see `PostgresListener`). */
    subscribe: async (
      listener: (change: PinChange) => void,
      onStatus?: (status: ChangeFeedStatus) => void,
    ): Promise<() => Promise<void>> => {
      const listening = await PostgresListener.start({
        channel,
        connect: this.newListener,
        onPayload: (payload) => listener(JSON.parse(payload) as PinChange),
        onStatus,
      })
      return () => listening.close()
    },
  }

  protected async closeDatabase(): Promise<void> {
    await this.#idleRates.settled()
    await this.pool.end()
  }
}

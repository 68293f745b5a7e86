import type {
  ApiKeyRecord,
  IdempotencyClaim,
  ListPage,
  ListQuery,
  PinChange,
  PinRecord,
  RateLimitCount,
  RateLimitHit,
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
import type { PgListener, PgPool, PgQueryable } from './postgres-config.js'
import { postgresMigrations } from './postgres-migrations.js'

const pinPlaceholders = (offset = 0) => Array.from({ length: 16 }, (_, i) => `$${i + 1 + offset}`).join(', ')
const channel = 'pindown_pin_changes'
/** Any fixed number: only one server instance migrates at a time. */
const migrationLock = 74_930_001

// node-postgres decodes JSONB and booleans itself; BIGINT comes back as text.
const decode: RowDecoding = { json: (value) => value, bool: (value) => value === true }
// node-postgres builds each row object in column order, so its values are the `PinRow` tuple.
const toPin = (row: Record<string, unknown>) => pinFromRow(Object.values(row) as unknown as PinRow, decode)
const toKey = (row: KeyRow) => keyFromRow(row, decode)
const postgresParams = (pin: PinRecord) => pinParams(pin, (value) => value)

/** The same Store on PostgreSQL: several server instances share one database. */
export class PostgresStore implements Store {
  readonly backend = 'postgres' as const

  constructor(
    private readonly pool: PgPool,
    private readonly newListener: () => Promise<PgListener>,
  ) {}

  /** Applies pending migrations; safe when several instances start at once (advisory lock). */
  async migrate(): Promise<void> {
    const client = await this.pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1)', [migrationLock])
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
      )
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')
      for (let version = rows[0]?.v ?? 0; version < postgresMigrations.length; version++) {
        await client.query('BEGIN')
        try {
          await client.query(postgresMigrations[version]!)
          await client.query('INSERT INTO schema_migrations VALUES ($1, $2)', [version + 1, Date.now()])
          await client.query('COMMIT')
        } catch (error) {
          await client.query('ROLLBACK')
          throw error
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]).catch(() => {})
      client.release()
    }
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

  async createWorkspace(workspace: WorkspaceRecord): Promise<void> {
    await this.pool.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)', [
      workspace.id,
      workspace.name,
      workspace.createdAt,
    ])
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    const { rows } = await this.pool.query<{ id: string; name: string; created_at: string }>(
      'SELECT id, name, created_at FROM workspaces WHERE id = $1',
      [id],
    )
    const row = rows[0]
    return row && { id: row.id, name: row.name, createdAt: Number(row.created_at) }
  }

  async listWorkspaces(): Promise<WorkspaceRecord[]> {
    const { rows } = await this.pool.query<{ id: string; name: string; created_at: string }>(
      'SELECT id, name, created_at FROM workspaces ORDER BY created_at, id',
    )
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: Number(row.created_at) }))
  }

  async createApiKey(key: ApiKeyRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO api_keys (id, workspace_id, name, hash, prefix, scopes, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [
        key.id,
        key.workspaceId,
        key.name,
        key.hash,
        key.prefix,
        JSON.stringify(key.scopes),
        key.createdAt,
        key.revokedAt,
      ],
    )
  }

  async findApiKeyByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    const { rows } = await this.pool.query<KeyRow>('SELECT * FROM api_keys WHERE hash = $1', [hash])
    return rows[0] && toKey(rows[0])
  }

  async listApiKeys(workspaceId?: string): Promise<ApiKeyRecord[]> {
    const { rows } =
      workspaceId === undefined
        ? await this.pool.query<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')
        : await this.pool.query<KeyRow>('SELECT * FROM api_keys WHERE workspace_id = $1 ORDER BY created_at, id', [
            workspaceId,
          ])
    return rows.map(toKey)
  }

  async revokeApiKey(id: string, at: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
      [at, id],
    )
    return (rowCount ?? 0) > 0
  }

  async insertPins(pins: readonly PinRecord[]): Promise<void> {
    if (pins.length === 0) return
    await this.#transaction(async (db) => {
      // One statement per table: JSON arrays of rows, expanded server-side.
      await db.query(
        `INSERT INTO pins (${pinColumns})
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id TEXT, workspace_id TEXT, pin_type TEXT, pin_config JSONB,
           pin_layout TEXT, data_type TEXT, title TEXT, tags JSONB, is_public BOOLEAN, allow_edit BOOLEAN,
           require_sign_in BOOLEAN, allow_comments BOOLEAN, pending_invites JSONB, created_at BIGINT, updated_at BIGINT,
           version INTEGER)`,
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

  async getPin(workspaceId: string, id: string): Promise<PinRecord | undefined> {
    const { rows } = await this.pool.query(`SELECT ${pinColumns} FROM pins WHERE id = $1 AND workspace_id = $2`, [
      id,
      workspaceId,
    ])
    return rows[0] && toPin(rows[0])
  }

  async getPins(workspaceId: string, ids: readonly string[]): Promise<PinRecord[]> {
    if (ids.length === 0) return []
    const { rows } = await this.pool.query(`SELECT ${pinColumns} FROM pins WHERE workspace_id = $1 AND id = ANY($2)`, [
      workspaceId,
      ids,
    ])
    return rows.map(toPin)
  }

  async findPins(ids: readonly string[]): Promise<PinRecord[]> {
    if (ids.length === 0) return []
    const { rows } = await this.pool.query(`SELECT ${pinColumns} FROM pins WHERE id = ANY($1)`, [ids])
    return rows.map(toPin)
  }

  async listPins(workspaceId: string, query: ListQuery): Promise<ListPage> {
    const params: unknown[] = [workspaceId]
    const next = (value: unknown) => {
      params.push(value)
      return `$${params.length}`
    }
    const tagged = query.tag !== undefined
    const from = tagged ? 'pin_tags t JOIN pins p ON p.id = t.pin_id' : 'pins p'
    const where = [tagged ? `t.workspace_id = $1 AND t.tag = ${next(query.tag)}` : 'p.workspace_id = $1']
    if (query.pinType !== undefined) where.push(`p.pin_type = ${next(query.pinType)}`)
    if (query.q !== undefined) where.push(`p.title ILIKE ${next(containsPattern(query.q))} ESCAPE '\\'`)
    const filterSql = where.join(' AND ')
    const filterParams = [...params]
    if (query.after) {
      const keyset = tagged ? '(t.created_at, t.pin_id)' : '(p.created_at, p.id)'
      where.push(`${keyset} < (${next(query.after.createdAt)}, ${next(query.after.id)})`)
    }
    const order = tagged ? 't.created_at DESC, t.pin_id DESC' : 'p.created_at DESC, p.id DESC'
    const columns = pinColumns.replace(/\w+/g, 'p.$&')
    const { rows } = await this.pool.query(
      `SELECT ${columns} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${next(query.limit + 1)} OFFSET ${next(query.offset)}`,
      params,
    )
    const hasMore = rows.length > query.limit
    if (hasMore) rows.pop()
    const filtered = tagged || query.pinType !== undefined || query.q !== undefined
    const total = filtered
      ? Number(
          (await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${from} WHERE ${filterSql}`, filterParams))
            .rows[0]!.n,
        )
      : Number(
          (await this.pool.query<{ n: string }>('SELECT pin_count AS n FROM workspaces WHERE id = $1', [workspaceId]))
            .rows[0]?.n ?? 0,
        )
    return { items: rows.map(toPin), total, hasMore }
  }

  async updatePin(pin: PinRecord, expectedVersion: number): Promise<UpdateResult> {
    return this.#transaction(async (db) => {
      const { rowCount } = await db.query(
        `UPDATE pins SET (${pinColumns}) = (${pinPlaceholders()}) WHERE id = $17 AND workspace_id = $18 AND version = $19`,
        [...postgresParams(pin), pin.id, pin.workspaceId, expectedVersion],
      )
      if (!rowCount) {
        const { rows } = await db.query('SELECT 1 FROM pins WHERE id = $1 AND workspace_id = $2', [
          pin.id,
          pin.workspaceId,
        ])
        return rows.length > 0 ? 'version-conflict' : 'not-found'
      }
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

  async claimIdempotency(request: IdempotencyRequest): Promise<IdempotencyClaim> {
    const { apiKeyId, key, fingerprint, now } = request
    return this.#transaction(async (db) => {
      const inserted = await db.query(
        'INSERT INTO idempotency_keys (api_key_id, key, fingerprint, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [apiKeyId, key, fingerprint, now],
      )
      if (inserted.rowCount) return { state: 'claimed' } as const
      const { rows } = await db.query<{
        fingerprint: string
        status: number | null
        body: string | null
        created_at: string
      }>(
        'SELECT fingerprint, status, body, created_at FROM idempotency_keys WHERE api_key_id = $1 AND key = $2 FOR UPDATE',
        [apiKeyId, key],
      )
      const row = rows[0]!
      const createdAt = Number(row.created_at)
      const expired =
        createdAt <= now - idempotencyTtlMs || (row.status === null && createdAt <= now - idempotencyStaleClaimMs)
      if (expired) {
        await db.query(
          'UPDATE idempotency_keys SET fingerprint = $3, status = NULL, body = NULL, created_at = $4 WHERE api_key_id = $1 AND key = $2',
          [apiKeyId, key, fingerprint, now],
        )
        return { state: 'claimed' } as const
      }
      if (row.fingerprint !== fingerprint) return { state: 'mismatch' } as const
      if (row.status === null) return { state: 'in-progress' } as const
      return { state: 'replay', response: { status: row.status, body: row.body ?? '' } } as const
    })
  }

  async completeIdempotency(apiKeyId: string, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query('UPDATE idempotency_keys SET status = $3, body = $4 WHERE api_key_id = $1 AND key = $2', [
      apiKeyId,
      key,
      response.status,
      response.body,
    ])
  }

  async releaseIdempotency(apiKeyId: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM idempotency_keys WHERE api_key_id = $1 AND key = $2 AND status IS NULL', [
      apiKeyId,
      key,
    ])
  }

  readonly rateLimits = {
    hit: async (request: RateLimitHit): Promise<RateLimitCount> => {
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
    subscribe: async (listener: (change: PinChange) => void): Promise<() => Promise<void>> => {
      const connection = await this.newListener()
      connection.on('notification', (message) => {
        if (message.channel === channel && message.payload) listener(JSON.parse(message.payload) as PinChange)
      })
      connection.on('error', () => {})
      await connection.query(`LISTEN ${channel}`)
      return () => connection.end()
    },
  }

  #closed: Promise<void> | undefined

  close(): Promise<void> {
    this.#closed ??= this.pool.end()
    return this.#closed
  }
}

import { SqlComments } from './comments/sql-comments.js'
import {
  type IdempotencyRow,
  idempotencyTtlMs,
  liveAnswer,
  recordAnswerParams,
  recordAnswerSql,
} from './idempotency.js'
import { listColumns, listPage, listPlan } from './list-page.js'
import { type SqlAccess, SqlPeople, type Statement } from './people/sql-people.js'
import type {
  ApiKeyRecord,
  IdempotentAnswer,
  ListPage,
  ListQuery,
  PinRecord,
  UpdateResult,
  WorkspaceRecord,
} from './records.js'
import {
  type KeyRow,
  keyFromRow,
  type PinRow,
  pinColumns,
  pinFromRow,
  type RowDecoding,
  type WorkspaceRow,
  workspaceFromRow,
} from './row-mapping.js'
import type { Store } from './store.js'
import { Sweep } from './sweep.js'

const selectPin = `SELECT ${pinColumns} FROM pins WHERE id = ? AND workspace_id = ?`

/**
 * What both SQL backends do alike, written once in `?`-parameter SQL. A backend provides the hooks
 * below and the writes that take a transaction of several statements; it overrides a shared method only
 * to answer it faster (SQLite's caches).
 */
export abstract class SqlStoreBase implements Store {
  /** Rows as objects, their values in column order; `?` marks each parameter. */
  protected abstract query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>
  /** Runs one write statement as a transaction of its own; answers how many rows it changed. */
  protected abstract run(sql: string, params: readonly unknown[]): Promise<number>
  /** Runs the statements in one transaction; answers the rows each changed. */
  protected abstract transact(statements: readonly Statement[]): Promise<number[]>
  /** How the driver hands back JSON and booleans. */
  protected abstract readonly decode: RowDecoding
  protected abstract closeDatabase(): Promise<void>

  /** The operator that matches a title case-insensitively: SQLite's `LIKE` already ignores (ASCII) case. */
  protected get titleLike(): string {
    return 'LIKE'
  }

  abstract insertPins(pins: readonly PinRecord[], answer?: IdempotentAnswer): Promise<void>
  abstract getPins(workspaceId: string, ids: readonly string[]): Promise<PinRecord[]>
  abstract findPins(ids: readonly string[]): Promise<PinRecord[]>
  abstract updatePin(pin: PinRecord, expectedVersion: number, answer?: IdempotentAnswer): Promise<UpdateResult>
  abstract deletePins(workspaceId: string, ids: readonly string[]): Promise<string[]>

  readonly #expiredKeys = new Sweep((before) =>
    this.run('DELETE FROM idempotency_keys WHERE created_at <= ?', [before]),
  )
  #closed: Promise<void> | undefined

  /** What the people and comment stores run their SQL through. */
  readonly #access: SqlAccess = {
    query: (sql, params) => this.query(sql, params),
    run: (sql, params) => this.run(sql, params),
    transact: (statements) => this.transact(statements),
    like: this.titleLike,
    toPin: (row) => this.toPin(row),
  }
  readonly people = new SqlPeople(this.#access)
  readonly comments = new SqlComments(this.#access, (value) => this.encodeBool(value))

  /** How the driver takes a boolean. */
  protected abstract encodeBool(value: boolean): unknown

  async createWorkspace(workspace: WorkspaceRecord): Promise<void> {
    await this.run('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)', [
      workspace.id,
      workspace.name,
      workspace.createdAt,
    ])
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    const [row] = await this.query<WorkspaceRow>('SELECT id, name, created_at FROM workspaces WHERE id = ?', [id])
    return row && workspaceFromRow(row)
  }

  async listWorkspaces(): Promise<WorkspaceRecord[]> {
    const rows = await this.query<WorkspaceRow>('SELECT id, name, created_at FROM workspaces ORDER BY created_at, id')
    return rows.map(workspaceFromRow)
  }

  async createApiKey(key: ApiKeyRecord): Promise<void> {
    await this.run(
      'INSERT INTO api_keys (id, workspace_id, name, hash, prefix, scopes, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
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
    const [row] = await this.query<KeyRow>('SELECT * FROM api_keys WHERE hash = ?', [hash])
    return row && keyFromRow(row, this.decode)
  }

  async listApiKeys(workspaceId?: string): Promise<ApiKeyRecord[]> {
    const rows =
      workspaceId === undefined
        ? await this.query<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')
        : await this.query<KeyRow>('SELECT * FROM api_keys WHERE workspace_id = ? ORDER BY created_at, id', [
            workspaceId,
          ])
    return rows.map((row) => keyFromRow(row, this.decode))
  }

  async revokeApiKey(id: string, at: number): Promise<boolean> {
    return (await this.run('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id])) > 0
  }

  async touchApiKey(id: string, at: number): Promise<void> {
    await this.run('UPDATE api_keys SET last_used_at = ? WHERE id = ?', [at, id])
  }

  async getPin(workspaceId: string, id: string): Promise<PinRecord | undefined> {
    const [row] = await this.query<object>(selectPin, [id, workspaceId])
    return row && this.toPin(row)
  }

  async listPins(workspaceId: string, query: ListQuery): Promise<ListPage> {
    const plan = listPlan(workspaceId, query, this.titleLike)
    const [rows, [count]] = await Promise.all([
      this.query<object>(`SELECT ${listColumns} ${plan.page}`, plan.pageParams),
      this.query<{ n: unknown }>(plan.total, plan.totalParams),
    ])
    return listPage(
      rows.map((row) => this.toPin(row)),
      count?.n,
      query.limit,
    )
  }

  /** A pin from a row object of `pinColumns`, whose values are the `PinRow` tuple. */
  protected toPin(row: object): PinRecord {
    return pinFromRow(Object.values(row) as unknown as PinRow, this.decode)
  }

  async findIdempotentAnswer(apiKeyId: string, key: string, now: number): Promise<IdempotentAnswer | undefined> {
    const [row] = await this.query<IdempotencyRow>(
      'SELECT fingerprint, status, body, created_at FROM idempotency_keys WHERE api_key_id = ? AND key = ?',
      [apiKeyId, key],
    )
    return liveAnswer(apiKeyId, key, row, now)
  }

  async recordIdempotentAnswer(answer: IdempotentAnswer): Promise<boolean> {
    this.expiredAnswers(answer.createdAt)
    return (await this.run(recordAnswerSql, recordAnswerParams(answer))) > 0
  }

  /** Expired answers are deleted in the background, now and then as answers are stored. */
  protected expiredAnswers(now: number): void {
    this.#expiredKeys.tick(now, idempotencyTtlMs)
  }

  /** Waits for the sweeps under way, then closes the database; once. */
  close(): Promise<void> {
    this.#closed ??= Promise.all([this.#expiredKeys.settled(), this.people.settled()]).then(() => this.closeDatabase())
    return this.#closed
  }
}

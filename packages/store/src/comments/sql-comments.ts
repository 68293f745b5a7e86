import type { SqlAccess } from '../people/sql-people.js'
import type { ChangeAuthor } from '../records.js'
import type { AddCommentResult, CommentPage, CommentQuery, CommentRecord } from './comment-records.js'
import type { CommentStore } from './comment-store.js'

type Row = Record<string, unknown>

const columns =
  'id, pin_id, parent_id, body, author_kind, author_id, author_name, resolved, edited, created_at, updated_at'
const truthy = (value: unknown) => value === true || value === 1

const fromRow = (row: Row): CommentRecord => ({
  id: row.id as string,
  pinId: row.pin_id as string,
  parentId: (row.parent_id as string | null) ?? null,
  body: row.body as string,
  author: {
    kind: row.author_kind as ChangeAuthor['kind'],
    id: row.author_id as string,
    name: row.author_name as string,
  },
  resolved: truthy(row.resolved),
  edited: truthy(row.edited),
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
})

/** The comment store in `?`-parameter SQL that SQLite and PostgreSQL both run. */
export class SqlComments implements CommentStore {
  constructor(
    private readonly db: SqlAccess,
    /** How the driver takes a boolean. */
    private readonly bool: (value: boolean) => unknown,
  ) {}

  async addComment(c: CommentRecord): Promise<AddCommentResult> {
    const values = [
      c.id,
      c.pinId,
      c.parentId,
      c.body,
      c.author.kind,
      c.author.id,
      c.author.name,
      this.bool(c.resolved),
      this.bool(c.edited),
      c.createdAt,
      c.updatedAt,
    ]
    // The parent is checked in the insert itself, so a parent deleted meanwhile cannot get a reply.
    const sql =
      c.parentId === null
        ? `INSERT INTO comments (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        : `INSERT INTO comments (${columns}) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS
             (SELECT 1 FROM comments WHERE id = ? AND pin_id = ? AND parent_id IS NULL)`
    try {
      const added = await this.db.run(sql, c.parentId === null ? values : [...values, c.parentId, c.pinId])
      return added > 0 ? 'added' : 'parent-not-found'
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return 'pin-gone'
      throw error
    }
  }

  async getComment(pinId: string, id: string): Promise<CommentRecord | undefined> {
    const [row] = await this.db.query<Row>(`SELECT ${columns} FROM comments WHERE id = ? AND pin_id = ?`, [id, pinId])
    return row && fromRow(row)
  }

  async listComments(pinId: string, query: CommentQuery): Promise<CommentPage> {
    const where = ['pin_id = ?']
    const params: unknown[] = [pinId]
    if (query.after) {
      where.push('(created_at > ? OR (created_at = ? AND id > ?))')
      params.push(query.after.createdAt, query.after.createdAt, query.after.id)
    }
    if (query.since !== undefined) {
      where.push('updated_at > ?')
      params.push(query.since)
    }
    const rows = await this.db.query<Row>(
      `SELECT ${columns} FROM comments WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT ?`,
      [...params, query.limit + 1],
    )
    return { items: rows.slice(0, query.limit).map(fromRow), hasMore: rows.length > query.limit }
  }

  async countComments(pinId: string): Promise<number> {
    const [row] = await this.db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM comments WHERE pin_id = ?', [pinId])
    return Number(row?.n ?? 0)
  }

  async updateComment(
    pinId: string,
    id: string,
    changes: { readonly body?: string; readonly resolved?: boolean; readonly updatedAt: number },
  ): Promise<CommentRecord | undefined> {
    const set = ['updated_at = ?']
    const params: unknown[] = [changes.updatedAt]
    if (changes.body !== undefined) {
      // Edited only when the text changes: re-saving the same words is not an edit.
      set.push(`edited = CASE WHEN body = ? THEN edited ELSE ? END`, 'body = ?')
      params.push(changes.body, this.bool(true), changes.body)
    }
    if (changes.resolved !== undefined) {
      set.push('resolved = ?')
      params.push(this.bool(changes.resolved))
    }
    const changed = await this.db.run(`UPDATE comments SET ${set.join(', ')} WHERE id = ? AND pin_id = ?`, [
      ...params,
      id,
      pinId,
    ])
    return changed > 0 ? this.getComment(pinId, id) : undefined
  }

  async deleteComment(pinId: string, id: string): Promise<boolean> {
    // Replies go by the foreign key's cascade.
    return (await this.db.run('DELETE FROM comments WHERE id = ? AND pin_id = ?', [id, pinId])) > 0
  }
}

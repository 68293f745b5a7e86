import type { ListPage, ListQuery, PinRecord } from './records.js'
import { pinColumns } from './row-mapping.js'

/** `pinColumns` of the `p` that `ListPlan.page` reads from. */
export const listColumns = pinColumns.replace(/\w+/g, 'p.$&')

/** The SQL of one list page, `?` for each parameter. Both backends read pages with it. */
export interface ListPlan {
  /** `FROM … LIMIT ? OFFSET ?`, the caller choosing the columns; one pin more than the page, to tell `hasMore`. */
  readonly page: string
  readonly pageParams: unknown[]
  /** Counts the pins the filters match; without filters, reads the workspace's counter. Answers `n`. */
  readonly total: string
  readonly totalParams: unknown[]
  readonly filtered: boolean
}

/**
 * Newest first by `(created_at, id)`, from `after` when given. A tag filter walks `pin_tags`, whose
 * index is in list order, so it pages as cheaply as the plain list. `like` is the dialect's
 * case-insensitive `LIKE`.
 */
export function listPlan(workspaceId: string, query: ListQuery, like: string): ListPlan {
  const tagged = query.tag !== undefined
  const from = tagged ? 'pin_tags t JOIN pins p ON p.id = t.pin_id' : 'pins p'
  const where = [tagged ? 't.workspace_id = ? AND t.tag = ?' : 'p.workspace_id = ?']
  const params: unknown[] = tagged ? [workspaceId, query.tag] : [workspaceId]
  if (query.pinType !== undefined) {
    where.push('p.pin_type = ?')
    params.push(query.pinType)
  }
  if (query.q !== undefined) {
    where.push(`p.title ${like} ? ESCAPE '\\'`)
    params.push(containsPattern(query.q))
  }
  const filtered = tagged || query.pinType !== undefined || query.q !== undefined
  const total = filtered
    ? `SELECT count(*) AS n FROM ${from} WHERE ${where.join(' AND ')}`
    : 'SELECT pin_count AS n FROM workspaces WHERE id = ?'
  const totalParams = filtered ? [...params] : params.slice(0, 1)
  if (query.after) {
    where.push(tagged ? '(t.created_at, t.pin_id) < (?, ?)' : '(p.created_at, p.id) < (?, ?)')
    params.push(query.after.createdAt, query.after.id)
  }
  params.push(query.limit + 1, query.offset)
  const order = tagged ? 't.created_at DESC, t.pin_id DESC' : 'p.created_at DESC, p.id DESC'
  return {
    page: `FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`,
    pageParams: params,
    total,
    totalParams,
    filtered,
  }
}

/** The page from the rows of `ListPlan.page` (one more than `limit` when more follow) and the total. */
export function listPage(items: PinRecord[], total: unknown, limit: number): ListPage {
  const hasMore = items.length > limit
  if (hasMore) items.pop()
  return { items, total: Number(total ?? 0), hasMore }
}

/** A `LIKE` pattern for "contains": `%`, `_` and `\\` in the search term match themselves. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

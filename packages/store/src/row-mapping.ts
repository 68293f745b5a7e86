import type { ApiKeyRecord, DataType, InviteRole, PinLayout, PinRecord, Scope } from './records.js'

/** What both SQL backends store and read back: the column lists and the record ↔ row mapping. */

export const pinColumns =
  'id, workspace_id, pin_type, pin_config, pin_layout, data_type, title, tags, is_public, allow_edit, ' +
  'require_sign_in, allow_comments, pending_invites, created_at, updated_at, version'

/** A pin row as a driver returns it: SQLite gives JSON as text and booleans as 0/1, PostgreSQL decodes them. */
export interface PinRow {
  id: string
  workspace_id: string
  pin_type: string
  pin_config: unknown
  pin_layout: string
  data_type: string
  title: string
  tags: unknown
  is_public: unknown
  allow_edit: unknown
  require_sign_in: unknown
  allow_comments: unknown
  pending_invites: unknown
  created_at: number | string
  updated_at: number | string
  version: number
}

export interface KeyRow {
  id: string
  workspace_id: string
  name: string
  hash: string
  prefix: string
  scopes: unknown
  created_at: number | string
  revoked_at: number | string | null
}

/** How a backend's driver hands back JSON and booleans. */
export interface RowDecoding {
  json(value: unknown): unknown
  bool(value: unknown): boolean
}

export function pinFromRow(row: PinRow, decode: RowDecoding): PinRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    pinType: row.pin_type,
    pinConfig: decode.json(row.pin_config) as Record<string, unknown>,
    pinLayout: row.pin_layout as PinLayout,
    dataType: row.data_type as DataType,
    title: row.title,
    tags: decode.json(row.tags) as string[],
    isPublic: decode.bool(row.is_public),
    allowEdit: decode.bool(row.allow_edit),
    requireSignIn: decode.bool(row.require_sign_in),
    allowComments: decode.bool(row.allow_comments),
    pendingInvites: decode.json(row.pending_invites) as Record<string, InviteRole>,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    version: row.version,
  }
}

/** The values of `pinColumns`, in order; `bool` encodes booleans for the driver. */
export function pinParams(pin: PinRecord, bool: (value: boolean) => unknown): unknown[] {
  return [
    pin.id,
    pin.workspaceId,
    pin.pinType,
    JSON.stringify(pin.pinConfig),
    pin.pinLayout,
    pin.dataType,
    pin.title,
    JSON.stringify(pin.tags),
    bool(pin.isPublic),
    bool(pin.allowEdit),
    bool(pin.requireSignIn),
    bool(pin.allowComments),
    JSON.stringify(pin.pendingInvites),
    pin.createdAt,
    pin.updatedAt,
    pin.version,
  ]
}

export function keyFromRow(row: KeyRow, decode: RowDecoding): ApiKeyRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    hash: row.hash,
    prefix: row.prefix,
    scopes: decode.json(row.scopes) as Scope[],
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  }
}

/** A `LIKE` pattern for "contains": `%`, `_` and `\\` in the search term match themselves. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

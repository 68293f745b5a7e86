import type { DataType, InviteRole, PinLayout } from '@pindown/pin-types'
import type { ApiKeyRecord, ChangeAuthor, PinRecord, Scope, WorkspaceRecord } from './records.js'

/** What both SQL backends store and read back: the column lists and the record ↔ row mapping. */

export const pinColumns =
  'id, workspace_id, pin_type, pin_config, pin_layout, data_type, title, tags, is_public, allow_edit, ' +
  'require_sign_in, allow_comments, pending_invites, created_at, updated_at, version, updated_by'

/**
 * A pin row as a driver returns it, the values of `pinColumns` in order (SQLite's raw mode, a tuple,
 * builds no object per row). SQLite gives JSON as text and booleans as 0/1; PostgreSQL decodes them.
 */
export type PinRow = readonly [
  id: string,
  workspaceId: string,
  pinType: string,
  pinConfig: unknown,
  pinLayout: string,
  dataType: string,
  title: string,
  tags: unknown,
  isPublic: unknown,
  allowEdit: unknown,
  requireSignIn: unknown,
  allowComments: unknown,
  pendingInvites: unknown,
  createdAt: number | string,
  updatedAt: number | string,
  version: number,
  updatedBy: unknown,
]

export interface KeyRow {
  id: string
  workspace_id: string
  name: string
  hash: string
  prefix: string
  scopes: unknown
  created_at: number | string
  revoked_at: number | string | null
  last_used_at: number | string | null
}

/** How a backend's driver hands back JSON and booleans. */
export interface RowDecoding {
  json(value: unknown): unknown
  bool(value: unknown): boolean
}

export function pinFromRow(row: PinRow, decode: RowDecoding): PinRecord {
  return {
    id: row[0],
    workspaceId: row[1],
    pinType: row[2],
    pinConfig: decode.json(row[3]) as Record<string, unknown>,
    pinLayout: row[4] as PinLayout,
    dataType: row[5] as DataType,
    title: row[6],
    tags: decode.json(row[7]) as string[],
    isPublic: decode.bool(row[8]),
    allowEdit: decode.bool(row[9]),
    requireSignIn: decode.bool(row[10]),
    allowComments: decode.bool(row[11]),
    pendingInvites: decode.json(row[12]) as Record<string, InviteRole>,
    createdAt: Number(row[13]),
    updatedAt: Number(row[14]),
    version: row[15],
    updatedBy: (decode.json(row[16]) as ChangeAuthor | null) ?? null,
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
    pin.updatedBy === null ? null : JSON.stringify(pin.updatedBy),
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
    lastUsedAt: row.last_used_at === null || row.last_used_at === undefined ? null : Number(row.last_used_at),
  }
}

export interface WorkspaceRow {
  id: string
  name: string
  created_at: number | string
}

export function workspaceFromRow(row: WorkspaceRow): WorkspaceRecord {
  return { id: row.id, name: row.name, createdAt: Number(row.created_at) }
}

import type {
  DataType,
  InviteRole,
  PinConfigByType,
  PinLayout,
  PinTypeId,
  TypedPinConfig,
} from './generated/pin-configs.js'

export type { DataType, InviteRole, PinLayout }
export type PinConfig = PinConfigByType[PinTypeId]

export interface SharingFlags {
  is_public?: boolean
  allow_edit?: boolean
  require_sign_in?: boolean
  allow_comments?: boolean
}

export interface PinMetadataInput {
  title: string
  tags?: string[]
  /** `pin_type`, `pin_config` and `pin_layout` may be given here instead of at the root. */
  pin_type?: PinTypeId
  pin_config?: PinConfig
  pin_layout?: PinLayout
}

interface CreateFields extends SharingFlags {
  pin_layout?: PinLayout
  data_type?: DataType
  metadata: PinMetadataInput
  pending_invites?: Record<string, InviteRole>
}

/** What `pins.create` takes: `pin_type` decides the shape of `pin_config` (markdown when left out). */
export type CreatePinInput = CreateFields &
  (TypedPinConfig | { pin_type?: undefined; pin_config?: PinConfigByType['markdown'] })

/** What `pins.update` takes: every field optional; a new `pin_config` must suit the pin's type. */
export interface UpdatePinInput extends SharingFlags {
  pin_type?: PinTypeId
  pin_config?: PinConfig
  pin_layout?: PinLayout
  data_type?: DataType
  metadata?: Partial<PinMetadataInput>
  pending_invites?: Record<string, InviteRole>
}

export interface CreatedPin {
  id: string
  data_type: DataType
  created_at: number
  is_public: boolean
  allow_edit: boolean
  require_sign_in: boolean
  allow_comments: boolean
}

export interface Pin {
  id: string
  pin_type: string
  pin_config: Record<string, unknown>
  pin_layout: PinLayout
  data_type: DataType
  metadata: {
    title: string
    tags: readonly string[]
    pin_type: string
    pin_config: Record<string, unknown>
    pin_layout: PinLayout
  }
  is_public: boolean
  allow_edit: boolean
  require_sign_in: boolean
  allow_comments: boolean
  pending_invites: Readonly<Record<string, InviteRole>>
  created_at: number
  updated_at: number
  version: number
  /** Who made the last change (or created the pin): a person, or a program through its key (`app`). */
  updated_by: Author | null
  shareable_url: string | null
}

/** A person (`user`), or a program through an API key (`app`, named after the key). */
export interface Author {
  kind: 'user' | 'app'
  id: string
  name: string
}

/** A comment on a pin (`client.pins.comments`). */
export interface Comment {
  id: string
  pin_id: string
  /** The top-level comment this one replies to; replies go one level deep. */
  parent_id: string | null
  /** Markdown. */
  body: string
  author: Author
  resolved: boolean
  /** The body changed after it was posted. */
  edited: boolean
  created_at: number
  updated_at: number
}

export interface CommentPage {
  items: Comment[]
  /** Comments on the pin, replies included. */
  total: number
  next_cursor: string | null
}

export interface ListCommentsParams {
  limit?: number
  cursor?: string
  /** Only comments created or changed after this time (epoch ms). */
  since?: number
}

export interface CommentInput {
  /** Markdown, at most 10,000 characters. */
  body: string
  /** Reply to this top-level comment. */
  parent_id?: string
}

export interface ListPinsParams {
  limit?: number
  offset?: number
  cursor?: string
  pin_type?: PinTypeId
  tag?: string
  /** Title contains this text (case-insensitive). */
  q?: string
}

export interface PinPage {
  items: Pin[]
  total: number
  limit: number
  offset: number
  next_cursor: string | null
}

export interface ShareResult extends Required<SharingFlags> {
  id: string
  shareable_url: string | null
}

export interface BatchError {
  code: string
  message: string
  details?: { path: string; message: string }[]
}

export interface BatchCreateResult {
  created: { id: string; index: number; created_at: number }[]
  failed: { index: number; error: BatchError }[]
}

export interface BatchGetResult {
  found: Pin[]
  not_found: string[]
  permission_denied: string[]
}

export interface BatchUpdateResult {
  updated: { id: string; index: number; updated_at: number }[]
  failed: { index: number; id: string | null; error: BatchError }[]
}

export interface BatchDeleteResult {
  deleted: string[]
  failed: { id: string; error: BatchError }[]
}

/** A person invited to a pin who has not accepted yet. */
export interface PendingCollaborator {
  email: string
  role: InviteRole
  invited_at: number
  expires_at: number
}

/** A person who accepted an invite to a pin. */
export interface Collaborator {
  user_id: string
  email: string
  name: string
  role: InviteRole
  added_at: number
}

export interface Collaborators {
  pending: PendingCollaborator[]
  active: Collaborator[]
}

export interface InviteInput {
  email: string
  role: InviteRole
  /** A note for the invite email. */
  message?: string
}

/** An invite just made; `invite_url` is shown only here (the server keeps a hash of its token). */
export interface SentInvite extends PendingCollaborator {
  invite_url: string
  /** Whether the server emailed it (it has SMTP set up); else share the link yourself. */
  emailed: boolean
}

export interface RoleRights {
  view: boolean
  edit: boolean
  comment: boolean
  invite: boolean
  delete: boolean
}

export interface PinPermissions {
  pin_id: string
  key: { scopes: string[]; read: boolean; write: boolean; share: boolean }
  roles: { owner: RoleRights; editor: RoleRights; viewer: RoleRights }
  visibility: {
    is_public: boolean
    require_sign_in: boolean
    allow_edit: boolean
    allow_comments: boolean
    /** What someone who is not signed in gets: the pin, a sign-in page, or nothing. */
    anonymous: 'view' | 'sign-in' | 'none'
  }
}

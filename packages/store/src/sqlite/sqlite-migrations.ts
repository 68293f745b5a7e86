/** Versioned schema changes, applied in order on open; `PRAGMA user_version` records the last applied. */
export const sqliteMigrations: readonly string[] = [
  `
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    pin_count INTEGER NOT NULL DEFAULT 0
  ) STRICT;

  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  ) STRICT;

  CREATE TABLE pins (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    pin_type TEXT NOT NULL,
    pin_config TEXT NOT NULL,
    pin_layout TEXT NOT NULL,
    data_type TEXT NOT NULL,
    title TEXT NOT NULL,
    tags TEXT NOT NULL,
    is_public INTEGER NOT NULL,
    allow_edit INTEGER NOT NULL,
    require_sign_in INTEGER NOT NULL,
    allow_comments INTEGER NOT NULL,
    pending_invites TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX pins_by_workspace ON pins (workspace_id, created_at DESC, id DESC);
  CREATE INDEX pins_by_type ON pins (workspace_id, pin_type, created_at DESC, id DESC);

  CREATE TABLE pin_tags (
    pin_id TEXT NOT NULL REFERENCES pins(id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (pin_id, tag)
  ) STRICT;
  CREATE INDEX pin_tags_by_tag ON pin_tags (workspace_id, tag, created_at DESC, pin_id DESC);

  CREATE TABLE idempotency_keys (
    api_key_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER,
    body TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (api_key_id, key)
  ) STRICT;
  CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
  `,
  // The list page reads ids and versions from this index alone (see `DecodedPins`).
  `
  CREATE INDEX pins_page ON pins (workspace_id, created_at DESC, id DESC, version);
  DROP INDEX pins_by_workspace;
  `,
]

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

  // People: accounts, sign-in identities, sessions, members, pin collaborators and invites.
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT,
    email_verified INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE identities (
    provider TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (provider, subject)
  ) STRICT;

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    user_agent TEXT NOT NULL
  ) STRICT;
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);

  CREATE TABLE members (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
  ) STRICT;
  CREATE INDEX members_by_user ON members (user_id);

  CREATE TABLE collaborators (
    pin_id TEXT NOT NULL REFERENCES pins(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (pin_id, user_id)
  ) STRICT;
  CREATE INDEX collaborators_by_user ON collaborators (user_id);

  CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    pin_id TEXT REFERENCES pins(id) ON DELETE CASCADE,
    email TEXT,
    role TEXT NOT NULL,
    invited_by TEXT NOT NULL,
    message TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_at INTEGER,
    accepted_by TEXT
  ) STRICT;
  CREATE INDEX invites_by_place ON invites (workspace_id, pin_id, email);

  ALTER TABLE api_keys ADD COLUMN last_used_at INTEGER;
  `,
  `
  ALTER TABLE pins ADD COLUMN updated_by TEXT;

  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    pin_id TEXT NOT NULL REFERENCES pins(id) ON DELETE CASCADE,
    parent_id TEXT REFERENCES comments(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    author_kind TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    resolved INTEGER NOT NULL,
    edited INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX comments_by_pin ON comments (pin_id, created_at, id);
  CREATE INDEX comments_by_parent ON comments (parent_id);
  `,
]

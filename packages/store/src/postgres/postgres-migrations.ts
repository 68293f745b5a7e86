/** Versioned schema changes, applied in order under an advisory lock; `schema_migrations` records them. */
export const postgresMigrations: readonly string[] = [
  `
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    pin_count BIGINT NOT NULL DEFAULT 0
  );

  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    scopes JSONB NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
  );

  CREATE TABLE pins (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    pin_type TEXT NOT NULL,
    pin_config JSONB NOT NULL,
    pin_layout TEXT NOT NULL,
    data_type TEXT NOT NULL,
    title TEXT NOT NULL,
    tags JSONB NOT NULL,
    is_public BOOLEAN NOT NULL,
    allow_edit BOOLEAN NOT NULL,
    require_sign_in BOOLEAN NOT NULL,
    allow_comments BOOLEAN NOT NULL,
    pending_invites JSONB NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version INTEGER NOT NULL
  );
  CREATE INDEX pins_by_workspace ON pins (workspace_id, created_at DESC, id DESC);
  CREATE INDEX pins_by_type ON pins (workspace_id, pin_type, created_at DESC, id DESC);

  CREATE TABLE pin_tags (
    pin_id TEXT NOT NULL REFERENCES pins(id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (pin_id, tag)
  );
  CREATE INDEX pin_tags_by_tag ON pin_tags (workspace_id, tag, created_at DESC, pin_id DESC);

  CREATE TABLE idempotency_keys (
    api_key_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER,
    body TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (api_key_id, key)
  );
  CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

  -- Rolling rate-limit windows shared by every server instance: one row per counted request.
  CREATE TABLE rate_events (
    key_id TEXT NOT NULL,
    bucket TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX rate_events_by_key ON rate_events (key_id, bucket, at);

  -- Counts one request if the window has room; one round trip, serialised per key and bucket.
  CREATE FUNCTION pindown_rate_hit(p_key TEXT, p_bucket TEXT, p_now BIGINT, p_window BIGINT, p_limit INTEGER)
  RETURNS TABLE (allowed BOOLEAN, used INTEGER, oldest BIGINT) LANGUAGE plpgsql AS $$
  DECLARE n INTEGER; first BIGINT;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtext(p_key || '/' || p_bucket));
    DELETE FROM rate_events WHERE key_id = p_key AND bucket = p_bucket AND at <= p_now - p_window;
    SELECT count(*), min(at) INTO n, first FROM rate_events WHERE key_id = p_key AND bucket = p_bucket;
    IF n < p_limit THEN
      INSERT INTO rate_events VALUES (p_key, p_bucket, p_now);
      RETURN QUERY SELECT true, n + 1, COALESCE(first, p_now);
    ELSE
      RETURN QUERY SELECT false, n, first;
    END IF;
  END $$;
  `,

  // People: accounts, sign-in identities, sessions, members, pin collaborators and invites.
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT,
    email_verified INTEGER NOT NULL,
    created_at BIGINT NOT NULL
  );

  CREATE TABLE identities (
    provider TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (provider, subject)
  );

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    user_agent TEXT NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);

  CREATE TABLE members (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
  );
  CREATE INDEX members_by_user ON members (user_id);

  CREATE TABLE collaborators (
    pin_id TEXT NOT NULL REFERENCES pins(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (pin_id, user_id)
  );
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
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT,
    accepted_by TEXT
  );
  CREATE INDEX invites_by_place ON invites (workspace_id, pin_id, email);

  ALTER TABLE api_keys ADD COLUMN last_used_at BIGINT;
  `,
  `
  ALTER TABLE pins ADD COLUMN updated_by JSONB;

  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    pin_id TEXT NOT NULL REFERENCES pins(id) ON DELETE CASCADE,
    parent_id TEXT REFERENCES comments(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    author_kind TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    resolved BOOLEAN NOT NULL,
    edited BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX comments_by_pin ON comments (pin_id, created_at, id);
  CREATE INDEX comments_by_parent ON comments (parent_id);
  `,
]

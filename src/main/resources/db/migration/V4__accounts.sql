-- Accounts, shared by SQLite and PostgreSQL like V1. Times are epoch milliseconds (UTC).
-- No secret is stored as itself: passwords as Argon2id PHC strings, API tokens and session ids as
-- SHA-256 hashes (hex).

-- People who log in to the dashboard. role: admin (may do everything) or viewer (may only read).
CREATE TABLE users (
  name                TEXT PRIMARY KEY,
  password_hash       TEXT NOT NULL,
  role                TEXT NOT NULL,
  created_at          BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL
);

-- API tokens (Authorization: Bearer tkr_...). A name is unique among live tokens; a revoked one
-- stays listed, and its name may be used again. last_used_at moves at most once a minute.
CREATE TABLE api_tokens (
  id           BIGINT PRIMARY KEY,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   BIGINT NOT NULL,
  created_by   TEXT NOT NULL,
  last_used_at BIGINT,
  revoked_at   BIGINT
);
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (name) WHERE revoked_at IS NULL;
INSERT INTO counters (name, value) VALUES ('api_token', 0);

-- Dashboard sessions, kept here so a restart logs nobody out. last_seen_at moves at most once a
-- minute; a session ends after its idle or absolute limit, at logout, or when its user's password
-- changes.
CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_name    TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
  created_at   BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_name);

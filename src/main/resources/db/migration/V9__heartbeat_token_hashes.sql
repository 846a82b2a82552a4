-- Heartbeat tokens at rest: no longer in plain text. Shared by SQLite and PostgreSQL like V3.
--
-- token_hash is the lowercase hex SHA-256 of the token: how a ping finds its monitor. sealed is
-- the token encrypted with the secret key (TICKR_SECRET_KEY or secret.key) for this monitor, so an
-- admin can be shown the ping URL again. carried holds a token from before this migration, in
-- plain text, only until the daemon's next start hashes and seals it and empties it (SQL has no
-- SHA-256 that both dialects share, and a migration has no key).
-- The old table and its index held the tokens: their freed pages are overwritten with zeros.
PRAGMA secure_delete = ON;

CREATE TABLE heartbeat_tokens_v9 (
  monitor    TEXT PRIMARY KEY,
  token_hash TEXT UNIQUE,
  sealed     TEXT,
  carried    TEXT,
  configured INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);

INSERT INTO heartbeat_tokens_v9 (monitor, token_hash, sealed, carried, configured, created_at)
SELECT monitor, NULL, NULL, token, configured, created_at FROM heartbeat_tokens;

DROP TABLE heartbeat_tokens;

ALTER TABLE heartbeat_tokens_v9 RENAME TO heartbeat_tokens;

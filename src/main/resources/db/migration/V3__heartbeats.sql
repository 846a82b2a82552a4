-- Heartbeats, shared by SQLite and PostgreSQL like V1. Times are epoch milliseconds (UTC).

-- The secret of each heartbeat monitor's ping URL (/ping/<token>), kept per monitor name so the
-- URL survives restarts. configured = 1 when it comes from the config's `token`, 0 when Tickr
-- generated it (128 random bits); a generated one is kept until the monitor gets a configured one.
CREATE TABLE heartbeat_tokens (
  monitor    TEXT PRIMARY KEY,
  token      TEXT NOT NULL UNIQUE,
  configured INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);

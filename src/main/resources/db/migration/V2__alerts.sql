-- Alerting, shared by SQLite and PostgreSQL like V1. Times are epoch milliseconds (UTC).

-- Who acknowledged an incident (renotify and escalation stop), and whether it opened while its
-- monitor was in a maintenance window (nobody is alerted about it).
ALTER TABLE incidents ADD COLUMN acknowledged_at BIGINT;
ALTER TABLE incidents ADD COLUMN acknowledged_by TEXT;
ALTER TABLE incidents ADD COLUMN maintenance INTEGER NOT NULL DEFAULT 0;

-- Every alert the engine decided to send to a channel, once: the id says what it is about
-- (an incident's down, its third reminder, a certificate), so deciding again finds it here.
-- An alert is held (outbox_id NULL) until its channel's group window closes, then it goes out in
-- one notification, possibly with others. seq keeps the order alerts were decided in.
CREATE TABLE alerts (
  id          TEXT PRIMARY KEY,
  seq         BIGINT NOT NULL,
  channel     TEXT NOT NULL,
  event       TEXT NOT NULL,
  monitor     TEXT NOT NULL,
  incident_id BIGINT NOT NULL,
  body        TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  due_at      BIGINT NOT NULL,
  outbox_id   TEXT
);
CREATE INDEX alerts_held ON alerts (channel, due_at) WHERE outbox_id IS NULL;
CREATE INDEX alerts_incident ON alerts (incident_id);
CREATE INDEX alerts_created ON alerts (created_at);
INSERT INTO counters (name, value) VALUES ('alert', 0);

-- Notifications to deliver, written before the first attempt. id is the notification's
-- idempotency key, the same on every attempt; seq orders each channel's notifications.
-- state: pending, sent, failed (the provider refused it), given-up (retry-for ran out).
CREATE TABLE outbox (
  id            TEXT PRIMARY KEY,
  seq           BIGINT NOT NULL UNIQUE,
  channel       TEXT NOT NULL,
  notification  TEXT NOT NULL,
  created_at    BIGINT NOT NULL,
  next_attempt  BIGINT NOT NULL,
  claimed_until BIGINT,
  attempts      INTEGER NOT NULL,
  state         TEXT NOT NULL,
  last_answer   TEXT,
  updated_at    BIGINT NOT NULL
);
CREATE INDEX outbox_pending ON outbox (channel, seq) WHERE state = 'pending';
CREATE INDEX outbox_updated ON outbox (updated_at);
INSERT INTO counters (name, value) VALUES ('outbox', 0);

-- Monitors inside a maintenance window now, so tickr status can show MAINTENANCE.
CREATE TABLE maintenance (
  monitor    TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  ends_at    BIGINT NOT NULL
);

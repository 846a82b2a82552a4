-- Tickr's store, shared by SQLite and PostgreSQL: portable SQL; the dialect fills in ${blob}
-- (BLOB / BYTEA) and ${without_rowid} (SQLite's WITHOUT ROWID / nothing).
-- Times are epoch milliseconds (UTC), durations microseconds.

CREATE TABLE monitors (
  name        TEXT PRIMARY KEY,
  type        TEXT NOT NULL,
  source      TEXT NOT NULL,
  target      TEXT NOT NULL,
  interval_us BIGINT NOT NULL,
  tags        TEXT NOT NULL,
  updated_at  BIGINT NOT NULL,
  retired_at  BIGINT
);

CREATE TABLE results (
  monitor    TEXT NOT NULL,
  planned_at BIGINT NOT NULL,
  started_at BIGINT NOT NULL,
  total_us   BIGINT NOT NULL,
  dns_us     BIGINT,
  connect_us BIGINT,
  tls_us     BIGINT,
  ttfb_us    BIGINT,
  status     INTEGER,
  verdict    TEXT NOT NULL,
  reason     TEXT,
  error      TEXT
);
CREATE INDEX results_monitor_started ON results (monitor, started_at);

-- Rollups: one row per (monitor, minute) and per (monitor, UTC day), keyed by the bucket's start.
-- min_us/max_us/sum_us/histogram cover the checks that did not fail (NULL min/max: none did).
CREATE TABLE rollup_minute (
  monitor      TEXT NOT NULL,
  bucket_start BIGINT NOT NULL,
  checks       BIGINT NOT NULL,
  failed       BIGINT NOT NULL,
  degraded     BIGINT NOT NULL,
  sum_us       BIGINT NOT NULL,
  min_us       BIGINT,
  max_us       BIGINT,
  histogram    ${blob} NOT NULL,
  PRIMARY KEY (monitor, bucket_start)
) ${without_rowid};

CREATE TABLE rollup_day (
  monitor      TEXT NOT NULL,
  bucket_start BIGINT NOT NULL,
  checks       BIGINT NOT NULL,
  failed       BIGINT NOT NULL,
  degraded     BIGINT NOT NULL,
  sum_us       BIGINT NOT NULL,
  min_us       BIGINT,
  max_us       BIGINT,
  histogram    ${blob} NOT NULL,
  PRIMARY KEY (monitor, bucket_start)
) ${without_rowid};

-- What prune() has deleted: data of each kind is complete from its horizon on.
CREATE TABLE prune_horizons (
  kind    TEXT PRIMARY KEY,
  horizon BIGINT NOT NULL
);

CREATE TABLE monitor_status (
  monitor       TEXT PRIMARY KEY,
  state         TEXT NOT NULL,
  since         BIGINT NOT NULL,
  failures      INTEGER NOT NULL,
  successes     INTEGER NOT NULL,
  streak_start  TEXT,
  first_failure TEXT,
  incident      TEXT,
  last_check    BIGINT
);

CREATE TABLE incidents (
  id         BIGINT PRIMARY KEY,
  monitor    TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  ended_at   BIGINT,
  reason     TEXT NOT NULL,
  detail     TEXT NOT NULL,
  evidence   TEXT NOT NULL
);
CREATE INDEX incidents_monitor_started ON incidents (monitor, started_at);
CREATE INDEX incidents_open ON incidents (monitor) WHERE ended_at IS NULL;

CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('incident', 0);

-- Extracted metrics (a monitor's metrics: {NAME: EXPR}), shared by SQLite and PostgreSQL like V1.
-- One series per (monitor, metric), kept like results: raw values, then per-minute and per-UTC-day
-- rollups, each pruned with the retention of its kind. Times are epoch milliseconds (UTC); values
-- are doubles (a timestamp metric holds epoch seconds). A rollup keeps how many values fell in the
-- bucket, their sum, smallest and largest, so any window's mean is total / n.

CREATE TABLE metric_values (
  monitor TEXT NOT NULL,
  metric  TEXT NOT NULL,
  at      BIGINT NOT NULL,
  value   DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (monitor, metric, at)
) ${without_rowid};

CREATE TABLE metric_minute (
  monitor      TEXT NOT NULL,
  metric       TEXT NOT NULL,
  bucket_start BIGINT NOT NULL,
  n            BIGINT NOT NULL,
  total        DOUBLE PRECISION NOT NULL,
  low          DOUBLE PRECISION NOT NULL,
  high         DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (monitor, metric, bucket_start)
) ${without_rowid};

CREATE TABLE metric_day (
  monitor      TEXT NOT NULL,
  metric       TEXT NOT NULL,
  bucket_start BIGINT NOT NULL,
  n            BIGINT NOT NULL,
  total        DOUBLE PRECISION NOT NULL,
  low          DOUBLE PRECISION NOT NULL,
  high         DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (monitor, metric, bucket_start)
) ${without_rowid};

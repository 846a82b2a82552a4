-- What the REST API creates, shared by SQLite and PostgreSQL like V1. Times are epoch milliseconds.

-- Monitors created through the API: the monitor object as JSON, with its secret values sealed
-- (AES-GCM with the data directory's key or TICKR_SECRET_KEY), never in plain text.
CREATE TABLE api_monitors (
  name       TEXT PRIMARY KEY,
  document   TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);

-- Maintenance windows created through the API, as JSON in the config's shape.
CREATE TABLE api_maintenance (
  name       TEXT PRIMARY KEY,
  document   TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL
);

-- Monitors paused through the API (from YAML or the API) until resumed.
CREATE TABLE monitor_pauses (
  monitor   TEXT PRIMARY KEY,
  paused_at BIGINT NOT NULL,
  paused_by TEXT NOT NULL
);

-- Notes on incidents; is_public ones are shown on status pages.
CREATE TABLE incident_notes (
  id          TEXT PRIMARY KEY,
  incident_id BIGINT NOT NULL,
  at          BIGINT NOT NULL,
  author      TEXT NOT NULL,
  body        TEXT NOT NULL,
  is_public   INTEGER NOT NULL
);
CREATE INDEX incident_notes_incident ON incident_notes (incident_id, at);

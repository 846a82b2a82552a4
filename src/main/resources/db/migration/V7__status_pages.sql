-- Status pages created through the REST API, shared by SQLite and PostgreSQL like V5. Times are
-- epoch milliseconds.

-- The page object as JSON in the config's shape (slug, title, monitors, groups); nothing secret.
CREATE TABLE api_status_pages (
  slug       TEXT PRIMARY KEY,
  document   TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);

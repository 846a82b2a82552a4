-- Email subscriptions to public status pages, shared by SQLite and PostgreSQL like V7. Times are
-- epoch milliseconds. No address is kept in plain text.

-- The key of the keyed hash (HMAC-SHA256) that finds an address without storing it: 32 random
-- bytes, sealed with the secret key (TICKR_SECRET_KEY or secret.key). One row, name 'address'.
CREATE TABLE subscription_keys (
  name   TEXT PRIMARY KEY,
  sealed TEXT NOT NULL
);

-- A visitor of a page: address_hash is the keyed hash of the lower-cased address (one subscriber
-- per page and address), sealed the address encrypted for this page. state is 'pending' until
-- the confirmation link is used ('confirmed'); token_hash is the SHA-256 of that link's
-- single-use token, valid until token_expires.
CREATE TABLE subscribers (
  id            BIGINT PRIMARY KEY,
  page          TEXT NOT NULL,
  address_hash  TEXT NOT NULL,
  sealed        TEXT NOT NULL,
  state         TEXT NOT NULL,
  token_hash    TEXT UNIQUE,
  token_expires BIGINT,
  created_at    BIGINT NOT NULL,
  confirmed_at  BIGINT,
  UNIQUE (page, address_hash)
);

-- The incidents a page's subscribers were told had started: only those get updates and the end.
CREATE TABLE subscription_incidents (
  page        TEXT NOT NULL,
  incident_id BIGINT NOT NULL,
  at          BIGINT NOT NULL,
  PRIMARY KEY (page, incident_id)
) ${without_rowid};

-- Mails waiting to go to confirmed subscribers (public text only; the address is read from
-- subscribers when the mail goes, so an unsubscribed visitor gets nothing more).
CREATE TABLE subscriber_mails (
  id            BIGINT PRIMARY KEY,
  subscriber_id BIGINT NOT NULL,
  page          TEXT NOT NULL,
  subject       TEXT NOT NULL,
  body          TEXT NOT NULL,
  attempts      INTEGER NOT NULL,
  next_at       BIGINT NOT NULL,
  created_at    BIGINT NOT NULL
);

CREATE INDEX subscriber_mails_due ON subscriber_mails (next_at);

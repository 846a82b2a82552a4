-- Response time by phase in the rollups, shared by SQLite and PostgreSQL like V1: for each phase,
-- the sum of its durations (microseconds) and how many checks had it, over the checks that did
-- not fail (like sum_us). A check without a phase (no TLS on http://, a reused connection) adds
-- to neither, so an average is <phase>_sum_us / <phase>_checks. Rows written before this
-- migration have zeros: no phase figures for that time.

ALTER TABLE rollup_minute ADD COLUMN dns_sum_us BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_minute ADD COLUMN dns_checks BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_minute ADD COLUMN connect_sum_us BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_minute ADD COLUMN connect_checks BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_minute ADD COLUMN tls_sum_us BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_minute ADD COLUMN tls_checks BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_minute ADD COLUMN ttfb_sum_us BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_minute ADD COLUMN ttfb_checks BIGINT NOT NULL DEFAULT 0;

ALTER TABLE rollup_day ADD COLUMN dns_sum_us BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_day ADD COLUMN dns_checks BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_day ADD COLUMN connect_sum_us BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_day ADD COLUMN connect_checks BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_day ADD COLUMN tls_sum_us BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_day ADD COLUMN tls_checks BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_day ADD COLUMN ttfb_sum_us BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rollup_day ADD COLUMN ttfb_checks BIGINT NOT NULL DEFAULT 0;

-- A flow's per-step results and named durations, kept with its check result. Shared by SQLite and
-- PostgreSQL like V3.
--
-- flow is JSON {"steps": [{name, status, attempts, took_us, reason, message, conditions:
-- [{condition, success, actual}]}], "measures": {NAME: seconds}}, with secrets masked before it is
-- written; NULL for every result that is not a flow's, so other monitors write nothing more.
ALTER TABLE results ADD COLUMN flow TEXT;

-- Concurrency caps and rate-limit counters (contract: shared/spec/export-api.md, section 6).

-- Exports in progress (being read or being sent), one row per export, shared by every instance of the service
-- (JdbcExportSlots). A slot is taken under a transaction-level advisory lock per team, so that the caps per key and
-- per team are exact across instances. expires_at is the database's clock plus the lease's time to live; the
-- instance that holds a lease renews it while its export runs and deletes it when the export ends, so the slot of
-- an instance that died frees itself when its lease expires. Rows of expired leases count for nothing and are
-- deleted by JdbcExportSlots.removeExpired(). No foreign keys: taking a slot locks no key, member or team row.
CREATE TABLE export_leases (
    id          uuid        PRIMARY KEY,
    team_id     uuid        NOT NULL,
    key_id      uuid        NOT NULL,
    instance_id uuid        NOT NULL,
    acquired_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at  timestamptz NOT NULL,
    CONSTRAINT export_leases_expires_at_check CHECK (expires_at > acquired_at)
);

CREATE INDEX export_leases_team_idx ON export_leases (team_id, expires_at);
CREATE INDEX export_leases_expires_at_idx ON export_leases (expires_at);

-- Calls per API key and fixed window (JdbcRateLimiter): one row per key and window, counted by one upsert that adds
-- a call only while the count is below the key's limit. Replaces Bucket4j's rate_limit_buckets (V2): budgets start
-- whole once, at the deployment of this migration.
CREATE TABLE rate_limit_windows (
    key_id       uuid        NOT NULL,
    window_start timestamptz NOT NULL,
    calls        integer     NOT NULL CONSTRAINT rate_limit_windows_calls_check CHECK (calls > 0),
    CONSTRAINT rate_limit_windows_pkey PRIMARY KEY (key_id, window_start)
);

CREATE INDEX rate_limit_windows_window_start_idx ON rate_limit_windows (window_start);

DROP TABLE rate_limit_buckets;

-- Rate limits (contract: shared/spec/export-api.md, section 6) and the throttle on failed authentications.
--
-- Both tables hold counters only, shared by every instance of the service; neither references api_keys, so
-- that counting never takes a lock on a key row and a deleted key leaves nothing that blocks its deletion.

-- One Bucket4j bucket per API key (JdbcRateLimiter), in the layout that Bucket4j's PostgreSQL
-- select-for-update proxy manager reads and writes:
--   INSERT INTO rate_limit_buckets(id, state) VALUES(?, null) ON CONFLICT(id) DO NOTHING
--   SELECT state FROM rate_limit_buckets WHERE id = ? FOR UPDATE
--   UPDATE rate_limit_buckets SET state = ?, expires_at = ? WHERE id = ?
--  * id: the API key's id (api_keys.id), deliberately without a foreign key;
--  * state: Bucket4j's serialized bucket (configuration, version, tokens, last refill); null for the moment
--    between Bucket4j's insert of an empty row and its first write;
--  * expires_at: epoch milliseconds at which the bucket holds nothing a new bucket would not (the end of the
--    fixed window of its last use); rows at or past it are deleted by JdbcRateLimiter.removeExpired().
--    A row inserted empty is expired until written.
CREATE TABLE rate_limit_buckets (
    id         uuid   PRIMARY KEY,
    state      bytea,
    expires_at bigint NOT NULL DEFAULT 0
);

CREATE INDEX rate_limit_buckets_expires_at_idx ON rate_limit_buckets (expires_at);

-- Failed authentications per client address in fixed windows aligned to the Unix epoch
-- (JdbcAuthenticationThrottle): one row per address and window, counted by one atomic upsert.
CREATE TABLE auth_failures (
    address      text        NOT NULL CONSTRAINT auth_failures_address_check CHECK (char_length(address) <= 64),
    window_start timestamptz NOT NULL,
    failures     integer     NOT NULL CONSTRAINT auth_failures_failures_check CHECK (failures > 0),
    CONSTRAINT auth_failures_pkey PRIMARY KEY (address, window_start)
);

-- cleanup deletes whole past windows: WHERE window_start < <start of the current window>
CREATE INDEX auth_failures_window_start_idx ON auth_failures (window_start);

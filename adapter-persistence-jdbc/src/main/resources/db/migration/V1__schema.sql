-- Schema of the helpdesk export service (contract: shared/spec/export-api.md, sections 4 and 5).
--
-- Plain PostgreSQL SQL, no extension and no Flyway placeholder, so that the same scripts run under
-- SchemaMigrations (plain Flyway) and quarkus-flyway alike.
--
-- Conventions:
--  * ids are uuid; timestamps are timestamptz (microseconds, the cursor's precision);
--  * every exported row carries team_id and mode ('live' | 'test'): a key only ever sees rows of its own
--    team and mode, and every query filters on both;
--  * tags are a text[] that is never null, holds no null, no empty tag and no white space (contract section 2:
--    "a tag never contains white space");
--  * each resource table is indexed on (team_id, mode, created_at, id), the export order, plus what the
--    filters of contract section 3 need.

CREATE TABLE teams (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
    id         uuid        PRIMARY KEY,
    team_id    uuid        NOT NULL REFERENCES teams (id),
    name       text        NOT NULL,
    email      text,
    role       text        NOT NULL
        CONSTRAINT members_role_check CHECK (role IN ('owner', 'admin', 'manager', 'librarian', 'agent', 'spectator')),
    created_at timestamptz NOT NULL DEFAULT now(),
    -- lets api_keys and tickets reference a member *of the same team*
    CONSTRAINT members_team_member_key UNIQUE (team_id, id)
);

CREATE TABLE api_keys (
    id             uuid        PRIMARY KEY,
    team_id        uuid        NOT NULL REFERENCES teams (id),
    member_id      uuid        NOT NULL,
    -- SHA-256 of the whole key (prefix included); the plain key is never stored
    key_hash       bytea       NOT NULL
        CONSTRAINT api_keys_key_hash_key UNIQUE
        CONSTRAINT api_keys_key_hash_check CHECK (octet_length(key_hash) = 32),
    -- the first 12 characters of the key, e.g. sk_live_AbCd: enough to recognise it, useless to use it
    display_prefix text        NOT NULL,
    kind           text        NOT NULL CONSTRAINT api_keys_kind_check CHECK (kind IN ('secret', 'publishable')),
    mode           text        NOT NULL CONSTRAINT api_keys_mode_check CHECK (mode IN ('live', 'test')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz,
    revoked_at     timestamptz,
    CONSTRAINT api_keys_member_fkey FOREIGN KEY (team_id, member_id) REFERENCES members (team_id, id),
    CONSTRAINT api_keys_display_prefix_check CHECK (
        char_length(display_prefix) = 12
        AND left(display_prefix, 8) = (CASE kind WHEN 'secret' THEN 'sk_' ELSE 'pk_' END) || mode || '_')
);

CREATE INDEX api_keys_member_idx ON api_keys (team_id, member_id);

CREATE TABLE customers (
    id           uuid        PRIMARY KEY,
    team_id      uuid        NOT NULL REFERENCES teams (id),
    mode         text        NOT NULL CONSTRAINT customers_mode_check CHECK (mode IN ('live', 'test')),
    name         text        NOT NULL,
    email        text,
    status       text        NOT NULL CONSTRAINT customers_status_check CHECK (status IN ('active', 'inactive')),
    sentiment    text        NOT NULL
        CONSTRAINT customers_sentiment_check CHECK (sentiment IN ('positive', 'neutral', 'negative')),
    tags         text[]      NOT NULL DEFAULT '{}'
        CONSTRAINT customers_tags_check CHECK (array_position(tags, NULL) IS NULL
            AND NOT ('' = ANY (tags)) AND array_to_string(tags, '') !~ '\s'),
    notes        text,
    ticket_count integer     NOT NULL DEFAULT 0 CONSTRAINT customers_ticket_count_check CHECK (ticket_count >= 0),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT customers_updated_at_check CHECK (updated_at >= created_at),
    -- lets tickets reference a customer of the same team and mode
    CONSTRAINT customers_scope_id_key UNIQUE (team_id, mode, id)
);

CREATE INDEX customers_order_idx ON customers (team_id, mode, created_at, id);
CREATE INDEX customers_status_idx ON customers (team_id, mode, status, created_at, id);
CREATE INDEX customers_sentiment_idx ON customers (team_id, mode, sentiment, created_at, id);
CREATE INDEX customers_updated_at_idx ON customers (team_id, mode, updated_at);
CREATE INDEX customers_tags_idx ON customers USING gin (tags);

CREATE TABLE tickets (
    id            uuid        PRIMARY KEY,
    team_id       uuid        NOT NULL REFERENCES teams (id),
    mode          text        NOT NULL CONSTRAINT tickets_mode_check CHECK (mode IN ('live', 'test')),
    title         text        NOT NULL,
    status        text        NOT NULL
        CONSTRAINT tickets_status_check CHECK (status IN ('new', 'open', 'pending', 'resolved', 'closed')),
    priority      text        NOT NULL
        CONSTRAINT tickets_priority_check CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    customer_id   uuid,
    assigned_to   uuid,
    tags          text[]      NOT NULL DEFAULT '{}'
        CONSTRAINT tickets_tags_check CHECK (array_position(tags, NULL) IS NULL
            AND NOT ('' = ANY (tags)) AND array_to_string(tags, '') !~ '\s'),
    notes         text,
    message_count integer     NOT NULL DEFAULT 0 CONSTRAINT tickets_message_count_check CHECK (message_count >= 0),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    resolved_at   timestamptz,
    CONSTRAINT tickets_updated_at_check CHECK (updated_at >= created_at),
    CONSTRAINT tickets_customer_fkey FOREIGN KEY (team_id, mode, customer_id)
        REFERENCES customers (team_id, mode, id),
    CONSTRAINT tickets_assigned_to_fkey FOREIGN KEY (team_id, assigned_to) REFERENCES members (team_id, id)
);

CREATE INDEX tickets_order_idx ON tickets (team_id, mode, created_at, id);
CREATE INDEX tickets_status_idx ON tickets (team_id, mode, status, created_at, id);
CREATE INDEX tickets_priority_idx ON tickets (team_id, mode, priority, created_at, id);
CREATE INDEX tickets_customer_idx ON tickets (team_id, mode, customer_id, created_at, id);
CREATE INDEX tickets_assigned_to_idx ON tickets (team_id, mode, assigned_to, created_at, id);
CREATE INDEX tickets_updated_at_idx ON tickets (team_id, mode, updated_at);
CREATE INDEX tickets_tags_idx ON tickets USING gin (tags);

CREATE TABLE articles (
    id           uuid        PRIMARY KEY,
    team_id      uuid        NOT NULL REFERENCES teams (id),
    mode         text        NOT NULL CONSTRAINT articles_mode_check CHECK (mode IN ('live', 'test')),
    title        text        NOT NULL,
    content      text        NOT NULL DEFAULT '',
    category     text,
    status       text        NOT NULL
        CONSTRAINT articles_status_check CHECK (status IN ('draft', 'published', 'archived')),
    is_public    boolean     NOT NULL DEFAULT false,
    tags         text[]      NOT NULL DEFAULT '{}'
        CONSTRAINT articles_tags_check CHECK (array_position(tags, NULL) IS NULL
            AND NOT ('' = ANY (tags)) AND array_to_string(tags, '') !~ '\s'),
    view_count   integer     NOT NULL DEFAULT 0 CONSTRAINT articles_view_count_check CHECK (view_count >= 0),
    use_count    integer     NOT NULL DEFAULT 0 CONSTRAINT articles_use_count_check CHECK (use_count >= 0),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    published_at timestamptz,
    CONSTRAINT articles_updated_at_check CHECK (updated_at >= created_at)
);

CREATE INDEX articles_order_idx ON articles (team_id, mode, created_at, id);
CREATE INDEX articles_status_idx ON articles (team_id, mode, status, created_at, id);
CREATE INDEX articles_category_idx ON articles (team_id, mode, category, created_at, id);
CREATE INDEX articles_updated_at_idx ON articles (team_id, mode, updated_at);
CREATE INDEX articles_tags_idx ON articles USING gin (tags);

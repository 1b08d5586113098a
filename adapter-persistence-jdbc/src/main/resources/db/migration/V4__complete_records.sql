-- Records complete enough to move a helpdesk (contract: shared/spec/export-api.md, sections 1, 3 and 4):
-- SLA deadlines, phone, slug and SEO texts, metadata, custom fields (definitions per team and type, values with
-- the record), messages (the conversation of every ticket) and members as exported resources.
--
-- Rules live here wherever the database can hold them: kinds and the key pattern of custom fields, values that
-- match their definition, metadata that is an object of at most 16 KiB, a message's author that matches its
-- sender and belongs to the ticket's team (and, for a customer, its mode), a message in the team and mode of its
-- ticket, and tickets.message_count equal to the ticket's messages in every snapshot (kept by statement triggers in
-- the same transaction as the change of messages, and refused to anyone else).

-- ---------------------------------------------------------------------------------------------------------------
-- New fields of existing types. Old rows get null deadlines, phone, slug and SEO texts, '{}' as metadata and no
-- custom field values: they export as before, with the new fields empty.

ALTER TABLE tickets
    ADD COLUMN response_deadline   timestamptz,
    ADD COLUMN resolution_deadline timestamptz,
    ADD COLUMN metadata            jsonb NOT NULL DEFAULT '{}'
        CONSTRAINT tickets_metadata_check CHECK (jsonb_typeof(metadata) = 'object'
            AND octet_length(metadata::text) <= 16384),
    ADD COLUMN custom_fields       jsonb NOT NULL DEFAULT '{}'
        CONSTRAINT tickets_custom_fields_check CHECK (jsonb_typeof(custom_fields) = 'object'),
    -- lets messages reference a ticket of the same team and mode
    ADD CONSTRAINT tickets_scope_id_key UNIQUE (team_id, mode, id);

ALTER TABLE customers
    ADD COLUMN phone         text
        CONSTRAINT customers_phone_check CHECK (char_length(phone) BETWEEN 1 AND 64 AND phone !~ '[[:cntrl:]]'),
    ADD COLUMN metadata      jsonb NOT NULL DEFAULT '{}'
        CONSTRAINT customers_metadata_check CHECK (jsonb_typeof(metadata) = 'object'
            AND octet_length(metadata::text) <= 16384),
    ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}'
        CONSTRAINT customers_custom_fields_check CHECK (jsonb_typeof(custom_fields) = 'object');

ALTER TABLE articles
    ADD COLUMN slug            text
        CONSTRAINT articles_slug_check CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 200),
    ADD COLUMN seo_title       text,
    ADD COLUMN seo_description text,
    ADD CONSTRAINT articles_slug_key UNIQUE (team_id, mode, slug);

-- ---------------------------------------------------------------------------------------------------------------
-- Custom fields. A team defines them per type (tickets, customers), for both modes; a record holds its values in
-- custom_fields as {"<key>": <value>}, a key absent when the record has no value (never a JSON null). A value's
-- JSON type is its kind's: text and select a string (select: one of the options), number a number, boolean
-- true/false, date a 'YYYY-MM-DD' string that is a real date.

CREATE TABLE custom_field_definitions (
    team_id    uuid        NOT NULL REFERENCES teams (id),
    resource   text        NOT NULL
        CONSTRAINT custom_field_definitions_resource_check CHECK (resource IN ('tickets', 'customers')),
    key        text        NOT NULL
        CONSTRAINT custom_field_definitions_key_check CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    label      text        NOT NULL
        CONSTRAINT custom_field_definitions_label_check CHECK (char_length(label) BETWEEN 1 AND 200),
    kind       text        NOT NULL
        CONSTRAINT custom_field_definitions_kind_check
            CHECK (kind IN ('text', 'number', 'boolean', 'date', 'select')),
    -- the values a select field may take; only a select field has them
    options    text[]
        CONSTRAINT custom_field_definitions_options_check CHECK ((kind = 'select') = (options IS NOT NULL)
            AND (options IS NULL OR (cardinality(options) > 0 AND array_position(options, NULL) IS NULL))),
    position   integer     NOT NULL
        CONSTRAINT custom_field_definitions_position_check CHECK (position >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT custom_field_definitions_pkey PRIMARY KEY (team_id, resource, key),
    CONSTRAINT custom_field_definitions_position_key UNIQUE (team_id, resource, position)
);

-- Whether one stored value fits one definition's kind and options.
CREATE FUNCTION custom_field_value_fits(kind text, options text[], value jsonb) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE AS
$$
BEGIN
    CASE kind
        WHEN 'text' THEN
            RETURN jsonb_typeof(value) = 'string';
        WHEN 'select' THEN
            RETURN jsonb_typeof(value) = 'string' AND (value #>> '{}') = ANY (options);
        WHEN 'number' THEN
            RETURN jsonb_typeof(value) = 'number';
        WHEN 'boolean' THEN
            RETURN jsonb_typeof(value) = 'boolean';
        WHEN 'date' THEN
            IF jsonb_typeof(value) <> 'string' OR (value #>> '{}') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
                RETURN false;
            END IF;
            BEGIN
                RETURN to_char((value #>> '{}')::date, 'YYYY-MM-DD') = (value #>> '{}');
            EXCEPTION WHEN others THEN
                RETURN false;
            END;
        ELSE
            RETURN false;
    END CASE;
END
$$;

-- Before a ticket or customer is written: every value is of a field its team defines for the type, and fits it. One
-- query per row (not one per value), and none for a record without values.
CREATE FUNCTION custom_field_values_check() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    wrong record;
BEGIN
    -- nothing to check, or not an object: the table's CHECK constraint says so
    IF NEW.custom_fields = '{}'::jsonb OR jsonb_typeof(NEW.custom_fields) <> 'object' THEN
        RETURN NEW;
    END IF;
    SELECT e.key, e.value, d.kind INTO wrong
    FROM jsonb_each(NEW.custom_fields) AS e
    LEFT JOIN custom_field_definitions d
        ON d.team_id = NEW.team_id AND d.resource = TG_TABLE_NAME AND d.key = e.key
    WHERE d.key IS NULL OR NOT custom_field_value_fits(d.kind, d.options, e.value)
    LIMIT 1;
    IF NOT FOUND THEN
        RETURN NEW;
    END IF;
    IF wrong.kind IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = format(
            'custom field %s is not defined for the %s of team %s', wrong.key, TG_TABLE_NAME, NEW.team_id);
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = format(
        'custom field %s of %s %s holds %s, which is not a %s value', wrong.key, TG_TABLE_NAME, NEW.id, wrong.value,
        wrong.kind);
END
$$;

CREATE TRIGGER tickets_custom_fields_check BEFORE INSERT OR UPDATE OF custom_fields, team_id ON tickets
    FOR EACH ROW EXECUTE FUNCTION custom_field_values_check();
CREATE TRIGGER customers_custom_fields_check BEFORE INSERT OR UPDATE OF custom_fields, team_id ON customers
    FOR EACH ROW EXECUTE FUNCTION custom_field_values_check();

-- A definition's key, kind, type and team never change (a field is deleted and defined anew instead); its options
-- change only where no stored value falls outside them; deleting it deletes its values, so that a field defined
-- anew under the same key starts empty.
CREATE FUNCTION custom_field_definitions_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.resource = 'tickets' THEN
            UPDATE tickets SET custom_fields = custom_fields - OLD.key
            WHERE team_id = OLD.team_id AND custom_fields ? OLD.key;
        ELSE
            UPDATE customers SET custom_fields = custom_fields - OLD.key
            WHERE team_id = OLD.team_id AND custom_fields ? OLD.key;
        END IF;
        RETURN OLD;
    END IF;
    IF (NEW.team_id, NEW.resource, NEW.key, NEW.kind) IS DISTINCT FROM (OLD.team_id, OLD.resource, OLD.key, OLD.kind)
    THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'the team, type, key and kind of a custom field never change: delete it and define it anew';
    END IF;
    IF NEW.options IS DISTINCT FROM OLD.options AND EXISTS (
        SELECT 1 FROM tickets t WHERE NEW.resource = 'tickets' AND t.team_id = NEW.team_id
            AND t.custom_fields ? NEW.key AND NOT custom_field_value_fits(NEW.kind, NEW.options, t.custom_fields -> NEW.key)
        UNION ALL
        SELECT 1 FROM customers c WHERE NEW.resource = 'customers' AND c.team_id = NEW.team_id
            AND c.custom_fields ? NEW.key AND NOT custom_field_value_fits(NEW.kind, NEW.options, c.custom_fields -> NEW.key))
    THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = format(
            'records hold values of custom field %s outside its new options', NEW.key);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER custom_field_definitions_change BEFORE UPDATE OR DELETE ON custom_field_definitions
    FOR EACH ROW EXECUTE FUNCTION custom_field_definitions_change();

-- ---------------------------------------------------------------------------------------------------------------
-- Messages: the conversation of a ticket, live or test like the ticket (the foreign key on (team_id, mode,
-- ticket_id) makes them so, and moves them with it). An agent's message has a member of the team as author, a
-- customer's a customer of the team and mode, a system message none; a customer never writes an internal note.
-- Messages are never edited in place by the product, hence no updated_at.

CREATE TABLE messages (
    id                 uuid        PRIMARY KEY,
    -- the team exists: the ticket's foreign key says so
    team_id            uuid        NOT NULL,
    mode               text        NOT NULL CONSTRAINT messages_mode_check CHECK (mode IN ('live', 'test')),
    ticket_id          uuid        NOT NULL,
    sender             text        NOT NULL
        CONSTRAINT messages_sender_check CHECK (sender IN ('agent', 'customer', 'system')),
    author_member_id   uuid,
    author_customer_id uuid,
    sender_name        text,
    is_internal        boolean     NOT NULL DEFAULT false,
    content            text        NOT NULL,
    created_at         timestamptz NOT NULL,
    CONSTRAINT messages_ticket_fkey FOREIGN KEY (team_id, mode, ticket_id)
        REFERENCES tickets (team_id, mode, id) ON UPDATE CASCADE ON DELETE CASCADE,
    CONSTRAINT messages_author_member_fkey FOREIGN KEY (team_id, author_member_id) REFERENCES members (team_id, id),
    CONSTRAINT messages_author_customer_fkey FOREIGN KEY (team_id, mode, author_customer_id)
        REFERENCES customers (team_id, mode, id),
    CONSTRAINT messages_author_check CHECK (CASE sender
        WHEN 'agent' THEN author_member_id IS NOT NULL AND author_customer_id IS NULL
        WHEN 'customer' THEN author_customer_id IS NOT NULL AND author_member_id IS NULL
        ELSE author_member_id IS NULL AND author_customer_id IS NULL END),
    CONSTRAINT messages_internal_check CHECK (NOT (is_internal AND sender = 'customer'))
);

-- the export order, and each filter of section 3 followed by the order
CREATE INDEX messages_order_idx ON messages (team_id, mode, created_at, id);
CREATE INDEX messages_ticket_idx ON messages (team_id, mode, ticket_id, created_at, id);
CREATE INDEX messages_sender_idx ON messages (team_id, mode, sender, created_at, id);
CREATE INDEX messages_internal_idx ON messages (team_id, mode, is_internal, created_at, id);
-- what deleting a member or a customer checks
CREATE INDEX messages_author_member_idx ON messages (team_id, author_member_id) WHERE author_member_id IS NOT NULL;
CREATE INDEX messages_author_customer_idx ON messages (team_id, mode, author_customer_id)
    WHERE author_customer_id IS NOT NULL;

-- tickets.message_count is the number of the ticket's messages. The previous schema held a count without messages
-- behind it; with messages stored, the count is theirs, so it starts at 0 and follows them from here on.
UPDATE tickets SET message_count = 0 WHERE message_count <> 0;

-- After each statement on messages: the counts of the tickets it touched, from its transition tables, in the same
-- transaction (so every snapshot sees counts and messages alike). Tickets are matched on id alone (their primary
-- key), so that a message moved with its ticket to the other mode (ON UPDATE CASCADE) keeps its count.
CREATE FUNCTION messages_count() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE tickets t SET message_count = t.message_count - d.n
        FROM (SELECT ticket_id, count(*) AS n FROM old_rows GROUP BY ticket_id) d
        WHERE t.id = d.ticket_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE tickets t SET message_count = t.message_count + d.n
        FROM (SELECT ticket_id, count(*) AS n FROM new_rows GROUP BY ticket_id) d
        WHERE t.id = d.ticket_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER messages_count_insert AFTER INSERT ON messages REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION messages_count();
CREATE TRIGGER messages_count_update AFTER UPDATE ON messages REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION messages_count();
CREATE TRIGGER messages_count_delete AFTER DELETE ON messages REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION messages_count();

-- Nobody but messages_count() writes the count: a new ticket starts at 0, and a statement on tickets itself (trigger
-- depth 0 when the WHEN clause is evaluated; 1 inside messages_count) leaves it as it was. The WHEN clauses keep the
-- guard free for every other write.
CREATE FUNCTION tickets_message_count_refused() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
        MESSAGE = 'tickets.message_count is the number of the ticket''s messages and follows them: write messages';
END
$$;

CREATE TRIGGER tickets_message_count_insert_guard BEFORE INSERT ON tickets
    FOR EACH ROW WHEN (NEW.message_count <> 0 AND pg_trigger_depth() = 0)
    EXECUTE FUNCTION tickets_message_count_refused();
CREATE TRIGGER tickets_message_count_update_guard BEFORE UPDATE OF message_count ON tickets
    FOR EACH ROW WHEN (NEW.message_count <> OLD.message_count AND pg_trigger_depth() = 0)
    EXECUTE FUNCTION tickets_message_count_refused();

-- ---------------------------------------------------------------------------------------------------------------
-- Members are exported per team (both modes see the same): the export order and the role filter.
CREATE INDEX members_order_idx ON members (team_id, created_at, id);
CREATE INDEX members_role_idx ON members (team_id, role, created_at, id);

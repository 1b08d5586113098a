-- The change feed: every row version of the five exported types carries the 64-bit id of the transaction that wrote
-- it (change_stamp, xid8), set by a trigger on insert and update; a deletion leaves a tombstone stamped the same way.
-- A feed page is the rows and tombstones of one team, mode and type ordered by (change_stamp, id), after the cursor's
-- position and below the reading snapshot's xmin: every transaction below xmin has ended, so no row with a smaller
-- stamp can still appear, whatever order transactions commit in.
--
-- Rows written before this migration get the stamp 1, below every transaction id, without rewriting the tables (a
-- constant default is kept in the catalog): a feed from the beginning gives each of them once, ordered by id.
ALTER TABLE tickets ADD COLUMN change_stamp xid8 NOT NULL DEFAULT '1';
ALTER TABLE customers ADD COLUMN change_stamp xid8 NOT NULL DEFAULT '1';
ALTER TABLE articles ADD COLUMN change_stamp xid8 NOT NULL DEFAULT '1';
ALTER TABLE messages ADD COLUMN change_stamp xid8 NOT NULL DEFAULT '1';
ALTER TABLE members ADD COLUMN change_stamp xid8 NOT NULL DEFAULT '1';

CREATE INDEX tickets_change_idx ON tickets (team_id, mode, change_stamp, id);
CREATE INDEX customers_change_idx ON customers (team_id, mode, change_stamp, id);
CREATE INDEX articles_change_idx ON articles (team_id, mode, change_stamp, id);
CREATE INDEX messages_change_idx ON messages (team_id, mode, change_stamp, id);
CREATE INDEX members_change_idx ON members (team_id, change_stamp, id);

-- One row per deleted record and feed: its team, its mode (null for members, which both modes see), its type and
-- id, when it was deleted, and the stamp of the deleting transaction. A feed holds a record's row or its tombstone,
-- never both: a record inserted again, or moved back into a mode, takes its tombstone of that feed away (its new
-- row's stamp is later, so a follower sees the upsert). Kept for export.changes.retention, then deleted in batches
-- (JdbcTombstones.removeExpired); the highest stamp deleted so far is kept in change_feed_horizon, so that a
-- cursor from before it is known to have lost deletions.
CREATE TABLE change_tombstones (
    team_id      uuid        NOT NULL,
    mode         text        CONSTRAINT change_tombstones_mode_check CHECK (mode IN ('live', 'test')),
    type         text        NOT NULL
        CONSTRAINT change_tombstones_type_check
            CHECK (type IN ('tickets', 'customers', 'articles', 'messages', 'members')),
    id           uuid        NOT NULL,
    deleted_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    change_stamp xid8        NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT change_tombstones_mode_type_check CHECK ((type = 'members') = (mode IS NULL))
);

CREATE UNIQUE INDEX change_tombstones_record_key ON change_tombstones (type, id, mode) NULLS NOT DISTINCT;
CREATE INDEX change_tombstones_feed_idx ON change_tombstones (team_id, type, mode, change_stamp, id);
CREATE INDEX change_tombstones_deleted_at_idx ON change_tombstones (deleted_at);

CREATE TABLE change_feed_horizon (
    singleton    boolean PRIMARY KEY DEFAULT true CONSTRAINT change_feed_horizon_singleton_check CHECK (singleton),
    purged_stamp xid8    NOT NULL
);

INSERT INTO change_feed_horizon (purged_stamp) VALUES ('0');

-- Rows of a type live or test: stamped on insert and update; a mode change is a deletion in the old mode's feed.
CREATE FUNCTION change_stamp_moded() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM change_tombstones WHERE type = TG_TABLE_NAME AND id = OLD.id AND mode = OLD.mode;
        INSERT INTO change_tombstones (team_id, mode, type, id) VALUES (OLD.team_id, OLD.mode, TG_TABLE_NAME, OLD.id);
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' OR NEW.mode IS DISTINCT FROM OLD.mode THEN
        DELETE FROM change_tombstones WHERE type = TG_TABLE_NAME AND id = NEW.id AND mode = NEW.mode;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.mode IS DISTINCT FROM OLD.mode THEN
        DELETE FROM change_tombstones WHERE type = TG_TABLE_NAME AND id = OLD.id AND mode = OLD.mode;
        INSERT INTO change_tombstones (team_id, mode, type, id) VALUES (OLD.team_id, OLD.mode, TG_TABLE_NAME, OLD.id);
    END IF;
    NEW.change_stamp := pg_current_xact_id();
    RETURN NEW;
END
$$;

-- Members: the team's in both modes, so one feed of them per team.
CREATE FUNCTION change_stamp_members() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM change_tombstones WHERE type = 'members' AND id = OLD.id AND mode IS NULL;
        INSERT INTO change_tombstones (team_id, mode, type, id) VALUES (OLD.team_id, NULL, 'members', OLD.id);
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' THEN
        DELETE FROM change_tombstones WHERE type = 'members' AND id = NEW.id AND mode IS NULL;
    END IF;
    NEW.change_stamp := pg_current_xact_id();
    RETURN NEW;
END
$$;

-- BEFORE triggers named to run after the other BEFORE triggers of their table (alphabetical order), so that the
-- stamp is the last thing set on a row.
CREATE TRIGGER zz_tickets_change_stamp BEFORE INSERT OR UPDATE ON tickets
    FOR EACH ROW EXECUTE FUNCTION change_stamp_moded();
CREATE TRIGGER zz_customers_change_stamp BEFORE INSERT OR UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION change_stamp_moded();
CREATE TRIGGER zz_articles_change_stamp BEFORE INSERT OR UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION change_stamp_moded();
CREATE TRIGGER zz_messages_change_stamp BEFORE INSERT OR UPDATE ON messages
    FOR EACH ROW EXECUTE FUNCTION change_stamp_moded();
CREATE TRIGGER zz_members_change_stamp BEFORE INSERT OR UPDATE ON members
    FOR EACH ROW EXECUTE FUNCTION change_stamp_members();

CREATE TRIGGER zz_tickets_change_tombstone AFTER DELETE ON tickets
    FOR EACH ROW EXECUTE FUNCTION change_stamp_moded();
CREATE TRIGGER zz_customers_change_tombstone AFTER DELETE ON customers
    FOR EACH ROW EXECUTE FUNCTION change_stamp_moded();
CREATE TRIGGER zz_articles_change_tombstone AFTER DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION change_stamp_moded();
CREATE TRIGGER zz_messages_change_tombstone AFTER DELETE ON messages
    FOR EACH ROW EXECUTE FUNCTION change_stamp_moded();
CREATE TRIGGER zz_members_change_tombstone AFTER DELETE ON members
    FOR EACH ROW EXECUTE FUNCTION change_stamp_members();

-- How far behind the feed is held: the start of the oldest transaction still running that holds a transaction id
-- (it has written), seen by this function's owner (who sees every session when it is a superuser or a member of
-- pg_read_all_stats; the export read role alone would see only its own). Null when none runs.
CREATE FUNCTION change_feed_oldest_write() RETURNS timestamptz LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog AS
$$
SELECT min(xact_start) FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
$$;

REVOKE EXECUTE ON FUNCTION change_feed_oldest_write() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION change_feed_oldest_write() TO helpdesk_export_read;
GRANT SELECT ON change_tombstones, change_feed_horizon TO helpdesk_export_read;

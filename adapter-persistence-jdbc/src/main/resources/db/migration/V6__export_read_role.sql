-- Export snapshots read as a role that may only SELECT what an export writes: the five exported tables and the
-- teams' custom field definitions. Not the keys, not the rate-limit, throttle or lease tables, not the teams, nothing
-- to write. The login role the export reads use is made a member of this group (README, "Database roles"); the
-- service checks that role at start and refuses to run on one that could do more.
--
-- The group is made here when this migration's user may create roles (the embedded database's superuser, or a user
-- with CREATEROLE); otherwise an administrator makes it once, before this migration runs, and the migration says so.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'helpdesk_export_read') THEN
        BEGIN
            CREATE ROLE helpdesk_export_read NOLOGIN;
        EXCEPTION
            -- made meanwhile by the migration of another database of the same cluster
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'The role helpdesk_export_read does not exist and % may not create it.', current_user
                    USING HINT = 'An administrator runs once: CREATE ROLE helpdesk_export_read NOLOGIN; '
                        || 'then the migration can go on (README, "Database roles").';
        END;
    END IF;
END
$$;

GRANT SELECT ON tickets, customers, articles, messages, members, custom_field_definitions TO helpdesk_export_read;

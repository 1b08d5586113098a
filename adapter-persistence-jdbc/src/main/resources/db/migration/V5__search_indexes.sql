-- Issue 12: cost flat in a team's size. `search` (ILIKE '%term%' with %, _ and \ escaped) is served by trigram
-- indexes, and `tag` by array indexes, both led by the team (and mode) so that finding a team's matches never
-- reads another team's rows nor scans the team's own. Both extensions ship with PostgreSQL's contrib (the
-- embedded binaries and Debian's server have them) and are "trusted": a database owner may create them without
-- being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- lets a GIN index lead with the scalar columns team_id (uuid) and mode (text)
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX tickets_title_trgm_idx ON tickets USING gin (team_id, mode, title gin_trgm_ops);
CREATE INDEX customers_name_trgm_idx ON customers USING gin (team_id, mode, name gin_trgm_ops);
CREATE INDEX customers_email_trgm_idx ON customers USING gin (team_id, mode, email gin_trgm_ops);
CREATE INDEX articles_title_trgm_idx ON articles USING gin (team_id, mode, title gin_trgm_ops);
CREATE INDEX members_name_trgm_idx ON members USING gin (team_id, name gin_trgm_ops);
CREATE INDEX members_email_trgm_idx ON members USING gin (team_id, email gin_trgm_ops);

-- the tag indexes of V1 held every team's rows in one posting list per tag
DROP INDEX tickets_tags_idx;
DROP INDEX customers_tags_idx;
DROP INDEX articles_tags_idx;
CREATE INDEX tickets_tags_idx ON tickets USING gin (team_id, mode, tags);
CREATE INDEX customers_tags_idx ON customers USING gin (team_id, mode, tags);
CREATE INDEX articles_tags_idx ON articles USING gin (team_id, mode, tags);

#!/usr/bin/env bash
# Issue 12: the plan of every filter of every type on a large team, as the service sends them (the SQL shape of
# ResourceSql: team, mode, the filter, ORDER BY created_at, id LIMIT 10,001), run with EXPLAIN ANALYZE and cut
# down to the plan nodes, the rows each returned, the rows filters removed and the execution time.
#   scripts/explain-plans.sh "<psql connection options>" [team uuid]
# e.g. scripts/explain-plans.sh "-h /tmp/pgq -p 5499 -U postgres -d scale"
# on a database grown with scripts/scale-data.sql.
set -euo pipefail
PSQL="psql $1 -X -q -v ON_ERROR_STOP=1"
TEAM="${2:-7d1e0c2a-0000-4000-8000-000000000001}"
T="team_id = '$TEAM'"
M="$T AND mode = 'live'"
L="ORDER BY created_at, id LIMIT 10001"
# a cursor at half depth: the middle row's order key
half() { $PSQL -At -c "SELECT '(created_at, id) > (''' || created_at || ''', ''' || id || ''')' FROM $1 WHERE $2
                        ORDER BY created_at, id OFFSET (SELECT count(*) / 2 FROM $1 WHERE $2) LIMIT 1"; }

# a literal value, as the service binds one (pgjdbc plans its first executions with the values)
value() { $PSQL -At -c "$1"; }
recent() { value "SELECT max($2) - (max($2) - min($2)) / 100 FROM $1 WHERE $3"; }

plan() {
  local label="$1" table="$2" where="$3"
  printf '\n### %s\n' "$label"
  # twice unmeasured first, so that the figure is a warm one (the plan is the same; the first run reads from disk)
  $PSQL -c "EXPLAIN (ANALYZE) SELECT id FROM $table WHERE $where $L" > /dev/null
  $PSQL -c "EXPLAIN (ANALYZE) SELECT id FROM $table WHERE $where $L" > /dev/null
  $PSQL -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT id FROM $table WHERE $where $L" \
    | grep -E 'Scan|Sort|Limit|Rows Removed|Execution Time|Index Cond|Recheck' | sed -E 's/^ +/  /'
}

for table in tickets customers articles messages; do
  plan "$table: first page" $table "$M"
  plan "$table: page at half depth" $table "$M AND $(half $table "$M")"
done
plan "members: first page" members "$T"
plan "members: page at half depth" members "$T AND $(half members "$T")"

plan "tickets: status" tickets "$M AND status = ANY ('{open,pending}')"
plan "tickets: status (one value)" tickets "$M AND status = 'open'"
plan "tickets: priority" tickets "$M AND priority = 'urgent'"
plan "tickets: customerId" tickets "$M AND customer_id = '$(value "SELECT customer_id FROM tickets WHERE $M LIMIT 1")'"
plan "tickets: assignedTo" tickets "$M AND assigned_to = '$(value "SELECT assigned_to FROM tickets WHERE $M AND assigned_to IS NOT NULL LIMIT 1")'"
plan "tickets: tag (1 %)" tickets "$M AND tags @> ARRAY['escalated']"
plan "tickets: tag (none)" tickets "$M AND tags @> ARRAY['never-used']"
plan "tickets: search, common word" tickets "$M AND title ILIKE '%billing%' ESCAPE '\\'"
plan "tickets: search, rare word" tickets "$M AND title ILIKE '%zephyr%' ESCAPE '\\'"
plan "tickets: search, no match" tickets "$M AND title ILIKE '%qqqxyz%' ESCAPE '\\'"
plan "tickets: search, two letters (as sent: column || '')" tickets "$M AND (title || '') ILIKE '%zz%' ESCAPE '\\'"
plan "tickets: createdAfter (last 1 %)" tickets "$M AND created_at >= '$(recent tickets created_at "$M")'"
plan "tickets: createdBefore" tickets "$M AND created_at < '2020-06-01'"
plan "tickets: updatedAfter (last 1 %)" tickets "$M AND updated_at >= '$(recent tickets updated_at "$M")'"
plan "tickets: updatedBefore" tickets "$M AND updated_at < '2020-06-01'"

plan "customers: status" customers "$M AND status = 'inactive'"
plan "customers: sentiment" customers "$M AND sentiment = 'negative'"
plan "customers: tag" customers "$M AND tags @> ARRAY['vip']"
plan "customers: search, common word" customers "$M AND (name ILIKE '%billing%' ESCAPE '\\' OR email ILIKE '%billing%' ESCAPE '\\')"
plan "customers: search, no match" customers "$M AND (name ILIKE '%qqqxyz%' ESCAPE '\\' OR email ILIKE '%qqqxyz%' ESCAPE '\\')"
plan "customers: updatedAfter (last 1 %)" customers "$M AND updated_at >= '$(recent customers updated_at "$M")'"

plan "articles: status" articles "$M AND status = 'published'"
plan "articles: category" articles "$M AND category = 'Billing'"
plan "articles: isPublic" articles "$M AND is_public = true"
plan "articles: tag" articles "$M AND tags @> ARRAY['faq']"
plan "articles: search, rare word" articles "$M AND title ILIKE '%zephyr%' ESCAPE '\\'"
plan "articles: search, no match" articles "$M AND title ILIKE '%qqqxyz%' ESCAPE '\\'"

plan "messages: ticketId" messages "$M AND ticket_id = '$(value "SELECT ticket_id FROM messages WHERE $M OFFSET 1000 LIMIT 1")'"
plan "messages: sender" messages "$M AND sender = 'system'"
plan "messages: isInternal" messages "$M AND is_internal = true"
plan "messages: createdAfter (last 1 %)" messages "$M AND created_at >= '$(recent messages created_at "$M")'"

plan "members: role" members "$T AND role = 'owner'"
plan "members: search, rare word" members "$T AND (name ILIKE '%zephyr%' ESCAPE '\\' OR email ILIKE '%zephyr%' ESCAPE '\\')"
plan "members: search, no match" members "$T AND (name ILIKE '%qqqxyz%' ESCAPE '\\' OR email ILIKE '%qqqxyz%' ESCAPE '\\')"
plan "members: createdAfter (last 1 %)" members "$T AND created_at >= '$(recent members created_at "$T")'"

# a full cursor walk, as a client makes it: pages of 10,000 rows in export order, each continuing after the
# last row of the one before, every column read (the rows are counted, not sent); rows per second on the database
walk() {
  local table="$1" where="$2" columns="$3"
  printf '\n### %s: full cursor walk\n' "$table"
  $PSQL -c "DO \$\$
    DECLARE c timestamptz := '-infinity'; i uuid := '00000000-0000-0000-0000-000000000000'; n bigint;
            total bigint := 0; pages int := 0; t0 timestamptz := clock_timestamp(); s float8;
    BEGIN
      LOOP
        WITH page AS (SELECT $columns FROM $table WHERE $where AND (created_at, id) > (c, i)
                      ORDER BY created_at, id LIMIT 10000)
        SELECT p.created_at, p.id, count(*) OVER () INTO c, i, n FROM page p ORDER BY created_at DESC, id DESC LIMIT 1;
        EXIT WHEN NOT FOUND;
        total := total + n; pages := pages + 1;
        EXIT WHEN n < 10000;
      END LOOP;
      s := extract(epoch FROM clock_timestamp() - t0);
      RAISE NOTICE 'walk % rows in % pages, % s, % rows/s', total, pages, round(s::numeric, 2), round(total / s);
    END \$\$" 2>&1 | sed -n 's/.*NOTICE: *//p'
}
walk tickets "$M" "created_at, id, title, status, priority, customer_id, assigned_to, tags, notes, message_count, updated_at, resolved_at, metadata, custom_fields"
walk messages "$M" "created_at, id, ticket_id, sender, author_member_id, author_customer_id, sender_name, is_internal, content"

#!/usr/bin/env bash
# The plan of every filter of every type on a large team, as the service sends them: the SQL shape of ResourceSql
# (team, mode, the filter, ORDER BY created_at, id LIMIT 10,001) with every value bound as the reader binds it, into
# a transaction-local setting (set_config('helpdesk_export.vN', …, true)) that the statement reads back with
# current_setting(…) and a cast; run with EXPLAIN ANALYZE and cut down to the plan nodes, the rows each returned, the
# rows filters removed and the execution time.
#   scripts/explain-plans.sh "<psql connection options>" [team uuid]
# e.g. scripts/explain-plans.sh "-h /tmp/pgq -p 5499 -U postgres -d scale"
# on a database grown with scripts/scale-data.sql.
set -euo pipefail
PSQL="psql $1 -X -q -v ON_ERROR_STOP=1"
TEAM="${2:-7d1e0c2a-0000-4000-8000-000000000001}"
# v1 and v2 are the team and the mode, as the reader binds them first; a filter's values are v3, v4, …
cs() { printf "current_setting('helpdesk_export.v%s')" "$1"; }
T="team_id = $(cs 1)::uuid"
M="$T AND mode = $(cs 2)"
L="ORDER BY created_at, id LIMIT 10001"
# the literal form, for the helper queries below that find values
LT="team_id = '$TEAM'"
LM="$LT AND mode = 'live'"
# a cursor at half depth: the middle row's order key, as two values (time, id)
half() { $PSQL -At -F ' ' -c "SELECT replace(created_at::text, ' ', 'T'), id FROM $1 WHERE $2
                        ORDER BY created_at, id OFFSET (SELECT count(*) / 2 FROM $1 WHERE $2) LIMIT 1"; }
value() { $PSQL -At -c "$1"; }
recent() { value "SELECT max($2) - (max($2) - min($2)) / 100 FROM $1 WHERE $3"; }

# plan <label> <table> <where> [values for v3, v4, …]
plan() {
  local label="$1" table="$2" where="$3"
  shift 3
  local bind="SELECT set_config('helpdesk_export.v1', '$TEAM', true), set_config('helpdesk_export.v2', 'live', true)"
  local n=3 v
  for v in "$@"; do
    bind="$bind, set_config('helpdesk_export.v$n', \$v\$$v\$v\$, true)"
    n=$((n + 1))
  done
  local statement="SELECT id FROM $table WHERE $where $L"
  printf '\n### %s\n' "$label"
  # twice unmeasured first, so that the figure is a warm one (the plan is the same; the first run reads from disk)
  for _ in 1 2; do
    $PSQL -c "BEGIN" -c "$bind" -c "EXPLAIN (ANALYZE) $statement" -c "ROLLBACK" > /dev/null
  done
  $PSQL -c "BEGIN" -c "$bind" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) $statement" -c "ROLLBACK" \
    | grep -E 'Scan|Sort|Limit|Rows Removed|Execution Time|Index Cond|Recheck' | sed -E 's/^ +/  /'
}

AFTER="(created_at, id) > ($(cs 3)::timestamptz, $(cs 4)::uuid)"
for table in tickets customers articles messages; do
  plan "$table: first page" $table "$M"
  # shellcheck disable=SC2046
  plan "$table: page at half depth" $table "$M AND $AFTER" $(half $table "$LM")
done
plan "members: first page" members "$T"
# shellcheck disable=SC2046
plan "members: page at half depth" members "$T AND $AFTER" $(half members "$LT")

plan "tickets: status" tickets "$M AND status = ANY (ARRAY[$(cs 3), $(cs 4)])" open pending
plan "tickets: status (one value)" tickets "$M AND status = $(cs 3)" open
plan "tickets: priority" tickets "$M AND priority = $(cs 3)" urgent
plan "tickets: customerId" tickets "$M AND customer_id = $(cs 3)::uuid" \
  "$(value "SELECT customer_id FROM tickets WHERE $LM LIMIT 1")"
plan "tickets: assignedTo" tickets "$M AND assigned_to = $(cs 3)::uuid" \
  "$(value "SELECT assigned_to FROM tickets WHERE $LM AND assigned_to IS NOT NULL LIMIT 1")"
plan "tickets: tag (1 %)" tickets "$M AND tags @> ARRAY[$(cs 3)]" escalated
plan "tickets: tag (none)" tickets "$M AND tags @> ARRAY[$(cs 3)]" never-used
S="ESCAPE E'\\\\'"
plan "tickets: search, common word" tickets "$M AND (title ILIKE $(cs 3) $S)" '%billing%'
plan "tickets: search, rare word" tickets "$M AND (title ILIKE $(cs 3) $S)" '%zephyr%'
plan "tickets: search, no match" tickets "$M AND (title ILIKE $(cs 3) $S)" '%qqqxyz%'
plan "tickets: search, two letters (no trigram: column || '', export.search-budget)" tickets \
  "$M AND (title || '' ILIKE $(cs 3) $S)" '%zz%'
plan "tickets: search, no letters (no trigram: column || '', export.search-budget)" tickets \
  "$M AND (title || '' ILIKE $(cs 3) $S)" '%---%'
plan "tickets: search, a.b.c (no trigram: column || '', export.search-budget)" tickets \
  "$M AND (title || '' ILIKE $(cs 3) $S)" '%a.b.c%'
plan "tickets: createdAfter (last 1 %)" tickets "$M AND created_at >= $(cs 3)::timestamptz" \
  "$(recent tickets created_at "$LM")"
plan "tickets: createdBefore" tickets "$M AND created_at < $(cs 3)::timestamptz" 2020-06-01
plan "tickets: updatedAfter (last 1 %)" tickets "$M AND updated_at >= $(cs 3)::timestamptz" \
  "$(recent tickets updated_at "$LM")"
plan "tickets: updatedBefore" tickets "$M AND updated_at < $(cs 3)::timestamptz" 2020-06-01

plan "customers: status" customers "$M AND status = $(cs 3)" inactive
plan "customers: sentiment" customers "$M AND sentiment = $(cs 3)" negative
plan "customers: tag" customers "$M AND tags @> ARRAY[$(cs 3)]" vip
plan "customers: search, common word" customers "$M AND (name ILIKE $(cs 3) $S OR email ILIKE $(cs 3) $S)" '%billing%'
plan "customers: search, no match" customers "$M AND (name ILIKE $(cs 3) $S OR email ILIKE $(cs 3) $S)" '%qqqxyz%'
plan "customers: search, @@@ (no trigram)" customers \
  "$M AND (name || '' ILIKE $(cs 3) $S OR email || '' ILIKE $(cs 3) $S)" '%@@@%'
plan "customers: updatedAfter (last 1 %)" customers "$M AND updated_at >= $(cs 3)::timestamptz" \
  "$(recent customers updated_at "$LM")"

plan "articles: status" articles "$M AND status = $(cs 3)" published
plan "articles: category" articles "$M AND category = $(cs 3)" Billing
plan "articles: isPublic" articles "$M AND is_public = $(cs 3)::boolean" true
plan "articles: tag" articles "$M AND tags @> ARRAY[$(cs 3)]" faq
plan "articles: search, rare word" articles "$M AND (title ILIKE $(cs 3) $S)" '%zephyr%'
plan "articles: search, no match" articles "$M AND (title ILIKE $(cs 3) $S)" '%qqqxyz%'

plan "messages: ticketId" messages "$M AND ticket_id = $(cs 3)::uuid" \
  "$(value "SELECT ticket_id FROM messages WHERE $LM OFFSET 1000 LIMIT 1")"
plan "messages: sender" messages "$M AND sender = $(cs 3)" system
plan "messages: isInternal" messages "$M AND is_internal = $(cs 3)::boolean" true
plan "messages: createdAfter (last 1 %)" messages "$M AND created_at >= $(cs 3)::timestamptz" \
  "$(recent messages created_at "$LM")"

plan "members: role" members "$T AND role = $(cs 3)" owner
plan "members: search, rare word" members "$T AND (name ILIKE $(cs 3) $S OR email ILIKE $(cs 3) $S)" '%zephyr%'
plan "members: search, no match" members "$T AND (name ILIKE $(cs 3) $S OR email ILIKE $(cs 3) $S)" '%qqqxyz%'
plan "members: createdAfter (last 1 %)" members "$T AND created_at >= $(cs 3)::timestamptz" \
  "$(recent members created_at "$LT")"

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
walk tickets "$LM" "created_at, id, title, status, priority, customer_id, assigned_to, tags, notes, message_count, updated_at, resolved_at, metadata, custom_fields"
walk messages "$LM" "created_at, id, ticket_id, sender, author_member_id, author_customer_id, sender_name, is_internal, content"

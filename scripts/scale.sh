#!/usr/bin/env bash
# Cost as a team grows, on the database's side. Starts a temporary PostgreSQL cluster, and for each size
# (rows per type; default 25000 250000 1000000, or BENCH_SCALE_SIZES) migrates a database with the service's own
# migrations, grows one team and a neighbour to that size (scripts/scale-data.sql), VACUUM ANALYZE, and prints
# scripts/explain-plans.sh for it: first page, a page at half depth, every filter of every type (plan, rows
# removed, warm execution time) and a full cursor walk (rows/s). Stops and deletes the cluster at the end.
#
#   scripts/benchmark.sh --scale          (the same as scripts/scale.sh)
#   BENCH_SCALE_SIZES="25000 250000" scripts/scale.sh
#
# Unlike the rest of the benchmark this needs a PostgreSQL server and psql (PGBIN, default Debian's
# /usr/lib/postgresql/15/bin; the embedded binaries have no psql). Loading 1,000,000 rows per type takes about
# 18 minutes on 2 cores. The figures are the database's, not end to end through HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
SIZES=${BENCH_SCALE_SIZES:-25000 250000 1000000}
for tool in initdb pg_ctl psql; do
  [[ -x "$PGBIN/$tool" ]] || { echo "scale: $PGBIN/$tool not found (set PGBIN to a PostgreSQL 13+ bin folder)" >&2; exit 2; }
done

DIR=$(mktemp -d "${TMPDIR:-/tmp}/export-scale.XXXXXX")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo 55432)
# initdb and postgres refuse to run as root: run them as the postgres user where we are root
AS=()
if [[ $(id -u) == 0 ]]; then
  AS=(runuser -u postgres --)
  chown postgres "$DIR"
fi
stop() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
"${AS[@]}" "$PGBIN/initdb" -D "$DIR/data" -A trust -U postgres >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w start \
  -o "-p $PORT -k $DIR -c listen_addresses='' -c shared_buffers=512MB -c max_wal_size=4GB -c fsync=off" >/dev/null
CONN="-h $DIR -p $PORT -U postgres"
PSQL="$PGBIN/psql $CONN -X -q -v ON_ERROR_STOP=1"

echo "# Cost as a team grows ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
for rows in $SIZES; do
  db="scale_$rows"
  $PSQL -d postgres -c "CREATE DATABASE $db"
  for migration in "$ROOT"/adapter-persistence-jdbc/src/main/resources/db/migration/V*.sql; do
    $PSQL -d "$db" -f "$migration"
  done
  start=$(date +%s)
  $PSQL -d "$db" -v rows="$rows" -f "$ROOT/scripts/scale-data.sql"
  $PSQL -d "$db" -c 'VACUUM ANALYZE'
  echo
  echo "## $rows rows per type (loaded in $(( $(date +%s) - start )) s)"
  PATH="$PGBIN:$PATH" "$ROOT/scripts/explain-plans.sh" "$CONN -d $db"
  $PSQL -d postgres -c "DROP DATABASE $db"
done

#!/usr/bin/env bash
# The figures of docs/reliability.md, "One caller cannot take the service from the others", measured
# against the packaged service (not part of ./mvnw verify). Starts it at -Xmx128m on free ports with its embedded
# PostgreSQL in a temporary folder, and runs, against 127.0.0.1 only:
#   1. slow readers: 24 clients reading 1 KiB every 0.3 s and 5 that stop reading, all of one team, while another
#      team exports small documents back to back; database connections held by exports sampled every second;
#   2. heap: one export of 1,000 articles of 250 KB each (written into the demo team's test data first);
#   3. a database that stops answering: the postmaster and its backends stopped with SIGSTOP, then SIGCONT.
# The caps are raised for run 1 (8 per key, 32 per team), so that 29 exports of one team can be in progress at once.
#
#   scripts/reliability-runs.sh            (SKIP_BUILD=1 to reuse the last build; needs psql and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -B -ntp package -DskipTests > /dev/null
fi
WORK="$(mktemp -d /tmp/export-reliability.XXXXXX)"
HTTP_PORT="$(free_port)"; MGMT_PORT="$(free_port)"; PG_PORT="$(free_port)"
SERVICE_PID=""
cleanup() {
  if [[ -n "$PG_STOPPED" ]]; then kill -CONT $PG_STOPPED 2>/dev/null || true; fi
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"; for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$WORK"
}
PG_STOPPED=""
trap cleanup EXIT

EXPORT_EMBEDDED_DATA_DIR="$WORK/pg" EXPORT_EMBEDDED_PORT="$PG_PORT" \
  java -Xmx128m -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.management.port="$MGMT_PORT" \
  -Dexport.spool.directory="$WORK/spool" -Dexport.concurrency.per-key=8 -Dexport.concurrency.per-team=32 \
  -Dexport.rate-limit.secret-per-window=1000000 \
  -jar adapter-rest-quarkus/target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
BASE="http://127.0.0.1:$HTTP_PORT"; MGMT="http://127.0.0.1:$MGMT_PORT"
for _ in $(seq 1 120); do curl -fs "$MGMT/q/health/ready" > /dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$MGMT/q/health/ready" > /dev/null || { echo "service did not become ready"; tail -50 "$WORK/service.log"; exit 1; }
export PGPASSWORD; PGPASSWORD="$(cat "$WORK/pg/helpdesk-export.password")"
PSQL=(psql -h localhost -p "$PG_PORT" -U postgres -At postgres)
echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg); java: $(java -version 2>&1 | head -1)"

echo "== 1. slow readers"
held() { "${PSQL[@]}" -c "select count(*) from pg_stat_activity where application_name = 'helpdesk-export-read' and state <> 'idle'"; }
( for _ in $(seq 1 34); do echo "$(held)"; sleep 1; done ) > "$WORK/held.txt" &
SAMPLER=$!
java scripts/SlowReaders.java "$BASE" 24 5 30
wait "$SAMPLER" || true
echo "export connections busy or in a transaction, sampled every second for 34 s: max $(sort -n "$WORK/held.txt" | tail -1), samples: $(tr '\n' ' ' < "$WORK/held.txt")"
echo "spool files left after the run: $(find "$WORK/spool" -name 'spool-*' | wc -l)"

echo "== 2. heap of an export of 1,000 articles of 250 KB at -Xmx128m"
"${PSQL[@]}" -c "insert into articles (id, team_id, mode, title, content, status, is_public, tags, created_at, updated_at)
  select md5('big-article-' || i)::uuid, '5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b', 'test', 'Big article ' || i,
         repeat(md5(i::text) || ' ', 7576), 'published', true, '{}', timestamptz '2027-01-01' + i * interval '1 second',
         timestamptz '2027-01-01' + i * interval '1 second' from generate_series(1, 1000) i" > /dev/null
echo "article content: $("${PSQL[@]}" -c "select octet_length(content) from articles where title = 'Big article 1'") bytes each"
heap() { curl -fs "$MGMT/q/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%d", s}'; }
( while true; do heap; echo; sleep 0.2; done ) > "$WORK/heap.txt" 2>/dev/null &
SAMPLER=$!
START=$(date +%s%N)
curl -s -o "$WORK/articles.json" -w 'status %{http_code}, %{size_download} bytes in %{time_total} s\n' -X POST \
  "$BASE/api/v1/teams/5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b/export" -H "Authorization: Bearer sk_test_ADMNdemo3Rf6Hj1Mp8Wq2Xs5Ty9Ub4Vc7" \
  -H 'Content-Type: application/json' -d '{"resources":[{"type":"articles"}]}'
kill "$SAMPLER" 2>/dev/null || true
python3 -c "import json; d=json.load(open('$WORK/articles.json')); print('rows in the document:', len(d['data']['resources']['articles']), 'totalRows:', d['data']['totalRows'])"
echo "heap used during the export (sampled every 0.2 s): max $(sort -n "$WORK/heap.txt" | tail -1 | awk '{printf "%.1f MiB", $1/1048576}'); service peak RSS (VmHWM): $(awk '/VmHWM/ {print $2, $3}' /proc/$SERVICE_PID/status)"
echo "OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$WORK/service.log" || true)"

echo "== 3. a database that stops answering (SIGSTOP, no reset)"
PM=$(head -1 "$WORK/pg/postmaster.pid")
PG_STOPPED="$PM $(pgrep -P "$PM" | tr '\n' ' ')"
kill -STOP $PG_STOPPED
curl -s -o /dev/null -w 'export while stopped: status %{http_code} after %{time_total} s\n' -X POST \
  "$BASE/api/v1/teams/5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b/export" -H "Authorization: Bearer sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1" \
  -H 'Content-Type: application/json' -d '{"resources":[{"type":"articles","fields":["id"]}]}'
curl -s -o /dev/null -w 'readiness while stopped: status %{http_code} after %{time_total} s\n' "$MGMT/q/health/ready"
kill -CONT $PG_STOPPED; PG_STOPPED=""
RESUMED=$(date +%s%N)
until [[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/api/v1/teams/5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b/export" \
    -H "Authorization: Bearer sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1" -H 'Content-Type: application/json' \
    -d '{"resources":[{"type":"articles","fields":["id"]}]}')" == 200 ]]; do sleep 0.1; done
echo "first 200 after SIGCONT: $(( ($(date +%s%N) - RESUMED) / 1000000 )) ms; readiness: $(curl -s -o /dev/null -w '%{http_code}' "$MGMT/q/health/ready")"

#!/usr/bin/env bash
# The export benchmark, side by side with PostgreSQL's own COPY (docs/performance.md says how to read it).
#
#   scripts/benchmark.sh             build, then measure everything (about 8 minutes on 2 cores)
#   scripts/benchmark.sh --quick     fewer runs and short JMH iterations (a smoke test of the command, not figures)
#   scripts/benchmark.sh --profile   no figures: record JFR of the service during CSV and JSON exports and print
#                                    where the CPU time and the allocations go (of tickets; BENCH_TYPE=messages
#                                    or five for the other records)
#   --skip-build                     use the jars already built
#   --jar PATH --only compare        measure another build of the service (e.g. the commit before a change) with
#                                    this harness: only the side-by-side HTTP/COPY phase
#   --only gzip                      build, then only the gzip phase (level 1, the service's, against level 6)
#   --scale                          no service: cost as a team grows, on the database's side, at 25,000 /
#                                    250,000 / 1,000,000 rows per type (scripts/scale.sh; needs PostgreSQL and psql)
#   --changes                        no service: the change feed's cost at the reader (ChangeFeedCostTest on the
#                                    embedded PostgreSQL, prints COST lines): on 1,000,000 tickets an empty poll
#                                    against an export matching no row, a page of 10,000 changes against an export
#                                    page of 10,000 tickets, the stamp trigger's cost on a bulk UPDATE of 100,000 rows
#                                    and on single-row inserts, the lag reported with a transaction held open 10 s
#   --only records                   build, then only the phases of the other records: 10,000 messages as CSV and
#                                    JSON against COPY of the same rows, and the five-resource JSON export
#   --only formats                   build, then the formats side by side: 10,000 tickets (every field) as JSON,
#                                    NDJSON, CSV and XLSX (RATIO ndjson/json, xlsx/csv), and the five resources as
#                                    JSON, XLSX and as five CSV calls (RATIO xlsx/csv a call per type); then the
#                                    heap of an XLSX export of 1,000 articles of 250 KB each, service at -Xmx128m
#                                    (needs psql)
#   --only types                     build, then each of the five types alone, CSV and JSON against COPY of the same
#                                    rows (all the demo team's live rows, at most 10,000: 10,000 tickets and
#                                    messages, 4,000 customers, 300 articles, 13 members)
#
# Needs only a JDK 17 and curl. Starts the packaged service on a temporary embedded PostgreSQL (demo dataset) and
# free ports, talks to 127.0.0.1 only, stops everything it started, and prints the figures as Markdown (also kept
# in benchmarks/target/benchmark-results/). Before each measured phase it waits (up to BENCH_QUIET_TIMEOUT seconds,
# default 1800) until the machine is quiet: CPU at least BENCH_MIN_IDLE % idle (default 85) over 3 s and no test
# or load run (surefire, wrk, hyperfine) of anyone else; what it saw is printed with the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

QUICK=0
PROFILE=0
BUILD=1
ONLY=""
JAR="$ROOT/adapter-rest-quarkus/target/quarkus-app/quarkus-run.jar"
while (( $# > 0 )); do
  case "$1" in
    --quick) QUICK=1 ;;
    --profile) PROFILE=1 ;;
    --skip-build) BUILD=0 ;;
    --jar) JAR=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift ;;
    --only) ONLY=$2; shift ;;
    --scale) exec "$ROOT/scripts/scale.sh" ;;
    --changes) exec "$ROOT/mvnw" -B -ntp verify -pl adapter-persistence-jdbc -am -Dtest=ChangeFeedCostTest \
      -Dsurefire.failIfNoSpecifiedTests=false -Dchanges.cost=true ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

QUIET_TIMEOUT=${BENCH_QUIET_TIMEOUT:-1800}
MIN_IDLE=${BENCH_MIN_IDLE:-85}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS_DIR="$ROOT/benchmarks/target/benchmark-results"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/export-bench.XXXXXX")
CP="$ROOT/benchmarks/target/benchmarks.jar:$ROOT/benchmarks/target/lib/*"
TEAM=5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b
KEY=sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1
SERVICE_PID=""
MY_PIDS=()

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

stop_service() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$SERVICE_PID" 2>/dev/null; then kill -KILL "$SERVICE_PID" 2>/dev/null || true; fi
  fi
  SERVICE_PID=""
}

cleanup() {
  stop_service
  for pid in "${MY_PIDS[@]:-}"; do
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
  done
  # an embedded PostgreSQL outlives a killed JVM: stop the one on our data directory, if any
  if [[ -f "$WORK/pg/postmaster.pid" ]]; then
    local pm; pm=$(head -1 "$WORK/pg/postmaster.pid" 2>/dev/null || true)
    [[ -n "$pm" ]] && kill -0 "$pm" 2>/dev/null && kill -TERM "$pm" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    if port_free "$p"; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

cpu_idle_percent() { # idle share of all CPUs over $1 seconds
  local a b
  read -r -a a < <(grep '^cpu ' /proc/stat)
  sleep "$1"
  read -r -a b < <(grep '^cpu ' /proc/stat)
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  local idle=$(( b[4] - a[4] + b[5] - a[5] ))
  (( total > 0 )) && echo $(( 100 * idle / total )) || echo 100
}

foreign_load() { # heavy runs of someone else: tests, load generators
  local mine=" ${MY_PIDS[*]:-} $SERVICE_PID $$ "
  { pgrep -af 'surefire|wrk|hyperfine' 2>/dev/null || true; } | while read -r pid rest; do
    [[ "$mine" == *" $pid "* ]] || echo "$pid ${rest:0:100}"
  done
  return 0
}

others_seen() { # what else runs that could load the machine (for the record)
  local mine=" ${MY_PIDS[*]:-} $SERVICE_PID $$ "
  { pgrep -af 'surefire|quarkus-run|wrk|hyperfine|maven' 2>/dev/null || true; } | while read -r pid rest; do
    [[ "$mine" == *" $pid "* ]] || printf '%s; ' "${rest:0:70}"
  done | sed 's/|/\\|/g'
  return 0
}

STATE_LOG="$WORK/machine-state.md"
wait_quiet() { # $1: phase name
  local phase=$1 start=$SECONDS idle foreign
  while :; do
    idle=$(cpu_idle_percent 3)
    foreign=$(foreign_load)
    if (( idle >= MIN_IDLE )) && [[ -z "$foreign" ]]; then break; fi
    if (( SECONDS - start >= QUIET_TIMEOUT )); then
      log "machine still busy after ${QUIET_TIMEOUT}s (idle ${idle}%), measuring anyway: the figures of '$phase' are NOT from a quiet machine"
      break
    fi
    log "waiting for a quiet machine before '$phase': idle ${idle}% ${foreign:+, running: $(echo "$foreign" | tr '\n' ';')}"
    sleep 20
  done
  {
    printf '| %s | %s | %s%% | %s | %s |\n' "$phase" "$(date -u +%H:%M:%SZ)" "$idle" \
      "$(cut -d' ' -f1-3 /proc/loadavg)" "$(others_seen)"
  } >> "$STATE_LOG"
  log "phase '$phase': idle ${idle}%, load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# CPU accounting of a phase, to tell whether someone else loaded the machine while it ran: all busy time of the
# machine (/proc/stat) minus ours (this script's finished children, the service's JVM, its PostgreSQL).
cpu_machine() { awk '/^cpu /{busy=$2+$3+$4+$7+$8+$9; print busy, busy+$5+$6}' /proc/stat; }
proc_ticks() { # utime+stime of a pid (+ its finished children's with $2 = all); 0 when it is gone
  local f a
  f=$(cut -d')' -f2- "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  read -r -a a <<< "$f"
  # after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
  if [[ "${2:-}" == all ]]; then echo $(( a[11] + a[12] + a[13] + a[14] )); else echo $(( a[11] + a[12] )); fi
}
cpu_ours() {
  local total pm pid
  total=$(cut -d')' -f2- /proc/$$/stat | awk '{print $14+$15}')
  [[ -n "$SERVICE_PID" ]] && total=$(( total + $(proc_ticks "$SERVICE_PID") ))
  if [[ -f "$WORK/pg/postmaster.pid" ]]; then
    pm=$(head -1 "$WORK/pg/postmaster.pid" 2>/dev/null || true)
    if [[ -n "$pm" ]] && kill -0 "$pm" 2>/dev/null; then
      total=$(( total + $(proc_ticks "$pm" all) ))
      for pid in $(pgrep -P "$pm" 2>/dev/null || true); do total=$(( total + $(proc_ticks "$pid") )); done
    fi
  fi
  echo "$total"
}
PHASE_MACHINE=(0 0); PHASE_OURS=0
phase_begin() { read -r -a PHASE_MACHINE < <(cpu_machine); PHASE_OURS=$(cpu_ours); }
phase_foreign_percent() { # share of the machine's CPU capacity others used since phase_begin
  local now ours busy all
  read -r -a now < <(cpu_machine); ours=$(cpu_ours)
  busy=$(( now[0] - PHASE_MACHINE[0] )); all=$(( now[1] - PHASE_MACHINE[1] ))
  local foreign=$(( busy - (ours - PHASE_OURS) )); (( foreign < 0 )) && foreign=0
  (( all > 0 )) && echo $(( 100 * foreign / all )) || echo 0
}

# Runs a measured phase: waits for a quiet machine, runs the command (its output goes to the results), and when
# others took more than BENCH_MAX_FOREIGN % (default 10) of the CPU meanwhile, runs it again (at most
# BENCH_ATTEMPTS times, default 3); the attempt kept and the CPU others took during it are recorded.
MAX_FOREIGN=${BENCH_MAX_FOREIGN:-10}
ATTEMPTS=${BENCH_ATTEMPTS:-3}
measured() { # $1: phase name, $2: heading, $3…: command; ACCOUNT=0 for a phase whose PostgreSQL comes and goes
  local phase=$1 heading=$2 attempt foreign; shift 2
  for attempt in $(seq 1 "$ATTEMPTS"); do
    wait_quiet "$phase"
    phase_begin
    "$@" > "$WORK/phase.out" 2>&1 || { cat "$WORK/phase.out" >&2; log "phase '$phase' failed"; exit 1; }
    if [[ "${ACCOUNT:-1}" == 0 ]]; then
      # the servers it starts are gone before the end, and their CPU with them: only the idle before is known
      foreign="n/a (CPU idle $(cpu_idle_percent 3)% right after)"; break
    fi
    foreign="$(phase_foreign_percent)%"
    log "phase '$phase' attempt $attempt: others used ${foreign} of the CPU meanwhile"
    if (( ${foreign%\%} <= MAX_FOREIGN )) || (( attempt == ATTEMPTS )); then break; fi
  done
  printf '| %s | %d | %s |\n' "$phase" "$attempt" "$foreign" >> "$FOREIGN_LOG"
  { echo; echo "$heading"; echo; cat "$WORK/phase.out"; } | tee -a "$OUT"
}
FOREIGN_LOG="$WORK/foreign.md"

start_service() { # $1: http port, $2: pg port, $3…: extra JVM options
  local http=$1 pg=$2; shift 2
  MGMT_PORT="${MGMT_PORT:-$(free_port)}"
  # the concurrent phases run up to 16 exports of the demo team's keys at once: caps raised (64 per key, 256 per team)
  EXPORT_EMBEDDED_DATA_DIR="$WORK/pg" EXPORT_EMBEDDED_PORT="$pg" \
    java "$@" -Dquarkus.http.port="$http" -Dquarkus.management.port="$MGMT_PORT" \
    -Dexport.rate-limit.secret-per-window=1000000 -Dexport.concurrency.per-key=64 -Dexport.concurrency.per-team=256 \
    -jar "${SERVICE_JAR:-$JAR}" >> "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  local t0=$SECONDS
  until curl -fsS -o /dev/null "http://127.0.0.1:$MGMT_PORT/q/health/ready" 2>/dev/null; do
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then log "the service exited; its log:"; tail -50 "$WORK/service.log" >&2; exit 1; fi
    if (( SECONDS - t0 > 300 )); then log "the service is not ready after 300 s"; exit 1; fi
    sleep 0.2
  done
  log "service ready (pid $SERVICE_PID, http $http, postgres $pg)"
}

bench() { java -cp "$CP" "$@"; }

# ---------------------------------------------------------------------------------------------------- build
if (( BUILD )); then
  # the gzip level is fixed when the application is built: a second build at level 6, for the gzip phase
  log "building the service with gzip level 6 (for comparison): ./mvnw -B -ntp package -DskipTests -Dquarkus.http.compression-level=6"
  ./mvnw -B -ntp package -DskipTests -pl adapter-rest-quarkus -am -Dquarkus.http.compression-level=6 \
    > "$WORK/build-gzip6.log" 2>&1 || { tail -60 "$WORK/build-gzip6.log" >&2; exit 1; }
  cp -r "$ROOT/adapter-rest-quarkus/target/quarkus-app" "$WORK/app-gzip6"
  log "building: ./mvnw -B -ntp package -DskipTests"
  ./mvnw -B -ntp package -DskipTests > "$WORK/build.log" 2>&1 || { tail -60 "$WORK/build.log" >&2; exit 1; }
fi
[[ -f "$JAR" && -f "$ROOT/benchmarks/target/benchmarks.jar" ]] || { echo "build first (no --skip-build)" >&2; exit 1; }

HTTP_PORT=$(free_port)
PG_PORT=$(free_port)
JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)

# first start: initdb, migrations, demo dataset
log "first start of the service (creates the embedded database and loads the demo dataset)"
start_service "$HTTP_PORT" "$PG_PORT"
# the embedded database takes password authentication; its password is kept in its data folder
DB_PASSWORD="$(cat "$WORK/pg/helpdesk-export.password")"

# ---------------------------------------------------------------------------------------------------- profile
if (( PROFILE )); then
  stop_service
  start_service "$HTTP_PORT" "$PG_PORT" -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
  PROFILED=(HTTP_CSV HTTP_JSON); [[ "${BENCH_TYPE:-}" == five ]] && PROFILED=(HTTP_JSON)
  for variant in "${PROFILED[@]}"; do
    bench com.helpdesk.export.benchmarks.ExportBench load --port "$HTTP_PORT" --jdbc "$JDBC" --db-password "$DB_PASSWORD" --variant "$variant" --per-client 30 --type "${BENCH_TYPE:-tickets}" >/dev/null
  done
  for variant in "${PROFILED[@]}"; do
    wait_quiet "profile $variant"
    jcmd "$SERVICE_PID" JFR.start name=bench settings=profile filename="$WORK/$variant.jfr" >/dev/null
    bench com.helpdesk.export.benchmarks.ExportBench load --port "$HTTP_PORT" --jdbc "$JDBC" --db-password "$DB_PASSWORD" --variant "$variant" --per-client 150 --type "${BENCH_TYPE:-tickets}"
    jcmd "$SERVICE_PID" JFR.stop name=bench >/dev/null
    echo; echo "## JFR of the service during 150 exports, $variant, ${BENCH_TYPE:-tickets} (executor threads)"; echo '```'
    bench com.helpdesk.export.benchmarks.JfrTop "$WORK/$variant.jfr" 25 executor-thread
    echo '```'
  done
  mkdir -p "$RESULTS_DIR"; cp "$WORK"/*.jfr "$RESULTS_DIR/" && log "recordings kept in $RESULTS_DIR"
  exit 0
fi

# ---------------------------------------------------------------------------------------------------- measure
if (( QUICK )); then
  COMPARE=(--rounds 2 --per-round 5 --warmup 5 --clients 8 --per-client 2)
  JMH=(-wi 2 -w 1s -i 2 -r 1s -f 1)
  STARTUP_RUNS=2; CONCURRENT_PER_CLIENT=1
else
  COMPARE=(--rounds 4 --per-round 5 --warmup 20 --clients 8 --per-client 5)
  JMH=()
  STARTUP_RUNS=5; CONCURRENT_PER_CLIENT=3
fi
OUT="$WORK/results.md"
{
  echo "# Export benchmark, $STAMP"
  echo
  echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/Mem:/{print $2}') MB;" \
       "$(java -version 2>&1 | head -1); PostgreSQL 15 (embedded, fsync off); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' + local changes');" \
       "service ${JAR#"$ROOT/"}."
} > "$OUT"

compare_phase() { # extra options for ExportBench compare
  bench com.helpdesk.export.benchmarks.ExportBench compare --port "$HTTP_PORT" --jdbc "$JDBC" --db-password "$DB_PASSWORD" --pid "$SERVICE_PID" \
    --pg-data "$WORK/pg" --clk-tck "$CLK_TCK" "${COMPARE[@]}" "$@"
}
jmh_phase() {
  echo '```'
  bench -Dbench.jdbc.url="$JDBC" -Dbench.jdbc.password="$DB_PASSWORD" org.openjdk.jmh.Main 'SerializerBenchmark|ReadPipelineBenchmark' \
    -prof gc "${JMH[@]}" -rf text -rff "$WORK/jmh.txt" > "$WORK/jmh.log" 2>&1 || { tail -40 "$WORK/jmh.log"; return 1; }
  grep -E '^Benchmark|:bytes|alloc.rate.norm|^[A-Za-z]+Benchmark\.[A-Za-z]+ ' "$WORK/jmh.txt" || true
  echo '```'
}

records_phases() {
  measured "messages: HTTP export vs COPY" "## End to end: 10,000 messages, HTTP export vs PostgreSQL COPY of the same rows" \
    compare_phase --type messages --clients 0 --variants COPY_CSV,HTTP_CSV,COPY_JSON,HTTP_JSON --title " (messages)"
  measured "five resources: HTTP export vs COPY" "## End to end: five resources in one JSON export (10,000 tickets, 4,000 customers, 300 articles, 10,000 messages, 13 members) vs COPY of each in one snapshot" \
    compare_phase --type five --clients 0 --title " (five resources)"
}

types_phases() { # every type on its own, as many live rows as the demo team has (at most 10,000)
  local type rows
  for type in tickets customers articles messages members; do
    case $type in tickets|messages) rows=10000 ;; customers) rows=4000 ;; articles) rows=300 ;; members) rows=13 ;; esac
    measured "$type: HTTP export vs COPY" "## End to end: $rows $type, HTTP export vs PostgreSQL COPY of the same rows" \
      compare_phase --type "$type" --rows "$rows" --clients 0 --variants COPY_CSV,HTTP_CSV,COPY_JSON,HTTP_JSON --title " ($type)"
  done
}

formats_phases() {
  measured "tickets: the four formats" "## End to end: 10,000 tickets (every field) as JSON, NDJSON, CSV and XLSX" \
    compare_phase --type tickets --clients 0 --variants HTTP_JSON,HTTP_NDJSON,HTTP_CSV,HTTP_XLSX --title " (tickets, formats)"
  measured "five resources: XLSX vs CSV and JSON" "## End to end: five resources (10,000 tickets, 4,000 customers, 300 articles, 10,000 messages, 13 members) as JSON and XLSX in one call, and as CSV in five calls" \
    compare_phase --type five --clients 0 --variants HTTP_JSON,HTTP_XLSX,HTTP_CSV_EACH --title " (five resources, formats)"
}

# The heap of one XLSX export of 1,000 articles of 250 KB each (test data of the demo team, written first), service at
# -Xmx128m: the heap in use sampled every 0.2 s from the metrics during the export, as scripts/reliability-runs.sh
# measures the JSON export of the same rows
xlsx_heap_phase() {
  local mgmt="http://127.0.0.1:$MGMT_PORT" psql_cmd=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -At postgres)
  PGPASSWORD="$DB_PASSWORD" "${psql_cmd[@]}" -c "insert into articles (id, team_id, mode, title, content, status, is_public, tags, created_at, updated_at)
    select md5('big-article-' || i)::uuid, '$TEAM', 'test', 'Big article ' || i, repeat(md5(i::text) || ' ', 7576),
           'published', true, '{}', timestamptz '2027-01-01' + i * interval '1 second',
           timestamptz '2027-01-01' + i * interval '1 second' from generate_series(1, 1000) i
    on conflict do nothing" > /dev/null
  echo "article content: $(PGPASSWORD="$DB_PASSWORD" "${psql_cmd[@]}" -c "select octet_length(content) from articles where title = 'Big article 1'") bytes each, 1,000 of them"
  local heap_file="$WORK/heap.txt" sampler format
  for format in xlsx json; do
    : > "$heap_file"
    ( while true; do curl -fs "$mgmt/q/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%d\n", s}'; sleep 0.2; done ) >> "$heap_file" 2>/dev/null &
    sampler=$!
    curl -s -o "$WORK/articles.$format" -w "$format: status %{http_code}, %{size_download} bytes in %{time_total} s, " -X POST \
      "http://127.0.0.1:$HTTP_PORT/api/v1/teams/$TEAM/export" -H "Authorization: Bearer sk_test_ADMNdemo3Rf6Hj1Mp8Wq2Xs5Ty9Ub4Vc7" \
      -H 'Content-Type: application/json' -d "{\"resources\":[{\"type\":\"articles\"}],\"format\":\"$format\"}"
    kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
    echo "heap used during the export (sampled every 0.2 s): max $(sort -n "$heap_file" | tail -1 | awk '{printf "%.1f MiB", $1/1048576}')"
  done
  echo "service peak RSS (VmHWM): $(awk '/VmHWM/ {print $2, $3}' "/proc/$SERVICE_PID/status"); OutOfMemoryError in its log: $(grep -c OutOfMemoryError "$WORK/service.log" || true)"
}

if [[ "$ONLY" == formats ]]; then
  formats_phases
  stop_service
  start_service "$HTTP_PORT" "$PG_PORT" -Xmx128m
  ACCOUNT=0 measured "XLSX heap at -Xmx128m" "## Heap of an export of 1,000 articles of 250 KB each at -Xmx128m, XLSX (then JSON, the same rows)" \
    xlsx_heap_phase
  stop_service
  mkdir -p "$RESULTS_DIR"; cp "$OUT" "$RESULTS_DIR/$STAMP-formats.md"; log "figures kept in $RESULTS_DIR/$STAMP-formats.md"
  exit 0
fi

if [[ "$ONLY" == types ]]; then
  types_phases
  stop_service
  mkdir -p "$RESULTS_DIR"; cp "$OUT" "$RESULTS_DIR/$STAMP-types.md"; log "figures kept in $RESULTS_DIR/$STAMP-types.md"
  exit 0
fi

if [[ "$ONLY" == records ]]; then
  records_phases
  stop_service
  mkdir -p "$RESULTS_DIR"; cp "$OUT" "$RESULTS_DIR/$STAMP-records.md"; log "figures kept in $RESULTS_DIR/$STAMP-records.md"
  exit 0
fi

if [[ "$ONLY" != gzip ]]; then
measured "side by side: HTTP export vs COPY" "## End to end: HTTP export vs PostgreSQL COPY (service: default JVM options)" \
  compare_phase
if [[ "$ONLY" == compare ]]; then
  stop_service
  { echo; echo "(only the side-by-side phase, service $JAR)"; echo; echo "| phase | attempt | share of the machine's CPU used by other processes |"
    echo "|---|---|---:|"; cat "$FOREIGN_LOG"; } | tee -a "$OUT"
  mkdir -p "$RESULTS_DIR"; cp "$OUT" "$RESULTS_DIR/$STAMP-compare.md"; log "figures kept in $RESULTS_DIR/$STAMP-compare.md"
  exit 0
fi
records_phases
measured "JMH" "## JMH: serializers, row mapping, in-process read pipeline (one operation = one row)" jmh_phase
else
measured "gzip level 1" "## The service as built (gzip level 1)" \
  compare_phase --clients 0 --variants HTTP_CSV,HTTP_CSV_GZIP,HTTP_JSON,HTTP_JSON_GZIP --title " (gzip level 1)"
fi
stop_service

# gzip at Vert.x's default level 6 instead of the service's level 1 (quarkus.http.compression-level, fixed at build
# time: the build above made a second service for it)
if [[ -f "$WORK/app-gzip6/quarkus-run.jar" ]]; then
  SERVICE_JAR="$WORK/app-gzip6/quarkus-run.jar" start_service "$HTTP_PORT" "$PG_PORT"
  measured "gzip level 6" "## The same service built with gzip level 6 (-Dquarkus.http.compression-level=6) instead of level 1" \
    compare_phase --clients 0 --variants HTTP_CSV,HTTP_CSV_GZIP,HTTP_JSON,HTTP_JSON_GZIP --title " (gzip level 6)"
  stop_service
else
  { echo; echo "## gzip level 6: not measured (needs the build; run without --skip-build)"; } | tee -a "$OUT"
fi
if [[ "$ONLY" == gzip ]]; then
  mkdir -p "$RESULTS_DIR"; cp "$OUT" "$RESULTS_DIR/$STAMP-gzip.md"; log "figures kept in $RESULTS_DIR/$STAMP-gzip.md"
  exit 0
fi

# start to first export: as it is; with the database already running (not started by the service); and both
# with an application class-data-sharing archive made by one training run (-XX:ArchiveClassesAtExit)
START_CMD=(java -Dquarkus.http.port="$HTTP_PORT" -Dexport.rate-limit.secret-per-window=1000000)
log "AppCDS training run"
start_service "$HTTP_PORT" "$PG_PORT" -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
for format in csv json; do
  curl -fsS -o /dev/null -X POST "http://127.0.0.1:$HTTP_PORT/api/v1/teams/$TEAM/export" -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: application/json' -d "{\"resources\":[{\"type\":\"tickets\"}],\"format\":\"$format\"}"
done
stop_service
CDS=(-XX:SharedArchiveFile="$WORK/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
[[ -f "$WORK/app.jsa" ]] || { log "no CDS archive was written"; CDS=(); }
startup_phase() {
  local variant extra db
  for variant in embedded embedded-cds external external-cds; do
    extra=(); db=()
    [[ "$variant" == *cds ]] && extra=("${CDS[@]}")
    [[ "$variant" == external* ]] && db=(--db-dir "$WORK/pg" --db-port "$PG_PORT")
    bench com.helpdesk.export.benchmarks.ExportBench startup --runs "$STARTUP_RUNS" --port "$HTTP_PORT" \
      --log "$WORK/startup.log" --label "$variant" --pg-data "$WORK/pg" --max-foreign "$MAX_FOREIGN" \
      --attempts "$ATTEMPTS" "${db[@]}" -- \
      env EXPORT_EMBEDDED_DATA_DIR="$WORK/pg" EXPORT_EMBEDDED_PORT="$PG_PORT" "${START_CMD[@]}" "${extra[@]}" -jar "$JAR" \
      | grep -v ' INFO '
  done
}
# (each run is checked for load by others on its own, and run again when others used more than BENCH_MAX_FOREIGN %)
ACCOUNT=0 measured "startup" "## Start to first successful export (JVM; database initialised; first export = 10,000 tickets as CSV)" \
  startup_phase

concurrent_phase() {
  bench com.helpdesk.export.benchmarks.ExportBench concurrent --port "$HTTP_PORT" --jdbc "$JDBC" --db-password "$DB_PASSWORD" --pid "$SERVICE_PID" --clients 16 \
    --per-client "$CONCURRENT_PER_CLIENT"
  if grep -qiE 'OutOfMemoryError|GC overhead' "$WORK/service.log"; then echo "the service log shows an OutOfMemoryError"; fi
}
start_service "$HTTP_PORT" "$PG_PORT" -Xmx128m
measured "16 clients at -Xmx128m" "## 16 concurrent three-resource exports, service at -Xmx128m" concurrent_phase
stop_service

{ echo; echo "## Machine state before each phase"; echo
  echo "| phase | time | CPU idle over 3 s | load average (1, 5, 15 min) | other test/service processes seen |"
  echo "|---|---|---:|---|---|"; cat "$STATE_LOG"
  echo; echo "## CPU others used while each measured phase ran (the attempt kept)"; echo
  echo "| phase | attempt | share of the machine's CPU used by other processes |"
  echo "|---|---|---:|"; cat "$FOREIGN_LOG"; } | tee -a "$OUT"

mkdir -p "$RESULTS_DIR"
cp "$OUT" "$RESULTS_DIR/$STAMP.md"
cp "$WORK/jmh.txt" "$RESULTS_DIR/$STAMP-jmh.txt" 2>/dev/null || true
log "figures kept in $RESULTS_DIR/$STAMP.md"

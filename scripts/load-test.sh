#!/usr/bin/env bash
# Load test of the packaged service (not part of ./mvnw verify): starts it on free ports with its embedded
# PostgreSQL in a temporary folder, runs scripts/LoadTest.java against 127.0.0.1 only (default: 32 clients for
# 60 seconds, small and 10,000-row exports, JSON and CSV; the concurrency caps raised to 64 per key and 256 per
# team, since every client uses one of the demo team's keys), samples the service's memory, then checks that no
# database session or pooled connection was left behind and stops everything it started.
#
#   scripts/load-test.sh [clients] [seconds]        (SKIP_BUILD=1 to reuse the last build;
#                                                    JAVA_OPTS="-Xmx512m" to pass options to the service's JVM;
#                                                    SERVICE_JAR=<quarkus-run.jar> to measure another build)
#
# Mode auth-flood (scripts/AuthFlood.java): paced valid calls (small exports) from 127.0.0.1, alone, then while
# another loopback address (127.0.0.2; the service counts failed keys by the peer address) sends a flood of calls
# whose keys fail verification, then alone again; prints the valid calls' percentiles per phase and the flood's
# statuses:
#
#   scripts/load-test.sh auth-flood [valid clients] [calls/s per client] [flood calls] [flood connections]
#                        [quiet seconds] [random|same]        (defaults: 4 5 10000 16 20 random)
#
# Prints: latency percentiles per kind and overall, statuses (5xx must be 0), the service's peak RSS (VmHWM of
# the JVM, and of the embedded PostgreSQL's processes), the export metrics by outcome, and the sessions left.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=load
if [[ "${1:-}" == "auth-flood" ]]; then
  MODE=auth-flood
  shift
fi
CLIENTS="${1:-32}"
SECONDS_TO_RUN="${2:-60}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -B -ntp package -DskipTests -q
fi

WORK="$(mktemp -d /tmp/export-load.XXXXXX)"
HTTP_PORT="$(free_port)"
MGMT_PORT="$(free_port)"
PG_PORT="$(free_port)"
SERVICE_PID=""
cleanup() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"            # SIGTERM: Quarkus stops, and stops its embedded PostgreSQL
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

EXPORT_EMBEDDED_DATA_DIR="$WORK/pg" EXPORT_EMBEDDED_PORT="$PG_PORT" \
  java ${JAVA_OPTS:-} -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.management.port="$MGMT_PORT" \
  -Dexport.rate-limit.secret-per-window=1000000 -Dexport.concurrency.per-key=64 -Dexport.concurrency.per-team=256 \
  -jar "${SERVICE_JAR:-adapter-rest-quarkus/target/quarkus-app/quarkus-run.jar}" > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
BASE="http://127.0.0.1:$HTTP_PORT"
MGMT="http://127.0.0.1:$MGMT_PORT"
for _ in $(seq 1 120); do
  if curl -fs "$MGMT/q/health/ready" > /dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fs "$MGMT/q/health/ready" > /dev/null || { echo "service did not become ready"; tail -50 "$WORK/service.log"; exit 1; }
echo "service pid=$SERVICE_PID http=$HTTP_PORT postgres=$PG_PORT java=$(java -version 2>&1 | head -1)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "other busy processes before the run (pcpu > 20, not this service):"
ps -eo pid,pcpu,args --sort=-pcpu | awk -v me="$SERVICE_PID" 'NR > 1 && $2 > 20 && $1 != me {print "  " substr($0, 1, 120)}' | head -5

# the embedded PostgreSQL: its postmaster (the process started with -D <data dir>) and the backends it forks
pg_pids() { local pm; for pm in $(pgrep -f -- "-D $WORK/pg" || true); do echo "$pm"; pgrep -P "$pm" || true; done; }
# proportional set size (shared buffers counted once, not once per backend), summed over those processes
pg_pss_kib() { local sum=0 v; for p in $(pg_pids); do v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0); sum=$((sum + ${v:-0})); done; echo "$sum"; }

echo "RSS before load: $(awk '/VmRSS/ {print $2, $3}' /proc/$SERVICE_PID/status)"
PG_PEAK=0
( while kill -0 "$SERVICE_PID" 2>/dev/null; do echo "$(pg_pss_kib) $(pg_pids | wc -l)"; sleep 1; done ) > "$WORK/pg-rss.txt" &
SAMPLER=$!

if [[ "$MODE" == "auth-flood" ]]; then
  java -Dservice.pid="$SERVICE_PID" -Ddatabase.pid="$(pgrep -f -- "-D $WORK/pg" | head -1)" \
    scripts/AuthFlood.java "$BASE" "${1:-4}" "${2:-5}" "${3:-10000}" "${4:-16}" "${5:-20}" "${6:-random}" 127.0.0.2 \
    | tee "$WORK/load.txt"
else
  java scripts/LoadTest.java "$BASE" "$CLIENTS" "$SECONDS_TO_RUN" | tee "$WORK/load.txt"
fi

kill "$SAMPLER" 2>/dev/null || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
PG_PEAK=$(sort -n "$WORK/pg-rss.txt" | tail -1 | cut -d' ' -f1)
PG_PROCS=$(sort -n -k2 "$WORK/pg-rss.txt" | tail -1 | cut -d' ' -f2)
echo "service peak RSS (VmHWM of the JVM): $(awk '/VmHWM/ {print $2, $3}' /proc/$SERVICE_PID/status)"
echo "service RSS after load (VmRSS):      $(awk '/VmRSS/ {print $2, $3}' /proc/$SERVICE_PID/status)"
echo "embedded PostgreSQL peak memory, PSS summed over its processes (1 s samples): ${PG_PEAK:-0} kB; most processes: ${PG_PROCS:-0}"

echo "export_requests_total by outcome (from /q/metrics):"
curl -fs "$MGMT/q/metrics" | grep '^export_requests_total' | sed 's/^/  /'

sleep 2
LEFT=$(psql -h localhost -p "$PG_PORT" -U postgres -At -c "select count(*) from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid() and state <> 'idle'" postgres 2>/dev/null || echo "psql not available")
echo "database sessions left busy or in a transaction after the run: $LEFT"
echo "ERROR lines in the service log: $(grep -c 'ERROR' "$WORK/service.log" || true)"

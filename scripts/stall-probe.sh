#!/usr/bin/env bash
# Stalled clients against the packaged service (not part of ./mvnw verify): N clients start a large export and then
# stop reading (tiny receive buffer, no read). Each export holds a pooled connection and an open transaction while
# its writes are blocked. The script shows how long they hold them and what another caller gets meanwhile.
#
#   scripts/stall-probe.sh [clients] [extra JVM options]       (SKIP_BUILD=1 to reuse the last build)
#   e.g. scripts/stall-probe.sh 20                             the defaults (HTTP idle timeout 30 minutes)
#        scripts/stall-probe.sh 20 -Dquarkus.http.idle-timeout=60S
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS="${1:-20}"
EXTRA="${2:-}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then ./mvnw -B -ntp package -DskipTests -q; fi

WORK="$(mktemp -d /tmp/export-stall.XXXXXX)"
HTTP_PORT="$(free_port)"
MGMT_PORT="$(free_port)"
PG_PORT="$(free_port)"
SERVICE_PID=""
cleanup() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"; for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck disable=SC2086
EXPORT_EMBEDDED_DATA_DIR="$WORK/pg" EXPORT_EMBEDDED_PORT="$PG_PORT" \
  java $EXTRA -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.management.port="$MGMT_PORT" \
  -Dexport.rate-limit.secret-per-window=1000000 -Dexport.concurrency.per-key=64 -Dexport.concurrency.per-team=256 \
  -jar adapter-rest-quarkus/target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$MGMT_PORT/q/health/ready" > /dev/null 2>&1 && break; sleep 0.5; done
echo "service on 127.0.0.1:$HTTP_PORT with: ${EXTRA:-defaults}; pool max-size 20, acquisition timeout 5 s"

python3 - "$HTTP_PORT" "$PG_PORT" "$CLIENTS" <<'PY'
import socket, subprocess, sys, time
port, pg, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
team, key = "5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b", "sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1"
body = b'{"resources":[{"type":"tickets"},{"type":"customers"}]}'
def busy():
    return subprocess.run(["psql", "-h", "localhost", "-p", pg, "-U", "postgres", "-At", "-c",
        "select count(*) from pg_stat_activity where backend_type = 'client backend' and state <> 'idle' "
        "and pid <> pg_backend_pid()", "postgres"], capture_output=True, text=True).stdout.strip()
def other_caller():
    return subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} in %{time_total} s", "-X", "POST",
        "http://127.0.0.1:%d/api/v1/teams/%s/export" % (port, team), "-H", "Authorization: Bearer " + key,
        "-H", "Content-Type: application/json", "-d", '{"resources":[{"type":"articles","fields":["id"]}]}'],
        capture_output=True, text=True).stdout
sockets = []
for i in range(n):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(("127.0.0.1", port))
    s.sendall(("POST /api/v1/teams/%s/export HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
               "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (team, key, len(body))).encode() + body)
    sockets.append(s)
time.sleep(2)
start = time.time()
print("%d clients stopped reading; database sessions busy or in a transaction: %s" % (n, busy()))
print("another caller's small export meanwhile: " + other_caller())
while time.time() - start < 120:
    b = busy()
    if b == "0":
        print("all sessions released %.0f s after the clients stopped reading" % (time.time() - start + 2))
        print("another caller's small export now: " + other_caller())
        break
    time.sleep(1)
else:
    print("after 120 s, sessions still busy: %s (they are held until the HTTP idle timeout)" % busy())
for s in sockets:
    s.close()
PY

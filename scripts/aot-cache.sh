#!/usr/bin/env bash
# Makes a JVM AOT cache of the packaged service (JEP 483/514, JDK 25 or later): one training run that starts the
# service on a throw-away embedded database, answers one export of the demo team, and stops; the JVM writes at its
# exit what it loaded and linked into adapter-rest-quarkus/target/quarkus-app/app.aot. Later starts with the same
# JDK, from that folder, use it:
#   (cd adapter-rest-quarkus/target/quarkus-app && <jdk25>/bin/java -XX:AOTCache=app.aot \
#      -Dexport.embedded.data-dir=../../../.data/postgres -jar quarkus-run.jar)
# The build and the tests stay on JDK 17; a cache is tied to the JDK and the class path that made it (another JDK or
# a rebuilt jar: the JVM says so and starts without it).
#   scripts/aot-cache.sh [path to a JDK 25 java]      (default: /usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP="$ROOT/adapter-rest-quarkus/target/quarkus-app"
JAVA=${1:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[[ -x "$JAVA" ]] || { echo "no java at $JAVA (a JDK 25 or later)" >&2; exit 2; }
[[ -f "$APP/quarkus-run.jar" ]] || { echo "build first: ./mvnw -B -ntp package -Dmaven.test.skip=true -pl adapter-rest-quarkus -am" >&2; exit 1; }
WORK=$(mktemp -d /tmp/aot-cache.XXXXXX)
PID=
cleanup() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
rm -f "$APP/app.aot"
(cd "$APP" && exec "$JAVA" -XX:AOTCacheOutput=app.aot -Dexport.embedded.data-dir="$WORK/pg" \
  -Dexport.embedded.port=0 -Dquarkus.http.port=18081 -Dquarkus.management.port=19001 -jar quarkus-run.jar) \
  > "$WORK/log.txt" 2>&1 &
PID=$!
for _ in $(seq 1 600); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST \
    "http://127.0.0.1:18081/api/v1/teams/5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b/export" \
    -H "Authorization: Bearer sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1" -H 'Content-Type: application/json' \
    -d '{"resources":[{"type":"articles","fields":["id","title"]}]}' 2>/dev/null || true)
  [[ "$code" == 200 ]] && break
  kill -0 "$PID" 2>/dev/null || { echo "the training run stopped:" >&2; tail -30 "$WORK/log.txt" >&2; exit 1; }
  sleep 0.1
done
[[ "$code" == 200 ]] || { echo "the training run answered no export" >&2; exit 1; }
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
[[ -f "$APP/app.aot" ]] || { echo "no cache was written:" >&2; tail -30 "$WORK/log.txt" >&2; exit 1; }
echo "made $APP/app.aot ($(du -h "$APP/app.aot" | cut -f1)) with $("$JAVA" -version 2>&1 | head -1)"

#!/usr/bin/env bash
# Time from `java` to a ready service (/q/health/ready answers 200), or to its first export answered (--export), as
# the README starts it, on the packaged build.
#   scripts/start-time.sh [--runs N] [--export] [--java PATH] [--cds | --aot] [--fresh [--load]]
#   --export  time to the first export answered 200 (a small JSON export of the demo team), not to readiness
#   --java    the java binary to run (default: java on the PATH), e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
#   --cds     run from target/quarkus-app with the build's AppCDS archive (-XX:SharedArchiveFile=app-cds.jsa; build it
#             with -Dquarkus.package.jar.appcds.enabled=true)
#   --aot     run from target/quarkus-app with the JVM AOT cache scripts/aot-cache.sh made (-XX:AOTCache=app.aot;
#             JDK 25 or later, the same JDK that made it)
#   --fresh   a new data folder for every run: the first start (a copy of the build's demo database, see
#             assembly.PreparedDemoDatabase); otherwise one folder, initialised by an untimed first start, for every run
#   --load    with --fresh: the first start without the build's demo database (export.embedded.demo-database=none):
#             initdb, migrations and the demo dataset load
# Prints each run (ms to ready or to the first export, Quarkus' "started in", the demo load's time where there was one)
# and the median. Build first: ./mvnw -B -ntp package -Dmaven.test.skip=true -pl adapter-rest-quarkus -am. Uses ports 18080 and
# 19000 and a folder under /tmp.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP="$ROOT/adapter-rest-quarkus/target/quarkus-app"
RUNS=5 CDS=0 AOT=0 FRESH=0 LOAD=0 EXPORT=0 JAVA=java
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS=$2; shift ;;
    --export) EXPORT=1 ;;
    --java) JAVA=$2; shift ;;
    --cds) CDS=1 ;;
    --aot) AOT=1 ;;
    --fresh) FRESH=1 ;;
    --load) LOAD=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [[ $LOAD == 1 && $FRESH == 0 ]]; then echo "--load goes with --fresh" >&2; exit 2; fi
if [[ $CDS == 1 && $AOT == 1 ]]; then echo "--cds or --aot, not both" >&2; exit 2; fi
[[ -f "$APP/quarkus-run.jar" ]] || { echo "build first: ./mvnw -B -ntp package -Dmaven.test.skip=true -pl adapter-rest-quarkus -am" >&2; exit 1; }
if [[ $CDS == 1 && ! -f "$APP/app-cds.jsa" ]]; then echo "no $APP/app-cds.jsa: build with -Dquarkus.package.jar.appcds.enabled=true" >&2; exit 1; fi
if [[ $AOT == 1 && ! -f "$APP/app.aot" ]]; then echo "no $APP/app.aot: make it with scripts/aot-cache.sh" >&2; exit 1; fi
TEAM=5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b
KEY=sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1
WORK=$(mktemp -d /tmp/start-time.XXXXXX)
PID=
cleanup() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# readiness, or with --export the first export answered 200
ready() {
  if [[ $EXPORT == 1 ]]; then
    [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:18080/api/v1/teams/$TEAM/export" \
      -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
      -d '{"resources":[{"type":"articles","fields":["id","title"]}]}' 2>/dev/null) == 200 ]]
  else
    curl -sf -o /dev/null http://127.0.0.1:19000/q/health/ready
  fi
}

run_once() { # $1 data folder; prints "ms started load"
  local data=$1 t0 t1 opts=()
  [[ $CDS == 1 ]] && opts=(-XX:SharedArchiveFile=app-cds.jsa)
  [[ $AOT == 1 ]] && opts=(-XX:AOTCache=app.aot)
  [[ $LOAD == 1 ]] && opts+=(-Dexport.embedded.demo-database=none)
  t0=$(date +%s%N)
  (cd "$APP" && exec "$JAVA" "${opts[@]}" -Dexport.embedded.data-dir="$data" -Dquarkus.http.port=18080 \
    -Dquarkus.management.port=19000 -jar quarkus-run.jar) > "$WORK/log.txt" 2>&1 &
  PID=$!
  until ready; do
    kill -0 "$PID" 2>/dev/null || { echo "the service stopped:" >&2; tail -20 "$WORK/log.txt" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  if grep -q "Unable to use shared archive\|Unable to map shared spaces\|AOT cache .* cannot be used\|error.*AOTCache" "$WORK/log.txt"; then
    echo "the JVM did not use the archive or cache:" >&2; grep -i "archive\|aot" "$WORK/log.txt" >&2; exit 1
  fi
  local started load
  started=$(sed -n 's/.*started in \([0-9.]*s\).*/\1/p' "$WORK/log.txt" | head -1)
  load=$(sed -n 's/.*Demo dataset loaded in \([0-9]* ms\).*/\1/p' "$WORK/log.txt" | head -1)
  [[ -z "$load" ]] && load=$(sed -n 's/.*copied the demo database the build prepared .* in \([0-9]* ms\).*/copied in \1/p' "$WORK/log.txt" | head -1)
  echo "$(( (t1 - t0) / 1000000 ))|${started:--}|${load:-none}"
}

WHAT="ready"; [[ $EXPORT == 1 ]] && WHAT="first export answered"
[[ $FRESH == 0 ]] && run_once "$WORK/pg" > /dev/null
results=()
for ((i = 1; i <= RUNS; i++)); do
  data="$WORK/pg"; [[ $FRESH == 1 ]] && { data="$WORK/pg$i"; }
  line=$(run_once "$data")
  IFS='|' read -r ms started load <<< "$line"
  echo "run $i: $WHAT after $ms ms (Quarkus started in $started, demo load $load)"
  results+=("$ms")
  [[ $FRESH == 1 ]] && rm -rf "$data"
done
median=$(printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "median $WHAT after $median ms ($RUNS runs, $("$JAVA" -version 2>&1 | head -1)$([[ $CDS == 1 ]] && echo ', AppCDS')$([[ $AOT == 1 ]] && echo ', AOT cache')$([[ $FRESH == 1 ]] && echo ', first starts')$([[ $LOAD == 1 ]] && echo ', demo dataset loaded'))"

#!/usr/bin/env bash
# Time from a fresh clone to the first export answered, as a new user goes: the README's run command (build, then
# start on the embedded demo database), then a small export of the demo team, polled until it answers 200.
#   scripts/first-export.sh [--empty-repo]
#   --empty-repo   with a Maven repository of its own, empty (everything is downloaded: Maven, plugins, libraries);
#                  without it, the user's repository as it is (warm)
# KEEP_LOG=FILE keeps the build's log there.
# Prints the build's time, the start's time (to the first export) and the whole. Clones this checkout's HEAD into a
# folder under /tmp; uses ports 18180, 19180 and a free one for PostgreSQL.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EMPTY=0
[[ "${1:-}" == "--empty-repo" ]] && EMPTY=1
WORK=$(mktemp -d /tmp/first-export.XXXXXX)
PID=
cleanup() {
  if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  [[ -n "${KEEP_LOG:-}" ]] && cp "$WORK/build.log" "$KEEP_LOG"
  rm -rf "$WORK"
}
trap cleanup EXIT
git clone -q "$ROOT" "$WORK/clone"
cd "$WORK/clone"
if [[ $EMPTY == 1 ]]; then
  mkdir -p "$WORK/home"
  export HOME="$WORK/home" MAVEN_OPTS="-Duser.home=$WORK/home"
fi
RUN=$(sed -n '/^\*\*Run the service\*\*/,/^```$/p' README.md | sed -n '/^```bash$/,/^```$/p' | grep -v '^```' | head -1)
BUILD=${RUN%% && *}
START=${RUN#* && }
echo "build: $BUILD" >&2
echo "start: $START" >&2
t0=$(date +%s%N)
bash -c "$BUILD" > "$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log" >&2; exit 1; }
t1=$(date +%s%N)
bash -c "exec ${START/#java /java -Dquarkus.http.port=18180 -Dquarkus.management.port=19180 -Dexport.embedded.port=0 }" \
  > "$WORK/start.log" 2>&1 &
PID=$!
until [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST \
    "http://127.0.0.1:18180/api/v1/teams/5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b/export" \
    -H "Authorization: Bearer sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1" -H 'Content-Type: application/json' \
    -d '{"resources":[{"type":"tickets","fields":["id","title"]}],"format":"csv"}' 2>/dev/null) == 200 ]]; do
  kill -0 "$PID" 2>/dev/null || { echo "the service stopped:" >&2; tail -30 "$WORK/start.log" >&2; exit 1; }
  sleep 0.05
done
t2=$(date +%s%N)
printf 'clone -> first export: build %.1f s, start to first export %.1f s, together %.1f s (%s Maven repository)\n' \
  "$(echo "($t1 - $t0) / 1000000000" | bc -l)" "$(echo "($t2 - $t1) / 1000000000" | bc -l)" \
  "$(echo "($t2 - $t0) / 1000000000" | bc -l)" "$([[ $EMPTY == 1 ]] && echo 'an empty' || echo 'a warm')"
echo "first lines the start printed:" >&2
head -12 "$WORK/start.log" | cut -c1-160 >&2

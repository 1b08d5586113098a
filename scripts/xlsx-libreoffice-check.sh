#!/usr/bin/env bash
# Opens an XLSX export in LibreOffice (headless), a reader this project did not write, and compares every sheet with
# the service's CSV export of the same rows.
#
#   scripts/xlsx-libreoffice-check.sh        (SKIP_BUILD=1 to reuse the last build; needs python3 and LibreOffice:
#                                             apt-get update && apt-get install -y libreoffice-calc-nogui)
#
# Starts the packaged service on a temporary embedded PostgreSQL (demo dataset) and free ports, talking to 127.0.0.1
# only; exports the five types as one workbook and each type as CSV; converts every sheet of the workbook to CSV with
# `soffice --headless --convert-to csv` (cells as shown); and compares cell for cell. What differs by design is undone
# before comparing, and nothing else: the CSV's apostrophe before a text that starts with =, +, -, @, tab or CR (the
# workbook holds the text as it is); ` (UTC)` after a time's header; a time's ISO text to the microsecond against the
# cell's `yyyy-mm-dd hh:mm:ss.000` (compared to the millisecond); numbers compared as numbers (a spreadsheet shows
# 1.50 as 1.5); booleans TRUE/FALSE against true/false; and line breaks inside a cell, which LibreOffice keeps as a
# paragraph break whatever they were (CR LF and a bare CR come out as LF; the workbook holds them as stored, which
# the tests' reader, Apache POI, checks), counted apart; and a time whose millisecond LibreOffice shows one off the
# ISO text rounded: the cell holds the time as a binary fraction of a day (within a microsecond of the stored one),
# and LibreOffice rounds a time a few microseconds from half a millisecond either way (seen: .160495 shown .161), so
# a time shown within a millisecond of the stored one is counted apart too.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice > /dev/null || { echo "LibreOffice is needed: apt-get update && apt-get install -y libreoffice-calc-nogui" >&2; exit 2; }
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -B -ntp package -DskipTests -pl adapter-rest-quarkus -am > /dev/null
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
WORK="$(mktemp -d /tmp/xlsx-libreoffice.XXXXXX)"
HTTP_PORT="$(free_port)"; MGMT_PORT="$(free_port)"; PG_PORT="$(free_port)"
SERVICE_PID=""
cleanup() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"; for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

EXPORT_EMBEDDED_DATA_DIR="$WORK/pg" EXPORT_EMBEDDED_PORT="$PG_PORT" \
  java -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.management.port="$MGMT_PORT" \
  -jar adapter-rest-quarkus/target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$MGMT_PORT/q/health/ready" > /dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$MGMT_PORT/q/health/ready" > /dev/null || { echo "service did not become ready"; tail -50 "$WORK/service.log"; exit 1; }

TEAM=5f3a2c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b
KEY=sk_live_OWNRdemo7Qx2Lp9Vt4Kw8Nz3Bc5Dm6Fh1
TYPES=(tickets customers articles messages members)
export_to() { # $1: file, $2: body
  curl -fsS -o "$1" -X POST "http://127.0.0.1:$HTTP_PORT/api/v1/teams/$TEAM/export" \
    -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "$2"
}
export_to "$WORK/export.xlsx" '{"resources":[{"type":"tickets"},{"type":"customers"},{"type":"articles"},{"type":"messages"},{"type":"members"}],"format":"xlsx"}'
for type in "${TYPES[@]}"; do
  export_to "$WORK/$type.csv" "{\"resources\":[{\"type\":\"$type\"}],\"format\":\"csv\"}"
done
echo "exported: export.xlsx ($(stat -c %s "$WORK/export.xlsx") bytes) and a CSV file of each type"

# every sheet to CSV: comma, double quote, UTF-8 (76), from line 1, cells as shown (9th token), all sheets (-1)
( cd "$WORK" && soffice --headless -env:UserInstallation="file://$WORK/lo-profile" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' export.xlsx > lo.log 2>&1 ) \
  || { cat "$WORK/lo.log"; exit 1; }
echo "LibreOffice: $(soffice --version | head -1); sheets converted: $(cd "$WORK" && ls export-*.csv | tr '\n' ' ')"

echo "the _export sheet as LibreOffice shows it:"; sed 's/^/    /' "$WORK/export-_export.csv"

python3 - "$WORK" "${TYPES[@]}" <<'PY'
import csv, sys, datetime, decimal
work, types = sys.argv[1], sys.argv[2:]
def read(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.reader(f))
def unguard(cell):
    return cell[1:] if len(cell) >= 2 and cell[0] == "'" and cell[1] in "=+-@\t\r" else cell
def as_time(text):
    try:
        t = datetime.datetime.fromisoformat(text.replace('Z', '+00:00'))
    except ValueError:
        return None
    ms = (t.microsecond + 500) // 1000
    t = t.replace(microsecond=0) + datetime.timedelta(milliseconds=ms)
    return t.strftime('%Y-%m-%d %H:%M:%S.') + '%03d' % (t.microsecond // 1000)
def millis_apart(shown, iso):
    try:
        a = datetime.datetime.strptime(shown, '%Y-%m-%d %H:%M:%S.%f')
        b = datetime.datetime.fromisoformat(iso.replace('Z', '+00:00')).replace(tzinfo=None)
    except ValueError:
        return None
    return abs((a - b).total_seconds()) * 1000
def number(text):
    try:
        return decimal.Decimal(text)
    except decimal.InvalidOperation:
        return None
failures = 0
for type in types:
    sheet, service = read(f'{work}/export-{type}.csv'), read(f'{work}/{type}.csv')
    header = [h[:-len(' (UTC)')] if h.endswith(' (UTC)') else h for h in sheet[0]]
    times = {i for i, h in enumerate(sheet[0]) if h.endswith(' (UTC)')}
    problems = []
    if header != service[0]:
        problems.append(f'header {sheet[0]} vs {service[0]}')
    if len(sheet) != len(service):
        problems.append(f'{len(sheet) - 1} rows in the sheet, {len(service) - 1} in the CSV file')
    cells = breaks = half = 0
    worst = 0.0
    for r, (a, b) in enumerate(zip(sheet[1:], service[1:]), start=1):
        b = b + [''] * (len(service[0]) - len(b))
        a = a + [''] * (len(service[0]) - len(a))
        for c, (x, y) in enumerate(zip(a, b)):
            cells += 1
            y = unguard(y)
            iso = y
            if c in times and y:
                y = as_time(y)
            if x == y or (x.upper() in ('TRUE', 'FALSE') and x.lower() == y):
                continue
            if x == y.replace('\r\n', '\n').replace('\r', '\n'):
                breaks += 1
                continue
            if c in times and iso:
                apart = millis_apart(x, iso)
                if apart is not None and apart < 1:
                    half += 1
                    worst = max(worst, apart)
                    continue
            nx, ny = number(x), number(y)
            if nx is not None and ny is not None and nx == ny:
                continue
            problems.append(f'row {r} {service[0][c]}: sheet {x[:120]!r}, CSV {iso[:120]!r}')
    failures += len(problems)
    print(f'{type}: {len(sheet) - 1} rows, {cells} cells compared, {len(problems)} differences '
          f'({breaks} cells equal once CR LF and CR are read as LF; {half} times shown a millisecond off the '
          f'rounded text, at most {worst:.4f} ms from the stored time)')
    for p in problems[:10]:
        print('   ', p)
print('ALL SHEETS MATCH THE CSV EXPORTS' if failures == 0 else f'{failures} DIFFERENCES')
sys.exit(1 if failures else 0)
PY

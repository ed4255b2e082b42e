#!/usr/bin/env bash
# Load test on this machine: a throw-away SQLite register with the demo scenario, OPERATORS village
# operator accounts, `tuntas serve` on a free loopback port, and tools/Tuntas.Load driving it for
# SECONDS with a mix of reads (household page and API, region list, dashboard API) and writes
# (usul submitted through the real /usul page with its antiforgery token). Afterwards it checks
# that every write the server accepted is stored exactly once and that the audit chain is intact.
# Usage: scripts/load-test.sh [OPERATORS=200] [SECONDS=180]
# Environment: THINK_MS (default 1000-3000, pause between one operator's actions),
#              LOAD_DEMO_DB (a demo database to copy instead of loading the demo again).
set -euo pipefail
cd "$(dirname "$0")/.."
operators="${1:-200}"
seconds="${2:-180}"
think="${THINK_MS:-1000-3000}"
work="$(mktemp -d -t tuntas-load-XXXXXX)"
db="sqlite:$work/load.db"
password="uji-beban-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

./tuntas nik 6474014101900001 >/dev/null || true   # builds the command if needed
echo "== building the load generator" >&2
dotnet build tools/Tuntas.Load/Tuntas.Load.csproj -c Release -o .build/load --nologo -v q "-clp:ErrorsOnly;NoSummary" >&2
load() { dotnet .build/load/tuntas-load.dll "$@"; }

if [[ -n "${LOAD_DEMO_DB:-}" ]]; then
  echo "== copying the demo database $LOAD_DEMO_DB" >&2
  ./tuntas restore "$LOAD_DEMO_DB" --db "$db" >/dev/null
else
  echo "== loading the demo scenario into $db" >&2
  start=$(date +%s.%N)
  ./tuntas demo --db "$db" >/dev/null
  echo "   demo loaded in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
fi

echo "== creating $operators operator accounts" >&2
load setup --db "$db" --operators "$operators" --password "$password" --accounts "$work/accounts.csv"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port"
echo "== starting tuntas serve on $url" >&2
# The operators sign in from one loopback address here; in the field each comes from its own.
Tuntas__Limits__SignIn=100000 ./tuntas serve --db "$db" --urls "$url" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  if curl -fsS "$url/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/serve.log" >&2; exit 2; fi
  sleep 0.5
done
curl -fsS "$url/health" >/dev/null

echo "== $operators operators for $seconds s, think time $think ms" >&2
status=0
load run --url "$url" --accounts "$work/accounts.csv" --password "$password" --seconds "$seconds" \
  --think-ms "$think" --results "$work/written.txt" || status=$?
rss=$(awk '/VmHWM/ {print $2/1024 " MB"}' "/proc/$server/status" 2>/dev/null || echo "?")
echo "server peak memory (VmHWM): $rss"
kill "$server"; wait "$server" 2>/dev/null || true; server=""

echo "== checking that no write was lost" >&2
load verify --db "$db" --results "$work/written.txt" || status=$?
./tuntas audit verify --db "$db" || status=$?
if grep -qiE "database is locked|SQLITE_BUSY|unhandled exception" "$work/serve.log"; then
  echo "the server log shows database errors:" >&2
  grep -iE "database is locked|SQLITE_BUSY|unhandled exception" "$work/serve.log" | head -5 >&2
  status=3
fi
exit "$status"

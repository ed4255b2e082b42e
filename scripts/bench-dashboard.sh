#!/usr/bin/env bash
# Province-scale figures benchmark. Generates HOUSEHOLDS families under province 64 (Kalimantan
# Timur), imports them, spreads a verification history over 2022-2025 (listing, verification,
# graduation, exclusion on varied days), rebuilds the day counts, then serves the app on a loopback
# port and times GET /api/v1/stats and GET /api/v1/dashboard as a province user: the answers come
# from the maintained day counts. The same figures read straight from the status history, and a
# plain count of the status column, are timed on the same data for comparison.
# Usage: scripts/bench-dashboard.sh [HOUSEHOLDS] [REQUESTS]   (defaults 1200000 and 50)
# With BENCH_DIR=DIR the database is kept there, and a later run with the same DIR skips straight
# to the timings (to time on a quiet machine a database built earlier).
set -euo pipefail
cd "$(dirname "$0")/.."
households="${1:-1200000}"
requests="${2:-50}"
at=2025-06-30
work="${BENCH_DIR:-$(mktemp -d /tmp/tuntas-bench-dashboard.XXXXXX)}"
mkdir -p "$work"
db="$work/tuntas.db"
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; [[ -z "${BENCH_DIR:-}" ]] && rm -rf "$work"; return 0; }
trap cleanup EXIT
seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc; }

if [[ ! -f "$work/ready" ]]; then
./tuntas generate --households "$households" --seed 1 --region 64 --out "$work/households.csv" >&2
./tuntas init --db "sqlite:$db" >/dev/null 2>&1
import_s=$(seconds ./tuntas import "$work/households.csv" --db "sqlite:$db" --json)

# A history (scripts/bench-history.sql): listings, verifications, graduations and exclusions over 2022-2025.
sqlite3 "$db" < scripts/bench-history.sql
rebuild_s=$(seconds ./tuntas figures rebuild --db "sqlite:$db" --json)
check=$(./tuntas figures check --region 64 --at "$at" --db "sqlite:$db" --json)
printf 'households: %s, status events: %s, day-count rows: %s, import %.1f s, rebuild %.1f s\n' "$households" \
  "$(sqlite3 "$db" 'SELECT COUNT(*) FROM HouseholdStatusEvents')" "$(sqlite3 "$db" 'SELECT COUNT(*) FROM RegionDayCounts')" "$import_s" "$rebuild_s"
echo "$check" | python3 -c 'import json,sys; c=json.load(sys.stdin); print("province 64 on %s: day counts agree with the history: %s (%d households); history read %.0f ms, day counts %.1f ms (first call)" % (c["at"], c["agree"], c["dayCounts"]["extremePoor"]["households"], c["historyMs"], c["dayCountsMs"]))'

# A province user and a token.
printf 'bench-Password-1\n' | ./tuntas user add --name bench.kaltim --role province --region 64 --password-stdin --db "sqlite:$db" >/dev/null
./tuntas token create --user bench.kaltim --db "sqlite:$db" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' > "$work/token"
touch "$work/ready"
fi

# The server on a free loopback port.
token=$(cat "$work/token")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
./tuntas serve --urls "http://127.0.0.1:$port" --db "sqlite:$db" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done

regency=$(sqlite3 "$db" "SELECT RegencyCode FROM HouseholdStatusEvents GROUP BY RegencyCode ORDER BY COUNT(*) DESC LIMIT 1")
district=$(sqlite3 "$db" "SELECT DistrictCode FROM HouseholdStatusEvents GROUP BY DistrictCode ORDER BY COUNT(*) DESC LIMIT 1")
# p50 and p95 in milliseconds of REQUESTS sequential calls (after 5 warm-up calls).
timed() {
  local url="http://127.0.0.1:$port$1"
  for _ in 1 2 3 4 5; do curl -fs -H "Authorization: Bearer $token" "$url" >/dev/null; done
  for _ in $(seq 1 "$requests"); do curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"; done |
    sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "p50 %6.1f ms  p95 %6.1f ms", t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)] }'
}
for region in 64 "$regency" "$district"; do
  printf '%-10s stats:     %s\n' "$region" "$(timed "/api/v1/stats?region=$region&at=$at")"
  printf '%-10s dashboard: %s\n' "$region" "$(timed "/api/v1/dashboard?region=$region&at=$at")"
done
printf '%-10s health:    %s   (the server doing nothing: the floor of a request)\n' "-" "$(timed "/health")"

# The plain count of the status column (no dates, no history), by sqlite3 on the same file.
plain_ms=$(for _ in 1 2 3 4 5; do printf '.timer on\nSELECT "Status", COUNT(*) FROM Households WHERE ProvinceCode = '"'"'64'"'"' GROUP BY "Status";\n' | sqlite3 "$db" 2>&1 | awk '/^Run Time/ {printf "%.2f\n", $4 * 1000}'; done | sort -n | head -1)
printf 'sqlite3 plain status-column count over the province: %.1f ms\n' "$plain_ms"

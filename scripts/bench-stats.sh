#!/usr/bin/env bash
# Figures benchmark: the as-of-date headline query of `tuntas stats` (computed from the dated
# status history) against a plain count of the status column on the same SQLite data, by sqlite3.
# Usage: scripts/bench-stats.sh [HOUSEHOLDS]
set -euo pipefail
cd "$(dirname "$0")/.."
households="${1:-100000}"
work="$(mktemp -d /tmp/tuntas-bench-stats.XXXXXX)"
trap 'rm -rf "$work"' EXIT
db="$work/tuntas.db"

./tuntas generate --households "$households" --seed 1 --region 64 --out "$work/households.csv" >&2
./tuntas init --db "sqlite:$db" >/dev/null 2>&1
./tuntas import "$work/households.csv" --db "sqlite:$db" --json >/dev/null
today=$(TZ=Asia/Makassar date +%F)
printf 'households: %s, status events: %s\n' "$households" "$(sqlite3 "$db" 'SELECT COUNT(*) FROM HouseholdStatusEvents')"

# The query alone, in milliseconds: TUNTAS_STATS_TIMING=1 makes the command print it on stderr.
best() { sort -n | head -1; }
tuntas_ms=$(for _ in 1 2 3 4 5; do TUNTAS_STATS_TIMING=1 ./tuntas stats --region 64 --at "$today" --db "sqlite:$db" --json 2>&1 >/dev/null | awk '/query ms/ {print $3}'; done | best)
plain_ms=$(for _ in 1 2 3 4 5; do sqlite3 "$db" ".timer on" "SELECT Status, COUNT(*) FROM Households WHERE ProvinceCode = '64' GROUP BY Status;" | awk '/^Run Time/ {printf "%.1f\n", $4 * 1000}'; done | best)
awk -v t="$tuntas_ms" -v p="$plain_ms" 'BEGIN { printf "sqlite: plain status count %.1f ms | tuntas stats (as of a date, from history) %.1f ms (%.1fx)\n", p, t, t / (p > 0 ? p : 0.1) }'

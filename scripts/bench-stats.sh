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
sql_ms() { for _ in 1 2 3 4 5; do printf ".timer on\n%s\n" "$1" | sqlite3 "$db" 2>&1 | awk '/^Run Time/ {printf "%.2f\n", $4 * 1000}'; done | best; }
# The count a mutable status column would give (no history, no dates).
plain_ms=$(sql_ms "SELECT Status, COUNT(*) FROM Households WHERE ProvinceCode = '64' GROUP BY Status;")
# The same as-of question written by hand: each household's last event on or before the day.
asof_ms=$(sql_ms "SELECT e.\"To\", COUNT(*) FROM HouseholdStatusEvents e
  WHERE e.ProvinceCode = '64' AND e.EffectiveDate <= '$today' AND NOT EXISTS (SELECT 1 FROM HouseholdStatusEvents o
  WHERE o.HouseholdId = e.HouseholdId AND o.EffectiveDate <= '$today' AND (o.EffectiveDate > e.EffectiveDate OR (o.EffectiveDate = e.EffectiveDate AND o.Id > e.Id))) GROUP BY e.\"To\";")
awk -v t="$tuntas_ms" -v p="$plain_ms" -v a="$asof_ms" 'BEGIN {
  printf "sqlite: status column count %.2f ms | hand-written as-of SQL %.2f ms | tuntas stats %.1f ms (%.1fx the hand-written SQL)\n", p, a, t, t / (a > 0 ? a : 0.01) }'

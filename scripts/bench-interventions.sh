#!/usr/bin/env bash
# Recipient list benchmark: `tuntas interventions import` of a PBI-JK list naming every member of
# the register (plus 1% numbers the register does not know), against sqlite3's own bulk load of
# the same CSV into a plain table; then the same list again (nothing to add), and `tuntas gaps`.
# Usage: scripts/bench-interventions.sh [HOUSEHOLDS]
set -euo pipefail
cd "$(dirname "$0")/.."
households="${1:-50000}"
work="$(mktemp -d /tmp/tuntas-bench-interventions.XXXXXX)"
trap 'rm -rf "$work"' EXIT
db="$work/tuntas.db"

./tuntas generate --households "$households" --seed 1 --region 64.74 --out "$work/households.csv" >&2
./tuntas init --db "sqlite:$db" >/dev/null 2>&1
./tuntas import "$work/households.csv" --db "sqlite:$db" --json >/dev/null || true
./tuntas classify --region 64.74 --db "sqlite:$db" >/dev/null

list="$work/pbi-jk.csv"
{
  echo "nik,tanggal,tanggal_akhir,nilai,keterangan"
  sqlite3 -csv "$db" "SELECT Nik, '2025-01-02', '2025-12-31', 504000, 'PBI-JK 2025' FROM People ORDER BY Id;"
  sqlite3 -csv "$db" "SELECT '6474019' || substr('000000000' || Id, -9), '2025-01-02', '2025-12-31', 504000, 'tidak dikenal' FROM People WHERE Id % 100 = 0;"
} > "$list"
rows=$(($(wc -l < "$list") - 1))

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'; }
bulk=$(seconds sqlite3 "$work/bulk.db" ".import --csv $list recipients")
first=$(seconds ./tuntas interventions import "$list" --programme PBI-JK --db "sqlite:$db" --json)
again=$(seconds ./tuntas interventions import "$list" --programme PBI-JK --db "sqlite:$db" --json)
stats=$(seconds ./tuntas stats --region 64.74 --db "sqlite:$db" --json)
gaps=$(seconds ./tuntas gaps --region 64.74 --db "sqlite:$db" --json)
printf 'households: %s, list rows: %s, deliveries: %s, follow-up: %s\n' "$households" "$rows" \
  "$(sqlite3 "$db" 'SELECT COUNT(*) FROM Deliveries')" "$(sqlite3 "$db" 'SELECT COUNT(*) FROM UnmatchedRecipients')"
awk -v b="$bulk" -v f="$first" -v a="$again" -v s="$stats" -v g="$gaps" 'BEGIN {
  printf "sqlite3 .import %.2f s | tuntas interventions import %.2f s (%.1fx) | again %.2f s (%.1fx)\n", b, f, f / b, a, a / b
  printf "tuntas stats %.2f s | tuntas gaps %.2f s (whole commands, start-up included)\n", s, g }'

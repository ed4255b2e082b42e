#!/usr/bin/env bash
# Claim-audit benchmark at kabupaten scale. Generates HOUSEHOLDS families under one regency (default
# 130,000 in Kutai Timur, 64.08, about its real size), imports them, writes the benchmark history
# (scripts/bench-history.sql: every exit without a visit, so every exit is flagged), then times on the
# same SQLite file:
#   - tuntas anomalies --region REGENCY --json (every rule over the regency's whole history);
#   - tuntas claim-audit draw of 400 graduations (the server's seed; population, hash, draw, assignment, audit entry);
#   - the floor: sqlite3 reading the same status events (one plain query over the regency's history).
# Usage: scripts/bench-claim-audit.sh [HOUSEHOLDS] [REGENCY]   (defaults 130000 and 64.08)
# With BENCH_DIR=DIR the database is kept there, and a later run skips to the timings.
set -euo pipefail
cd "$(dirname "$0")/.."
households="${1:-130000}"
regency="${2:-64.08}"
work="${BENCH_DIR:-$(mktemp -d /tmp/tuntas-bench-claim-audit.XXXXXX)}"
mkdir -p "$work"
db="$work/tuntas.db"
cleanup() { [[ -z "${BENCH_DIR:-}" ]] && rm -rf "$work"; return 0; }
trap cleanup EXIT
seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc; }

if [[ ! -f "$work/ready" ]]; then
  ./tuntas generate --households "$households" --seed 1 --region "$regency" --out "$work/households.csv" >&2
  ./tuntas init --db "sqlite:$db" >/dev/null 2>&1
  ./tuntas import "$work/households.csv" --db "sqlite:$db" --json >/dev/null
  sqlite3 "$db" < scripts/bench-history.sql
  ./tuntas figures rebuild --db "sqlite:$db" --json >/dev/null
  printf 'bench-Password-1\n' | ./tuntas user add --name bench.verifier --role verifier --region "$regency" --password-stdin --db "sqlite:$db" >/dev/null
  touch "$work/ready"
fi

events=$(sqlite3 "$db" "SELECT COUNT(*) FROM HouseholdStatusEvents WHERE RegencyCode = '$regency'")
graduated=$(sqlite3 "$db" "SELECT COUNT(*) FROM HouseholdStatusEvents WHERE RegencyCode = '$regency' AND \"To\" = 'Graduated'")
printf 'households: %s, status events in %s: %s (graduations: %s)\n' "$households" "$regency" "$events" "$graduated"

# Best of three runs each, the command's start-up included (timed on its own below).
best() { for _ in 1 2 3; do seconds "$@"; done | sort -n | head -1; }
anomalies_s=$(best ./tuntas anomalies --region "$regency" --db "sqlite:$db" --json)
flags=$(./tuntas anomalies --region "$regency" --db "sqlite:$db" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["flags"]))')
draw_s=$(best ./tuntas claim-audit draw --region "$regency" --status graduated --from 2022-01-01 --to 2025-12-31 --size 400 --db "sqlite:$db" --json)
floor_ms=$(for _ in 1 2 3; do printf '.timer on\nSELECT COUNT(*), COUNT(DISTINCT HouseholdId), MAX(EffectiveDate), COUNT(DISTINCT Actor) FROM HouseholdStatusEvents WHERE RegencyCode = '"'$regency'"';\n' | sqlite3 "$db" 2>&1 | awk '/^Run Time/ {printf "%.1f\n", $4 * 1000}'; done | sort -n | head -1)
start_s=$(best ./tuntas regions --parent 64 --db "sqlite:$db" --json)
printf 'anomalies:        %.2f s (%s flags)\n' "$anomalies_s" "$flags"
printf 'draw 400:         %.2f s\n' "$draw_s"
printf 'command start-up: %.2f s (tuntas regions: any command that opens the database, checks its schema and reads a little)\n' "$start_s"
printf 'plain read of the events by sqlite3: %s ms\n' "$floor_ms"

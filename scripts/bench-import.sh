#!/usr/bin/env bash
# Import benchmark: times `tuntas import` of a generated file against the database's own bulk load
# of the same file (sqlite3 .import into a plain table; psql \copy into a plain table), and records
# peak memory. Usage: scripts/bench-import.sh [HOUSEHOLDS] [postgresql://...]
# Without a PostgreSQL URI only SQLite is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
households="${1:-100000}"
pg="${2:-}"
work="$(mktemp -d /tmp/tuntas-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
file="$work/households.csv"

./tuntas generate --households "$households" --seed 1 --region 64 --out "$file" >&2
rows=$(($(wc -l <"$file") - 1))
printf 'file: %s households, %s rows, %s MB\n' "$households" "$rows" "$(($(stat -c %s "$file") / 1048576))"

seconds() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1; }

./tuntas init --db "sqlite:$work/tuntas.db" >/dev/null 2>&1
read -r base_s _ < <(seconds sqlite3 "$work/plain.db" ".mode csv" ".import $file people")
read -r tuntas_s tuntas_kb < <(seconds ./tuntas import "$file" --db "sqlite:$work/tuntas.db" --json)
read -r again_s _ < <(seconds ./tuntas import "$file" --db "sqlite:$work/tuntas.db" --json)
awk -v b="$base_s" -v t="$tuntas_s" -v a="$again_s" -v m="$tuntas_kb" 'BEGIN {
  printf "sqlite:     sqlite3 .import %.2f s | tuntas import %.2f s (%.1fx), peak %d MB | re-import %.2f s\n", b, t, t / b, m / 1024, a }'

if [[ -n "$pg" ]]; then
  db="tuntas_bench_$$"
  admin="${pg%/*}/postgres"
  psql "$admin" -qc "CREATE DATABASE $db" >/dev/null
  uri="${pg%/*}/$db"
  psql "$uri" -qc "CREATE TABLE plain (no_kk text, kode_wilayah text, nik text, nama text, jenis_kelamin text, tanggal_lahir text, hubungan text, alamat text, pengeluaran_kapita text, desil text, pendidikan text, pekerjaan text, disabilitas text, jaminan_kesehatan text)"
  ./tuntas init --db "$uri" >/dev/null 2>&1
  read -r base_s _ < <(seconds psql "$uri" -qc "\\copy plain FROM '$file' WITH (FORMAT csv, HEADER true)")
  read -r tuntas_s tuntas_kb < <(seconds ./tuntas import "$file" --db "$uri" --json)
  read -r again_s _ < <(seconds ./tuntas import "$file" --db "$uri" --json)
  awk -v b="$base_s" -v t="$tuntas_s" -v a="$again_s" -v m="$tuntas_kb" 'BEGIN {
    printf "postgresql: psql \\copy %.2f s | tuntas import %.2f s (%.1fx), peak %d MB | re-import %.2f s\n", b, t, t / b, m / 1024, a }'
  psql "$admin" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
fi

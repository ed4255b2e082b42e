#!/usr/bin/env bash
# Refreshes the embedded Kemendagri region list from the npm package idn-area-data (ODbL).
# Usage: scripts/refresh-regions.sh [VERSION]   (default: the newest 4.x)
# Then rebuild and run `tuntas init` on each database: new codes are inserted, renamed ones updated.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-4}"
target=src/Tuntas.Data/Regions/Source
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "idn-area-data@$version" --silent >/dev/null && tar xzf idn-area-data-*.tgz)
for f in provinces regencies districts villages; do
  cp "$work/package/data/$f.csv" "$target/$f.csv"
done
cp "$work/package/data/LICENSE.md" "$target/LICENSE-ODbL.md"
cp "$work/package/LICENSE" "$target/LICENSE-package-MIT.txt"
actual="$(node -p "require('$work/package/package.json').version")"
sed -i -E "s/version [0-9]+\.[0-9]+\.[0-9]+/version $actual/" "$target/README.md"
echo "Region list refreshed from idn-area-data $actual:"
for f in provinces regencies districts villages; do
  printf '  %-10s %6d\n' "$f" "$(($(wc -l <"$target/$f.csv") - 1))"
done

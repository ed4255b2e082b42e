#!/usr/bin/env bash
# The operator's screens on simulated 3G (Chromium, CDP Network.emulateNetworkConditions: 750 kbps
# down and up, 300 ms latency): first load (empty cache) and repeat load of /tugas and of a visit
# form, as operator.bontangkuala of the demo at 360x740. Prints the median of RUNS runs: time to the
# load event, bytes over the wire (encoded, as compressed), requests.
# Usage: scripts/bench-field.sh [RUNS]   (default 3). Needs /usr/bin/chromium, node, and the
# end-to-end test project built (its Playwright package drives the browser).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
pkg="$PWD/tests/Tuntas.EndToEnd.Tests/bin/Debug/net10.0/.playwright/package"
[[ -d "$pkg" ]] || dotnet build tests/Tuntas.EndToEnd.Tests -v q -nologo >&2
work="$(mktemp -d /tmp/tuntas-bench-field.XXXXXX)"
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"; return 0; }
trap cleanup EXIT
./tuntas --help >/dev/null   # builds the command on first use, before the clock starts
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
./tuntas serve --demo --db "sqlite:$work/tuntas.db" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
node scripts/bench-field.js "$pkg" "http://127.0.0.1:$port" operator.bontangkuala tuntas-demo-2025 "$runs"

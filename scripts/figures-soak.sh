#!/usr/bin/env bash
# Runs the figures-against-history proof (tests/Tuntas.Data.Tests/Monitoring/FiguresHistoryTests) with
# many more seeded random write sequences than the test suite does, on SQLite and, when
# TUNTAS_TEST_PG names a server (./test.sh starts one), on PostgreSQL too.
# Usage: scripts/figures-soak.sh [SEQUENCES] [STEPS]   (default 10 sequences of 400 steps)
set -euo pipefail
cd "$(dirname "$0")/.."
export TUNTAS_FIGURES_SEQUENCES="${1:-10}" TUNTAS_FIGURES_STEPS="${2:-400}"
providers=sqlite
[[ -n "${TUNTAS_TEST_PG:-}" ]] && providers=sqlite,postgres
export TUNTAS_TEST_PROVIDERS="$providers"
dotnet build tests/Tuntas.Data.Tests -c Debug --nologo -v q -clp:ErrorsOnly
echo "== $TUNTAS_FIGURES_SEQUENCES sequences of $TUNTAS_FIGURES_STEPS steps on $providers"
dotnet test tests/Tuntas.Data.Tests --no-build --nologo --filter "FullyQualifiedName~FiguresHistoryTests.RandomSequences" \
  --logger "console;verbosity=detailed" | grep -E "Passed |Failed |Error Message|sequences, steps" || true

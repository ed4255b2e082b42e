#!/usr/bin/env bash
# Runs every Tuntas test on a fresh machine: installs what the tests need if missing (PostgreSQL 15
# server binaries, Chromium, Node.js with npm and the ODK form engine's packages), starts a throw-away PostgreSQL cluster on a free loopback port as the
# unprivileged postgres user, runs the tests on SQLite and PostgreSQL, and stops the cluster at exit.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"

as_root() { if [[ "$(id -u)" == 0 ]]; then "$@"; else sudo "$@"; fi; }

# --- 1. What the tests need --------------------------------------------------------------
missing=()
[[ -x "$PG_BIN/initdb" ]] || missing+=("postgresql-$PG_VERSION")
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  echo "== Installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ODK's own form engine fills the served XForm in one test (tests/odk-engine, packages pinned by its lock file).
echo "== npm ci (tests/odk-engine)"
(cd tests/odk-engine && npm ci --no-audit --no-fund --loglevel=error)

# --- 2. A throw-away PostgreSQL cluster ------------------------------------------------------
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; return 1
}

pg_work="$(mktemp -d /tmp/tuntas-pg.XXXXXX)"
if [[ "$(id -u)" == 0 ]]; then
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres system user.
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
  chown postgres: "$pg_work"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
stop_pg() {
  as_pg "$PG_BIN/pg_ctl" -D "$pg_work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_work"
}
trap stop_pg EXIT

pg_port="$(free_port)"
as_pg "$PG_BIN/initdb" -D "$pg_work/data" -U tuntas --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_work/initdb.log" 2>&1 \
  || { cat "$pg_work/initdb.log"; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$pg_work/data" -l "$pg_work/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg_work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$pg_work/server.log"; exit 1; }
export TUNTAS_TEST_PG="postgresql://tuntas@127.0.0.1:$pg_port/postgres"
echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (throw-away, stopped at exit)"

# Both providers always run here: a PostgreSQL test fails, never skips.
unset TUNTAS_TEST_PROVIDERS

# --- 3. Build, style, tests ------------------------------------------------------------------
echo "== Build"
dotnet build Tuntas.slnx -c Debug --nologo -v q -clp:ErrorsOnly

echo "== Style (dotnet format --verify-no-changes)"
dotnet format Tuntas.slnx --verify-no-changes --no-restore -v q

echo "== Tests"
results="$(mktemp -d /tmp/tuntas-results.XXXXXX)"
status=0
# One test project at a time (-m:1): the machine has two cores, and the browser, the database
# servers and the import's child processes should not starve each other.
dotnet test Tuntas.slnx -c Debug --no-build --nologo -m:1 --results-directory "$results" --logger "trx" -- RunConfiguration.TreatNoTestsAsError=true || status=$?

# --- 4. What ran, per database ----------------------------------------------------------------
python3 - "$results" <<'PY' || true
import glob, re, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
counts = {}
total = {"Passed": 0, "Failed": 0, "NotExecuted": 0}
for path in glob.glob(sys.argv[1] + "/*.trx"):
    for r in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        outcome = r.get("outcome")
        total[outcome] = total.get(outcome, 0) + 1
        m = re.search(r"provider: (\w+)", r.get("testName", ""))
        if m:
            key = (m.group(1), outcome)
            counts[key] = counts.get(key, 0) + 1
for provider in ("Sqlite", "Postgres"):
    print(f"== Database tests on {provider}: {counts.get((provider, 'Passed'), 0)} passed, {counts.get((provider, 'Failed'), 0)} failed")
print(f"{total.get('Passed', 0)} passed, {total.get('Failed', 0)} failed, {total.get('NotExecuted', 0)} skipped")
PY
rm -rf "$results"
exit "$status"

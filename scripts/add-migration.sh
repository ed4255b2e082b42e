#!/usr/bin/env bash
# Adds one EF Core migration for every database provider, from the one model in src/Tuntas.Data.
# Usage: scripts/add-migration.sh NAME
# The generated files are never edited by hand; change the model and generate again.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh NAME}"
dotnet tool restore >/dev/null
project=src/Tuntas.Data/Tuntas.Data.csproj
dotnet build "$project" --nologo -v q >/dev/null
for provider in Sqlite Postgres; do
  echo "== $provider"
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" \
    --context "${provider}TuntasDbContext" --output-dir "Migrations/$provider"
done

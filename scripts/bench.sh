#!/usr/bin/env bash
# make bench: benchmarks against the real services (PostgreSQL, Elasticsearch) and SQLite.
# Each benchmark in bench/ prints one table; sizes can be limited with BENCH_SIZES (e.g. "1000,10000").
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO_ROOT"
scripts/bootstrap.sh test
cleanup() { scripts/services.sh stop || true; }
trap cleanup EXIT
scripts/services.sh start all
eval "$(scripts/services.sh env)"
export DATABASE_URL ELASTICSEARCH_URL DJANGO_SETTINGS_MODULE=wegweiser.site.settings.test
for bench in bench/*_bench.py; do
    echo
    echo "== $bench"
    "$REPO_ROOT/.venv/bin/python" "$bench"
done

#!/usr/bin/env bash
# make test: install what the tests need, start PostgreSQL and Elasticsearch on loopback, run the checks
# and the whole suite, stop the services. Exits non-zero on any failure.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO_ROOT"
PY="$REPO_ROOT/.venv/bin/python"

step() { echo; echo "== $(date -u +%T) $*"; }

step "install (virtualenv, front-end packages, translations, browser)"
scripts/bootstrap.sh test
scripts/build_assets.sh
scripts/messages.sh compile
scripts/install_browser.sh

cleanup() {
    echo "== $(date -u +%T) stopping the services"
    if [ -n "${sqlite_search:-}" ]; then kill "$sqlite_search" 2>/dev/null || true; fi
    scripts/services.sh stop app || true
    scripts/services.sh stop elasticsearch --nodes 3 || true
    scripts/services.sh stop redis || true
    scripts/services.sh stop || true
}
trap cleanup EXIT
step "services"
scripts/services.sh start all
[ "${WEGWEISER_CLUSTER_TEST:-1}" = 0 ] || scripts/services.sh start redis
# The cluster test's three Elasticsearch nodes (tests/cluster) start in the background while the checks below
# run; the test waits for them (services.sh's lock) and starts its two app servers itself.
# WEGWEISER_CLUSTER_TEST=0 leaves the cluster test (and its services) out.
cluster_marker=()
if [ "${WEGWEISER_CLUSTER_TEST:-1}" = 0 ]; then
    cluster_marker=(-m "not cluster")
else
    mkdir -p .services
    scripts/services.sh start elasticsearch --nodes 3 >.services/es-cluster-start.log 2>&1 &
fi
eval "$(scripts/services.sh env)"
export DATABASE_URL ELASTICSEARCH_URL

# The search conformance suite on SQLite needs no service: it runs beside the checks below, which use one
# core; its report is printed after them.
mkdir -p .services
env -u DATABASE_URL "$REPO_ROOT/.venv/bin/pytest" tests/search -q -p no:cacheprovider -m "not elasticsearch" \
    >.services/sqlite-search.log 2>&1 &
sqlite_search=$!

step "ruff (lint and format)"
"$REPO_ROOT/.venv/bin/ruff" check .
"$REPO_ROOT/.venv/bin/ruff" format --check .

step "import-linter (dependency rules of the plugin architecture)"
"$REPO_ROOT/.venv/bin/lint-imports"

step "manage.py check and makemigrations --check (PostgreSQL)"
DJANGO_SETTINGS_MODULE=wegweiser.site.settings.test "$PY" manage.py check
DJANGO_SETTINGS_MODULE=wegweiser.site.settings.test "$PY" manage.py makemigrations --check --dry-run

step "manage.py check --deploy under production settings"
SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(60))')" \
ALLOWED_HOSTS=wegweiser.example DJANGO_SETTINGS_MODULE=wegweiser.site.settings.production \
    "$PY" manage.py check --deploy --fail-level WARNING

step "migrations apply on PostgreSQL"
DJANGO_SETTINGS_MODULE=wegweiser.site.settings.test "$PY" manage.py migrate --no-input -v 0

# The database backend on SQLite only: the Elasticsearch-parametrised tests run once, in the whole suite below.
step "search conformance on SQLite (the embedded default; database backend)"
echo "(its report follows when it ends)"
if ! wait "$sqlite_search"; then
    cat .services/sqlite-search.log
    echo "search conformance on SQLite FAILED" >&2
    exit 1
fi
cat .services/sqlite-search.log

step "the whole suite on PostgreSQL ${DATABASE_URL##*@} with Elasticsearch $ELASTICSEARCH_URL"
# Two test processes (pytest-xdist), whole files to each so module-scoped fixtures are built once; each has
# its own PostgreSQL database (suffix _gw0, _gw1) and Elasticsearch index prefix, and the demo town is built
# by the first process that needs it and shared with the other. WEGWEISER_TEST_PROCESSES=0 runs one process.
# The order of the files is tests/conftest.py's (the longest first), not pytest-xdist's.
"$REPO_ROOT/.venv/bin/pytest" -p no:cacheprovider --durations=40 \
    -n "${WEGWEISER_TEST_PROCESSES:-2}" --dist loadfile --no-loadscope-reorder "${cluster_marker[@]}"

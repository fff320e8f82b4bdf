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

# Python may keep the bytecode it compiles: where the environment says not to (PYTHONDONTWRITEBYTECODE, set on
# the CI machine), each of the suite's processes (the test processes, the Django checks, the app servers, the
# portals a test starts) compiled Django, Wagtail and the portal from source again: 4.4 s of CPU before a
# process could start, 2.0 s once the first one has kept what it compiled.
unset PYTHONDONTWRITEBYTECODE

cleanup() {
    echo "== $(date -u +%T) stopping the services"
    if [ -n "${sqlite_search:-}" ]; then kill "$sqlite_search" 2>/dev/null || true; fi
    if [ -n "${checks:-}" ]; then kill "$checks" 2>/dev/null || true; fi
    scripts/services.sh stop app || true
    scripts/services.sh stop elasticsearch --nodes 3 || true
    scripts/services.sh stop redis || true
    scripts/services.sh stop || true
}
trap cleanup EXIT
step "services"
export WEGWEISER_ES_FIRST_TIER_JIT=1  # scripts/lib/elasticsearch.sh: es_jvm_options
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

step "ruff (lint and format)"
"$REPO_ROOT/.venv/bin/ruff" check .
"$REPO_ROOT/.venv/bin/ruff" format --check .

step "import-linter (dependency rules of the plugin architecture)"
"$REPO_ROOT/.venv/bin/lint-imports"

# The Django checks and the search conformance suite on SQLite run beside the whole suite: its first minutes
# (the test databases, the demo town built by one test process while the other waits for it, the cluster's
# nodes starting) leave a core free for them. Their reports follow the suite's; any failure fails make test.
# The migrations are applied to PostgreSQL by the suite itself: each test process migrates its own database.
django_checks() {
    set -e
    echo "== manage.py check and makemigrations --check (PostgreSQL)"
    DJANGO_SETTINGS_MODULE=wegweiser.site.settings.test "$PY" manage.py check
    DJANGO_SETTINGS_MODULE=wegweiser.site.settings.test "$PY" manage.py makemigrations --check --dry-run
    echo "== manage.py check --deploy under production settings"
    SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(60))')" \
    ALLOWED_HOSTS=wegweiser.example DJANGO_SETTINGS_MODULE=wegweiser.site.settings.production \
        "$PY" manage.py check --deploy --fail-level WARNING
    echo "Django checks passed."
}
mkdir -p .services
django_checks >.services/django-checks.log 2>&1 &
checks=$!
# The database backend on SQLite only: the Elasticsearch-parametrised tests run once, in the whole suite below.
env -u DATABASE_URL "$REPO_ROOT/.venv/bin/pytest" tests/search -q -p no:cacheprovider -m "not elasticsearch" \
    >.services/sqlite-search.log 2>&1 &
sqlite_search=$!

step "the whole suite on PostgreSQL ${DATABASE_URL##*@} with Elasticsearch $ELASTICSEARCH_URL"
# Three test processes (pytest-xdist) on the two cores: much of the suite waits (on the cluster's nodes,
# the browser, the app servers), so a third process keeps the cores busy (pytest 534 s instead of 767 s
# with two). Whole files to each so module-scoped fixtures are built once; each has its own PostgreSQL
# database (suffix _gw0, _gw1, ...) and Elasticsearch index prefix, and the demo town is built by the first
# process that needs it and shared with the others. WEGWEISER_TEST_PROCESSES=0 runs one process.
# The order of the files is tests/conftest.py's (the longest first), not pytest-xdist's.
suite=0
"$REPO_ROOT/.venv/bin/pytest" -p no:cacheprovider --durations=40 \
    -n "${WEGWEISER_TEST_PROCESSES:-3}" --dist loadfile --no-loadscope-reorder "${cluster_marker[@]}" || suite=$?

failed=()
[ "$suite" = 0 ] || failed+=("the whole suite")
step "manage.py checks (ran beside the suite)"
wait "$checks" || failed+=("the Django checks")
checks=
cat .services/django-checks.log
step "search conformance on SQLite, the embedded default's database backend (ran beside the suite)"
wait "$sqlite_search" || failed+=("search conformance on SQLite")
sqlite_search=
cat .services/sqlite-search.log
if [ "${#failed[@]}" -gt 0 ]; then
    echo >&2
    printf 'FAILED: %s\n' "${failed[@]}" >&2
    exit 1
fi

#!/usr/bin/env bash
# Start/stop the real backing services used by the tests, on loopback only:
#   PostgreSQL    127.0.0.1:55432  (Debian's packages, private cluster)
#   Elasticsearch 127.0.0.1:59200  (8.x integ-test-zip from Maven Central)
#
# Usage:
#   scripts/services.sh start  [postgres|elasticsearch|all]   (default: all)
#   scripts/services.sh stop   [postgres|elasticsearch|all]
#   scripts/services.sh status [postgres|elasticsearch|all]
#   scripts/services.sh env                                  (export lines)
#   eval "$(scripts/services.sh env)"
#
# Everything (data, logs, downloads) lives in <repo>/.services/ (git-ignored).
# Works as root (services then run as the system user wegweiser-svc) and in CI.
set -uo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/.." && pwd -P)"
export REPO_ROOT

# shellcheck source=lib/common.sh
. "${SCRIPT_DIR}/lib/common.sh"
# shellcheck source=lib/postgres.sh
. "${SCRIPT_DIR}/lib/postgres.sh"
# shellcheck source=lib/elasticsearch.sh
. "${SCRIPT_DIR}/lib/elasticsearch.sh"

usage() {
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# services_for WHAT: expand the service argument.
services_for() {
    case "${1:-all}" in
        all | "") echo "postgres elasticsearch" ;;
        postgres | postgresql | pg) echo "postgres" ;;
        elasticsearch | es) echo "elasticsearch" ;;
        *)
            printf '[services] ERROR: unknown service "%s" (expected postgres, elasticsearch or all)\n' "$1" >&2
            exit 2
            ;;
    esac
}

cmd="${1:-}"
what="${2:-all}"

case "$cmd" in
    start)
        svcs="$(services_for "$what")"
        take_lock
        for s in $svcs; do
            case "$s" in
                postgres) pg_start ;;
                elasticsearch) es_start ;;
            esac
        done
        ;;
    stop)
        svcs="$(services_for "$what")"
        take_lock
        # Stop in reverse order of starting.
        for s in $(printf '%s\n' $svcs | tac); do
            case "$s" in
                postgres) pg_stop ;;
                elasticsearch) es_stop ;;
            esac
        done
        ;;
    status)
        svcs="$(services_for "$what")"
        rc=0
        for s in $svcs; do
            case "$s" in
                postgres) pg_status || rc=3 ;;
                elasticsearch) es_status || rc=3 ;;
            esac
        done
        exit "$rc"
        ;;
    env)
        printf 'export DATABASE_URL=%s\n' "$(pg_database_url)"
        printf 'export ELASTICSEARCH_URL=%s\n' "$ES_URL"
        ;;
    -h | --help | help)
        usage
        ;;
    *)
        usage >&2
        exit 2
        ;;
esac

#!/usr/bin/env bash
# Start/stop the real backing services used by the tests, on loopback only:
#   PostgreSQL    127.0.0.1:55432  (Debian's packages, private cluster)
#   Elasticsearch 127.0.0.1:59200  (8.x integ-test-zip from Maven Central)
# and, for a region's set-up (several app servers; the cluster test):
#   Elasticsearch --nodes 3  127.0.0.1:59210-59212  (one cluster, replicas 1)
#   Redis         127.0.0.1:56379  (Debian's packages; the shared cache)
#   app           127.0.0.1:58000-58001  (two gunicorn app servers, production settings)
#
# Usage:
#   scripts/services.sh start  [postgres|elasticsearch|redis|app|all] [--nodes 3 [--node N]]
#   scripts/services.sh stop   [postgres|elasticsearch|redis|app|all] [--nodes 3 [--node N]]
#   scripts/services.sh status [postgres|elasticsearch|redis|app|all] [--nodes 3]
#   scripts/services.sh start region    (PostgreSQL, Redis, the 3-node cluster, two app servers)
#   scripts/services.sh env [region]    (export lines)
#   eval "$(scripts/services.sh env)"
#
# "all" is PostgreSQL and the single Elasticsearch node, as `make test` needs them. Ports: WEGWEISER_PG_PORT,
# WEGWEISER_ES_PORT, WEGWEISER_ES_CLUSTER_PORT, WEGWEISER_REDIS_PORT, WEGWEISER_APP_PORT.
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
# shellcheck source=lib/es_cluster.sh
. "${SCRIPT_DIR}/lib/es_cluster.sh"
# shellcheck source=lib/redis.sh
. "${SCRIPT_DIR}/lib/redis.sh"
# shellcheck source=lib/app.sh
. "${SCRIPT_DIR}/lib/app.sh"

usage() {
    sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# services_for WHAT: expand the service argument.
services_for() {
    case "${1:-all}" in
        all | "") echo "postgres elasticsearch" ;;
        region) echo "postgres redis elasticsearch app" ;;
        postgres | postgresql | pg) echo "postgres" ;;
        elasticsearch | es) echo "elasticsearch" ;;
        redis) echo "redis" ;;
        app | apps) echo "app" ;;
        *)
            printf '[services] ERROR: unknown service "%s" (expected postgres, elasticsearch, redis, app, all or region)\n' "$1" >&2
            exit 2
            ;;
    esac
}

cmd="${1:-}"
what="${2:-all}"
nodes=1
node=""
[ "$what" = region ] && nodes=3
shift 2 2>/dev/null || shift $#
while [ $# -gt 0 ]; do
    case "$1" in
        --nodes) nodes="${2:?--nodes needs a number}"; shift 2 ;;
        --node) node="${2:?--node needs a number}"; shift 2 ;;
        *) usage >&2; exit 2 ;;
    esac
done
# More than one node: the cluster under .services/es-cluster, never the single test node.
if [ "$nodes" -gt 1 ]; then ESC_NODES="$nodes"; fi

es_cmd() {
    if [ "$nodes" -gt 1 ]; then "esc_$1" "$node"; else "es_$1"; fi
}

case "$cmd" in
    start)
        svcs="$(services_for "$what")"
        take_lock
        for s in $svcs; do
            case "$s" in
                postgres) pg_start ;;
                elasticsearch) es_cmd start ;;
                redis) redis_start ;;
                app) app_start ;;
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
                elasticsearch) es_cmd stop ;;
                redis) redis_stop ;;
                app) app_stop ;;
            esac
        done
        ;;
    status)
        svcs="$(services_for "$what")"
        rc=0
        for s in $svcs; do
            case "$s" in
                postgres) pg_status || rc=3 ;;
                elasticsearch) es_cmd status || rc=3 ;;
                redis) redis_status || rc=3 ;;
                app) app_status || rc=3 ;;
            esac
        done
        exit "$rc"
        ;;
    env)
        printf 'export DATABASE_URL=%s\n' "$(pg_database_url)"
        if [ "$what" = region ]; then
            printf 'export ELASTICSEARCH_URL=%s\n' "$(esc_urls)"
            printf 'export CACHE_URL=%s\n' "$REDIS_URL"
            printf 'export WEGWEISER_APP_URLS=%s\n' "$(app_urls)"
        else
            printf 'export ELASTICSEARCH_URL=%s\n' "$ES_URL"
        fi
        ;;
    -h | --help | help)
        usage
        ;;
    *)
        usage >&2
        exit 2
        ;;
esac

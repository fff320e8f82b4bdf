# shellcheck shell=bash
# An Elasticsearch cluster of several nodes on loopback (a region's set-up, and the cluster test), beside
# the single test node: its own ports, cluster name and data under .services/es-cluster/. It runs the
# same distribution and wegweiser-analysis plugin as the single node (scripts/lib/elasticsearch.sh,
# sourced before this file). Node N (1-based) answers on ESC_HTTP_PORT + N - 1.

ESC_HTTP_PORT="${WEGWEISER_ES_CLUSTER_PORT:-59210}"
ESC_TRANSPORT_PORT="${WEGWEISER_ES_CLUSTER_TRANSPORT_PORT:-59310}"
ESC_HEAP="${WEGWEISER_ES_CLUSTER_HEAP:-256m}"
ESC_NODES="${WEGWEISER_ES_CLUSTER_NODES:-3}"
ESC_CLUSTER_NAME=wegweiser-cluster
ESC_DIR="${SERVICES_DIR}/es-cluster"

esc_http_port() { printf '%s\n' $((ESC_HTTP_PORT + $1 - 1)); }
esc_transport_port() { printf '%s\n' $((ESC_TRANSPORT_PORT + $1 - 1)); }
esc_node_dir() { printf '%s/node%s\n' "$ESC_DIR" "$1"; }
esc_pidfile() { printf '%s/elasticsearch.pid\n' "$(esc_node_dir "$1")"; }
esc_curl() { curl -s -m "${3:-5}" "http://${ES_HOST}:$(esc_http_port "$1")$2"; }

# esc_urls: every node's address, comma-separated (ELASTICSEARCH_URL of the app servers).
esc_urls() {
    local n urls=""
    for n in $(seq 1 "$ESC_NODES"); do urls="${urls:+${urls},}http://${ES_HOST}:$(esc_http_port "$n")"; done
    printf '%s\n' "$urls"
}

esc_node_is_ours() {
    [ "$(esc_curl "$1" /_cluster/health 3 | es_json_field cluster_name)" = "$ESC_CLUSTER_NAME" ]
}

# esc_version: the version the single node runs (or ran), else the preferred one; fetched if needed.
esc_version() {
    local v
    for v in $(cat "$ES_VERSION_FILE" 2>/dev/null) "$ES_PREFERRED_VERSION" $ES_FALLBACK_VERSIONS; do
        ES_LAST_ERROR=""
        if es_fetch "$v" >&2; then
            printf '%s\n' "$v"
            return 0
        fi
        warn "Elasticsearch ${ES_LAST_ERROR}"
    done
    return 1
}

esc_write_config() {
    local v="$1" n="$2" dist dir seeds="" masters="" i
    dist="$(es_dist_path "$v")"
    dir="$(esc_node_dir "$n")"
    for i in $(seq 1 "$ESC_NODES"); do
        seeds="${seeds:+${seeds}, }\"${ES_HOST}:$(esc_transport_port "$i")\""
        masters="${masters:+${masters}, }\"${ESC_CLUSTER_NAME}-node${i}\""
    done
    rm -rf "${dir}/config"
    cp -a "${dist}/config" "${dir}/config"
    {
        printf '# Written by scripts/services.sh on every start; edits are overwritten.\n'
        printf 'cluster.name: %s\n' "$ESC_CLUSTER_NAME"
        printf 'node.name: %s-node%s\n' "$ESC_CLUSTER_NAME" "$n"
        printf 'network.host: %s\n' "$ES_HOST"
        printf 'http.port: %s\n' "$(esc_http_port "$n")"
        printf 'transport.port: %s\n' "$(esc_transport_port "$n")"
        printf 'discovery.seed_hosts: [%s]\n' "$seeds"
        printf 'cluster.initial_master_nodes: [%s]\n' "$masters"
        printf 'path.data: %s/data\n' "$dir"
        printf 'path.logs: %s/logs\n' "$dir"
        printf 'action.destructive_requires_name: false\n'
        printf 'cluster.routing.allocation.disk.threshold_enabled: false\n'
        # A node that comes back gets its shards back at once (the default waits a minute).
        printf 'cluster.routing.allocation.node_concurrent_recoveries: 4\n'
        es_module_settings "$dist"
    } >"${dir}/config/elasticsearch.yml"
    mkdir -p "${dir}/config/jvm.options.d"
    es_jvm_options "$ESC_HEAP" >"${dir}/config/jvm.options.d/wegweiser.options"
}

# esc_launch VERSION N: start node N in the background (no waiting).
esc_launch() {
    local v="$1" n="$2" dir
    dir="$(esc_node_dir "$n")"
    if esc_node_is_ours "$n"; then return 0; fi
    if port_in_use "$(esc_http_port "$n")" || port_in_use "$(esc_transport_port "$n")"; then
        die "Elasticsearch cluster: a port of node ${n} ($(esc_http_port "$n")/$(esc_transport_port "$n")) is taken by another process"
    fi
    if [ -d "${dir}/data" ] && [ "$(cat "${dir}/data/.wegweiser-version" 2>/dev/null)" != "$v" ]; then
        rm -rf "${dir}/data"
    fi
    mkdir -p "${dir}/data" "${dir}/logs" "${dir}/tmp"
    printf '%s\n' "$v" >"${dir}/data/.wegweiser-version"
    esc_write_config "$v" "$n"
    rm -f "$(esc_pidfile "$n")"
    chown_svc "$dir"
    log "Starting Elasticsearch cluster node ${n} on http://${ES_HOST}:$(esc_http_port "$n") (heap ${ESC_HEAP}, log: ${dir}/logs/${ESC_CLUSTER_NAME}.log)"
    as_svc env -u JAVA_HOME -u ES_JAVA_OPTS HOME="${dir}/tmp" ES_JAVA_HOME="$ES_JAVA" \
        ES_PATH_CONF="${dir}/config" ES_TMPDIR="${dir}/tmp" \
        "$(es_dist_path "$v")/bin/elasticsearch" -d -p "$(esc_pidfile "$n")" </dev/null >"${dir}/startup.log" 2>&1 &
}

# esc_start [N]: start every node of the cluster (or only node N) in parallel and wait until the
# cluster has all its nodes and is green (yellow while it has no index yet is green too).
esc_start() {
    local only="${1:-}" v n
    ensure_svc_user
    ensure_services_dir
    mkdir -p "$ESC_DIR"
    es_ensure_tools
    v="$(esc_version)" || die "could not fetch any Elasticsearch 8.x for the cluster"
    es_install_analysis_plugin "$v"
    for n in $(seq 1 "$ESC_NODES"); do
        if [ -z "$only" ] || [ "$only" = "$n" ]; then esc_launch "$v" "$n"; fi
    done
    wait
    local deadline=$((SECONDS + ES_START_TIMEOUT)) status="" first
    first="${only:-1}"
    while [ "$SECONDS" -lt "$deadline" ]; do
        status="$(esc_curl "$first" "/_cluster/health?wait_for_nodes=${ESC_NODES}&wait_for_status=green&timeout=5s" 10 \
            | sed -n 's/.*"status" *: *"\([a-z]*\)".*"timed_out" *: *false.*/\1/p')"
        [ "$status" = green ] && break
        for n in $(seq 1 "$ESC_NODES"); do
            if { [ -z "$only" ] || [ "$only" = "$n" ]; } && ! pid_alive "$(esc_pidfile "$n")" \
                && ! esc_node_is_ours "$n" && [ -s "$(esc_node_dir "$n")/startup.log" ]; then
                sleep 1
                pid_alive "$(esc_pidfile "$n")" || esc_node_is_ours "$n" \
                    || die "Elasticsearch cluster node ${n} exited during startup" \
                        "$(esc_node_dir "$n")/startup.log" "$(esc_node_dir "$n")/logs/${ESC_CLUSTER_NAME}.log"
            fi
        done
        sleep 1
    done
    [ "$status" = green ] || die "Elasticsearch cluster: not ${ESC_NODES} nodes and green within ${ES_START_TIMEOUT}s" \
        "$(esc_node_dir "$first")/logs/${ESC_CLUSTER_NAME}.log"
    log "Elasticsearch cluster ready: ${ESC_NODES} nodes, green, on $(esc_urls)"
}

# esc_stop [N]: stop every node (or only node N).
esc_stop() {
    local only="${1:-}" n pid pids=()
    for n in $(seq 1 "$ESC_NODES"); do
        if [ -n "$only" ] && [ "$only" != "$n" ]; then continue; fi
        if pid_alive "$(esc_pidfile "$n")"; then
            pid="$(tr -dc '0-9' <"$(esc_pidfile "$n")")"
            log "Stopping Elasticsearch cluster node ${n} (pid ${pid})"
            kill "$pid" 2>/dev/null || true
            pids+=("$pid")
        fi
        rm -f "$(esc_pidfile "$n")"
    done
    local i
    for pid in "${pids[@]}"; do
        for i in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    done
    [ "${#pids[@]}" -gt 0 ] || log "Elasticsearch cluster${only:+ node ${only}} is not running"
    [ "${#pids[@]}" -eq 0 ] || log "Elasticsearch cluster${only:+ node ${only}} stopped"
}

esc_status() {
    local n rc=1
    for n in $(seq 1 "$ESC_NODES"); do
        if esc_node_is_ours "$n"; then
            log "Elasticsearch cluster node ${n}: running on http://${ES_HOST}:$(esc_http_port "$n") (cluster health: $(esc_curl "$n" /_cluster/health | es_json_field status))"
            rc=0
        else
            log "Elasticsearch cluster node ${n}: stopped"
        fi
    done
    return "$rc"
}

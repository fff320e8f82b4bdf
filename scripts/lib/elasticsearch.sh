# shellcheck shell=bash
# Elasticsearch 8.x from the integ-test-zip distribution on Maven Central,
# cached and run under .services/elasticsearch. Sourced by scripts/services.sh.
#
# CAVEAT: the integ-test-zip holds only the modules apm, transport-netty4,
# x-pack-core and x-pack-security. It has no analysis-common (language
# analyzers, lowercase/keyword tokenizers, asciifolding, ngram/edge_ngram,
# *_decompounder filters), no rest-root (GET / answers 405) and no
# mapper-extras/lang-painless/reindex. Core still has the standard tokenizer,
# the lowercase/stop filters and the standard/simple/whitespace/keyword/stop
# analyzers.

ES_HOST=127.0.0.1
ES_HTTP_PORT="${WEGWEISER_ES_PORT:-59200}"
ES_TRANSPORT_PORT="${WEGWEISER_ES_TRANSPORT_PORT:-59300}"
ES_URL="http://${ES_HOST}:${ES_HTTP_PORT}"
ES_CLUSTER_NAME=wegweiser-test
ES_NODE_NAME=wegweiser-test-node
ES_HEAP="${WEGWEISER_ES_HEAP:-384m}"
ES_START_TIMEOUT="${WEGWEISER_ES_START_TIMEOUT:-300}"

# First the preferred version (overridable), then neighbours to fall back on.
ES_PREFERRED_VERSION="${WEGWEISER_ES_VERSION:-8.19.3}"
ES_FALLBACK_VERSIONS="8.19.2 8.19.1 8.19.0 8.18.6 8.18.5 8.18.4 8.17.10"

ES_DIR="${SERVICES_DIR}/elasticsearch"
ES_DIST_DIR="${ES_DIR}/dist"
ES_CONF_DIR="${ES_DIR}/config"
ES_DATA_DIR="${ES_DIR}/data"
ES_LOG_DIR="${ES_DIR}/logs"
ES_TMP_DIR="${ES_DIR}/tmp"
ES_PIDFILE="${ES_DIR}/elasticsearch.pid"
ES_STARTUP_LOG="${ES_DIR}/startup.log"
ES_VERSION_FILE="${ES_DIR}/version"

# ----------------------------------------------------------------- helpers --

es_curl() { curl -s -m "${2:-5}" "${ES_URL}$1"; }

# JSON field from a flat-ish response, without needing jq/python.
es_json_field() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p" | head -n 1; }

# es_is_ours: something answers on the port and it is our cluster.
es_is_ours() {
    local body
    # (GET / is the rest-root module, which the integ-test-zip lacks.)
    body="$(es_curl /_cluster/health 3)" || return 1
    [ "$(printf '%s' "$body" | es_json_field cluster_name)" = "$ES_CLUSTER_NAME" ]
}

es_running_version() { es_curl "/_nodes/_local?filter_path=nodes.*.version" 3 | es_json_field version; }

es_health_status() { es_curl "/_cluster/health" 5 | es_json_field status; }

# Pick a JDK for Elasticsearch (integ-test-zip bundles none). Sets ES_JAVA.
es_find_java() {
    ES_JAVA=""
    if [ -n "${ES_JAVA_HOME:-}" ] && [ -x "${ES_JAVA_HOME}/bin/java" ]; then
        ES_JAVA="$ES_JAVA_HOME"
        return 0
    fi
    local pat d
    # ES 8.x supports 17 and 21 (and its bundled 24); prefer LTS, newest last.
    for pat in 'java-21-openjdk*' 'temurin-21*' 'java-17-openjdk*' 'temurin-17*' 'java-1.17.0-openjdk*' 'temurin-24*' 'temurin-25*'; do
        for d in /usr/lib/jvm/$pat; do
            if [ -x "${d}/bin/java" ]; then
                ES_JAVA="$(readlink -f "$d")"
                return 0
            fi
        done
    done
    return 1
}

es_ensure_tools() {
    need_cmd curl curl
    need_cmd unzip unzip
    if ! es_find_java; then
        log "No JDK 17/21 found in /usr/lib/jvm; installing openjdk-17-jre-headless"
        apt_install openjdk-17-jre-headless
        es_find_java || die "Elasticsearch: no usable Java runtime even after installing openjdk-17-jre-headless"
    fi
}

es_dist_path() { printf '%s/elasticsearch-%s\n' "$ES_DIST_DIR" "$1"; }

# es_fetch VERSION: make sure the unpacked distribution exists in the cache.
es_fetch() {
    local v="$1" dist zip fetchlog
    dist="$(es_dist_path "$v")"
    zip="${ES_DIST_DIR}/elasticsearch-${v}.zip"
    fetchlog="${ES_DIR}/fetch-${v}.log"
    if [ -x "${dist}/bin/elasticsearch" ]; then
        return 0
    fi
    mkdir -p "$ES_DIST_DIR"
    if [ ! -s "$zip" ]; then
        need_cmd mvn maven
        log "Downloading Elasticsearch ${v} (integ-test-zip) from Maven Central via mvn (log: ${fetchlog})"
        local dl="${ES_DIST_DIR}/download-${v}"
        rm -rf "$dl"
        mkdir -p "$dl"
        if ! mvn -B -q -Dstyle.color=never dependency:copy \
            "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:${v}:zip" \
            "-DoutputDirectory=${dl}" </dev/null >"$fetchlog" 2>&1; then
            rm -rf "$dl"
            ES_LAST_ERROR="${v}: download of org.elasticsearch.distribution.integ-test-zip:elasticsearch:${v}:zip failed (see ${fetchlog})"
            return 1
        fi
        mv "${dl}/elasticsearch-${v}.zip" "$zip" 2>>"$fetchlog" || {
            rm -rf "$dl"
            ES_LAST_ERROR="${v}: mvn succeeded but produced no elasticsearch-${v}.zip"
            return 1
        }
        rm -rf "$dl"
    fi
    log "Unpacking ${zip}"
    local tmp="${ES_DIST_DIR}/unpack-${v}"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    if ! unzip -q "$zip" -d "$tmp" >>"$fetchlog" 2>&1 || [ ! -x "${tmp}/elasticsearch-${v}/bin/elasticsearch" ]; then
        rm -rf "$tmp" "$zip"
        ES_LAST_ERROR="${v}: the downloaded zip could not be unpacked (removed; will download again next time)"
        return 1
    fi
    mv "${tmp}/elasticsearch-${v}" "$dist"
    rm -rf "$tmp"
}

es_modules() { ls "$(es_dist_path "$1")/modules" 2>/dev/null | tr '\n' ' ' | sed 's/ $//'; }

# es_module_settings DIST: settings of the modules that exist (unknown settings are fatal).
es_module_settings() {
    local dist="$1"
    if [ -d "${dist}/modules/x-pack-security" ]; then
        printf 'xpack.security.enabled: false\n'
    fi
    if [ -d "${dist}/modules/x-pack-core" ]; then
        printf 'xpack.license.self_generated.type: basic\n'
    fi
    if [ -d "${dist}/modules/ingest-geoip" ]; then
        printf 'ingest.geoip.downloader.enabled: false\n'
    fi
    if [ -d "${dist}/modules/x-pack-ml" ]; then
        printf 'xpack.ml.enabled: false\n'
    fi
}

es_write_config() {
    local v="$1" dist
    dist="$(es_dist_path "$v")"
    rm -rf "$ES_CONF_DIR"
    cp -a "${dist}/config" "$ES_CONF_DIR"
    {
        printf '# Written by scripts/services.sh on every start; edits are overwritten.\n'
        printf 'cluster.name: %s\n' "$ES_CLUSTER_NAME"
        printf 'node.name: %s\n' "$ES_NODE_NAME"
        printf 'network.host: %s\n' "$ES_HOST"
        printf 'http.port: %s\n' "$ES_HTTP_PORT"
        printf 'transport.port: %s\n' "$ES_TRANSPORT_PORT"
        printf 'discovery.type: single-node\n'
        printf 'path.data: %s\n' "$ES_DATA_DIR"
        printf 'path.logs: %s\n' "$ES_LOG_DIR"
        printf 'action.destructive_requires_name: false\n'
        printf 'cluster.routing.allocation.disk.threshold_enabled: false\n'
        es_module_settings "$dist"
    } >"${ES_CONF_DIR}/elasticsearch.yml"
    mkdir -p "${ES_CONF_DIR}/jvm.options.d"
    es_jvm_options "$ES_HEAP" >"${ES_CONF_DIR}/jvm.options.d/wegweiser.options"
}

# es_jvm_options HEAP: a node's JVM options. make test sets WEGWEISER_ES_FIRST_TIER_JIT=1: its nodes live for
# one run on a small machine, where the optimising compiler's threads took half of a node's start (three
# nodes: 47 → 23 CPU seconds until ready). Benchmarks and development keep the full JIT.
es_jvm_options() {
    printf -- '-Xms%s\n-Xmx%s\n' "$1" "$1"
    if [ "${WEGWEISER_ES_FIRST_TIER_JIT:-0}" = 1 ]; then printf -- '-XX:TieredStopAtLevel=1\n'; fi
}

# es_install_analysis_plugin VERSION: build (cached by source hash) and install
# our wegweiser-analysis plugin (scripts/es-analysis), which registers the
# analysis-common components this distribution lacks under their standard
# names. On failure Elasticsearch starts without it (with a warning).
es_install_analysis_plugin() {
    local v="$1" dist javac_bin="" buildlog="${ES_DIR}/wegweiser-analysis-build.log"
    dist="$(es_dist_path "$v")"
    if [ -x "${ES_JAVA}/bin/javac" ]; then
        javac_bin="${ES_JAVA}/bin/javac"
    elif command -v javac >/dev/null 2>&1; then
        javac_bin="$(command -v javac)"
    else
        log "No javac to build the wegweiser-analysis plugin; installing openjdk-17-jdk-headless"
        (apt_install openjdk-17-jdk-headless) || true
        if [ -x "${ES_JAVA}/bin/javac" ]; then javac_bin="${ES_JAVA}/bin/javac"; else javac_bin="$(command -v javac || true)"; fi
    fi
    if [ -n "$javac_bin" ] && JAVAC="$javac_bin" bash "${REPO_ROOT}/scripts/es-analysis/build.sh" \
        "$dist" "${ES_DIR}/wegweiser-analysis" >/dev/null 2>"$buildlog"; then
        log "Elasticsearch ${v} plugin wegweiser-analysis: $(grep -E 'using cached|built ' "$buildlog" | tail -n 1 | sed 's/^\[es-analysis\] //')"
    else
        warn "could not build the wegweiser-analysis plugin (log: ${buildlog}); starting Elasticsearch without it"
        show_log_tail "$buildlog" 20
        rm -rf "${dist}/plugins/wegweiser-analysis"
    fi
}

# es_launch VERSION: start it and wait for health; 0 on success.
es_launch() {
    local v="$1" dist
    dist="$(es_dist_path "$v")"

    # Data written by another version may not be readable (no downgrades): it is test data.
    if [ -d "$ES_DATA_DIR" ] && [ "$(cat "${ES_DATA_DIR}/.wegweiser-version" 2>/dev/null)" != "$v" ]; then
        log "Discarding Elasticsearch data written by another version"
        rm -rf "$ES_DATA_DIR"
    fi
    mkdir -p "$ES_DATA_DIR" "$ES_LOG_DIR" "$ES_TMP_DIR"
    printf '%s\n' "$v" >"${ES_DATA_DIR}/.wegweiser-version"
    es_write_config "$v"
    es_install_analysis_plugin "$v"
    rm -f "$ES_PIDFILE"
    : >"$ES_STARTUP_LOG"
    chown_svc "$ES_DIR"

    log "Starting Elasticsearch ${v} on ${ES_URL} (Java: ${ES_JAVA}, heap ${ES_HEAP}, log: ${ES_LOG_DIR}/${ES_CLUSTER_NAME}.log)"
    log "Elasticsearch ${v} modules: $(es_modules "$v")"
    local plugins
    plugins="$(ls "${dist}/plugins" 2>/dev/null | tr '\n' ' ')"
    [ -n "$plugins" ] && log "Elasticsearch ${v} plugins: ${plugins}"
    local start_ts=$SECONDS
    if ! as_svc env -u JAVA_HOME -u ES_JAVA_OPTS \
        HOME="$ES_TMP_DIR" \
        ES_JAVA_HOME="$ES_JAVA" \
        ES_PATH_CONF="$ES_CONF_DIR" \
        ES_TMPDIR="$ES_TMP_DIR" \
        "${dist}/bin/elasticsearch" -d -p "$ES_PIDFILE" </dev/null >>"$ES_STARTUP_LOG" 2>&1; then
        ES_LAST_ERROR="${v}: bin/elasticsearch -d failed (exit non-zero)"
        es_kill_quietly
        return 1
    fi

    local deadline=$((start_ts + ES_START_TIMEOUT)) status=""
    while [ "$SECONDS" -lt "$deadline" ]; do
        status="$(es_curl "/_cluster/health?wait_for_status=yellow&timeout=5s" 10 | es_json_field status)"
        case "$status" in
            green | yellow) break ;;
        esac
        if ! pid_alive "$ES_PIDFILE" && ! es_is_ours; then
            sleep 1
            pid_alive "$ES_PIDFILE" || es_is_ours || {
                ES_LAST_ERROR="${v}: the Elasticsearch process exited during startup"
                return 1
            }
        fi
        sleep 1
    done
    case "$status" in
        green | yellow) ;;
        *)
            ES_LAST_ERROR="${v}: no yellow/green cluster health within ${ES_START_TIMEOUT}s"
            es_kill_quietly
            return 1
            ;;
    esac
    printf '%s\n' "$v" >"$ES_VERSION_FILE"
    ES_STARTED_STATUS="$status"
    return 0
}

es_kill_quietly() {
    local pid
    if [ -s "$ES_PIDFILE" ]; then
        pid="$(tr -dc '0-9' <"$ES_PIDFILE")"
        [ -n "$pid" ] && kill "$pid" 2>/dev/null
        local i
        for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
        rm -f "$ES_PIDFILE"
    fi
    return 0
}

es_start() {
    ensure_svc_user
    ensure_services_dir
    mkdir -p "$ES_DIR"

    if es_is_ours; then
        log "Elasticsearch already running: $(es_running_version) on ${ES_URL} (cluster health: $(es_health_status))"
        return 0
    fi
    if port_in_use "$ES_HTTP_PORT"; then
        die "Elasticsearch: port ${ES_HOST}:${ES_HTTP_PORT} is taken by something that is not our '${ES_CLUSTER_NAME}' cluster"
    fi
    if port_in_use "$ES_TRANSPORT_PORT"; then
        die "Elasticsearch: transport port ${ES_HOST}:${ES_TRANSPORT_PORT} is already taken by another process"
    fi
    es_kill_quietly # stale pid from a node that no longer answers

    es_ensure_tools

    local candidates="" v
    # A version that worked before comes first, so we never download again.
    if [ -s "$ES_VERSION_FILE" ]; then candidates="$(cat "$ES_VERSION_FILE")"; fi
    for v in "$ES_PREFERRED_VERSION" $ES_FALLBACK_VERSIONS; do
        case " $candidates " in *" $v "*) ;; *) candidates="$candidates $v" ;; esac
    done

    local failures=() logs=()
    for v in $candidates; do
        ES_LAST_ERROR=""
        if ! es_fetch "$v"; then
            warn "Elasticsearch ${ES_LAST_ERROR}"
            failures+=("$ES_LAST_ERROR")
            logs+=("${ES_DIR}/fetch-${v}.log")
            continue
        fi
        if es_launch "$v"; then
            log "Elasticsearch ${v} ready on ${ES_URL} (cluster health: ${ES_STARTED_STATUS})"
            return 0
        fi
        warn "Elasticsearch ${ES_LAST_ERROR}"
        show_log_tail "$ES_STARTUP_LOG" 20
        show_log_tail "${ES_LOG_DIR}/${ES_CLUSTER_NAME}.log" 30
        failures+=("$ES_LAST_ERROR")
        # Keep a copy of the failed node's log before the next try overwrites it.
        cp -f "${ES_LOG_DIR}/${ES_CLUSTER_NAME}.log" "${ES_DIR}/failed-${v}.log" 2>/dev/null && logs+=("${ES_DIR}/failed-${v}.log")
    done
    local summary
    summary="$(printf '%s; ' "${failures[@]}")"
    die "could not get any Elasticsearch 8.x running on ${ES_URL}: ${summary%; }" "$ES_STARTUP_LOG" "${logs[@]}"
}

es_stop() {
    local pid=""
    if [ -s "$ES_PIDFILE" ]; then pid="$(tr -dc '0-9' <"$ES_PIDFILE")"; fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then pid=""; fi
    if [ -z "$pid" ] && es_is_ours && command -v ss >/dev/null 2>&1; then
        # Our cluster answers but the pid file is gone: find the listener.
        pid="$(ss -ltnpH "sport = :${ES_HTTP_PORT}" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)"
    fi
    if [ -z "$pid" ]; then
        rm -f "$ES_PIDFILE"
        log "Elasticsearch is not running"
        return 0
    fi
    log "Stopping Elasticsearch (pid ${pid})"
    kill "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
        warn "Elasticsearch did not stop within 60s; killing it"
        kill -9 "$pid" 2>/dev/null || true
        sleep 1
    fi
    rm -f "$ES_PIDFILE"
    log "Elasticsearch stopped"
}

es_status() {
    if es_is_ours; then
        log "Elasticsearch: running, $(es_running_version) on ${ES_URL} (cluster health: $(es_health_status))"
        return 0
    fi
    log "Elasticsearch: stopped"
    return 1
}

# shellcheck shell=bash
# Two (WEGWEISER_APP_SERVERS) gunicorn app servers on loopback with the production settings, sharing the
# database, the Redis cache and the Elasticsearch cluster: a region's set-up without the proxy in front.
# Sourced by scripts/services.sh after the other libs. They run as the calling user (they are the
# portal, not a service that refuses root), from the repository's .venv.
#
# What they connect to comes from the environment when set (DATABASE_URL, CACHE_URL, ELASTICSEARCH_URL,
# ELASTICSEARCH_INDEX_PREFIX, SECRET_KEY, …), else the services this script starts.

APP_HOST=127.0.0.1
APP_PORT="${WEGWEISER_APP_PORT:-58000}"
APP_SERVERS="${WEGWEISER_APP_SERVERS:-2}"
APP_WORKERS="${WEGWEISER_APP_WORKERS:-2}"
APP_DIR="${SERVICES_DIR}/app"

app_port() { printf '%s\n' $((APP_PORT + $1 - 1)); }
app_pidfile() { printf '%s/server%s.pid\n' "$APP_DIR" "$1"; }

# app_urls: every app server's address, comma-separated.
app_urls() {
    local n urls=""
    for n in $(seq 1 "$APP_SERVERS"); do urls="${urls:+${urls},}http://${APP_HOST}:$(app_port "$n")"; done
    printf '%s\n' "$urls"
}

app_answers() { curl -s -o /dev/null -m 5 -w '%{http_code}' "http://${APP_HOST}:$(app_port "$1")/healthz" 2>/dev/null | grep -q '^[23]'; }

# app_secret_key: one random key kept in .services/app (every server must sign alike).
app_secret_key() {
    local f="${APP_DIR}/secret_key"
    if [ ! -s "$f" ]; then
        (umask 077 && "${REPO_ROOT}/.venv/bin/python" -c 'import secrets; print(secrets.token_urlsafe(60))' >"$f")
    fi
    cat "$f"
}

app_start() {
    local n python="${REPO_ROOT}/.venv/bin/python"
    [ -x "$python" ] || die "no ${python}: run scripts/bootstrap.sh test first"
    "$python" -c 'import gunicorn' 2>/dev/null || die "gunicorn is missing: run scripts/bootstrap.sh test"
    ensure_services_dir
    mkdir -p "$APP_DIR"
    local secret
    secret="${SECRET_KEY:-$(app_secret_key)}"
    export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-wegweiser.site.settings.production}"
    export SECRET_KEY="$secret"
    export ALLOWED_HOSTS="${ALLOWED_HOSTS:-${APP_HOST},localhost}"
    export DATABASE_URL="${DATABASE_URL:-$(pg_database_url)}"
    export CACHE_URL="${CACHE_URL:-${REDIS_URL}}"
    export ELASTICSEARCH_URL="${ELASTICSEARCH_URL:-$(esc_urls)}"
    export ELASTICSEARCH_REPLICAS="${ELASTICSEARCH_REPLICAS:-1}"
    export STATIC_ROOT="${STATIC_ROOT:-${APP_DIR}/static}"
    export WEGWEISER_VAR_DIR="${WEGWEISER_VAR_DIR:-${APP_DIR}/var}"
    # Plain http on loopback (behind the proxy, X-Forwarded-Proto says https).
    export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-0}" SECURE_HSTS_SECONDS="${SECURE_HSTS_SECONDS:-0}"
    export PYTHONPATH="${REPO_ROOT}:${REPO_ROOT}/examples/wegweiser-housing${PYTHONPATH:+:${PYTHONPATH}}"
    if [ ! -s "${STATIC_ROOT}/staticfiles.json" ]; then
        log "Collecting static files into ${STATIC_ROOT}"
        (cd "$REPO_ROOT" && "$python" manage.py collectstatic --noinput -v 0) >"${APP_DIR}/collectstatic.log" 2>&1 \
            || die "collectstatic failed" "${APP_DIR}/collectstatic.log"
    fi
    for n in $(seq 1 "$APP_SERVERS"); do
        if pid_alive "$(app_pidfile "$n")"; then
            log "App server ${n} already running on http://${APP_HOST}:$(app_port "$n")"
            continue
        fi
        port_in_use "$(app_port "$n")" && die "App server ${n}: port ${APP_HOST}:$(app_port "$n") is taken by another process"
        log "Starting app server ${n} on http://${APP_HOST}:$(app_port "$n") (gunicorn, ${APP_WORKERS} workers, log: ${APP_DIR}/server${n}.log)"
        (cd "$REPO_ROOT" && "$python" -m gunicorn wegweiser.site.wsgi --bind "${APP_HOST}:$(app_port "$n")" \
            --workers "$APP_WORKERS" --daemon --pid "$(app_pidfile "$n")" --error-logfile "${APP_DIR}/server${n}.log" \
            --capture-output </dev/null 9>&-) || die "App server ${n} did not start" "${APP_DIR}/server${n}.log"
    done
    local i
    for n in $(seq 1 "$APP_SERVERS"); do
        for i in $(seq 1 120); do
            app_answers "$n" && break
            sleep 0.5
        done
        app_answers "$n" || die "App server ${n} does not answer on http://${APP_HOST}:$(app_port "$n")" "${APP_DIR}/server${n}.log"
    done
    log "App servers ready on $(app_urls) (cache ${CACHE_URL}, search ${ELASTICSEARCH_URL})"
}

app_stop() {
    local n pid i
    for n in $(seq 1 "$APP_SERVERS"); do
        if ! pid_alive "$(app_pidfile "$n")"; then
            rm -f "$(app_pidfile "$n")"
            continue
        fi
        pid="$(tr -dc '0-9' <"$(app_pidfile "$n")")"
        log "Stopping app server ${n} (pid ${pid})"
        kill "$pid" 2>/dev/null || true
        for i in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
        rm -f "$(app_pidfile "$n")"
    done
    log "App servers stopped"
}

app_status() {
    local n rc=1
    for n in $(seq 1 "$APP_SERVERS"); do
        if pid_alive "$(app_pidfile "$n")"; then
            log "App server ${n}: running on http://${APP_HOST}:$(app_port "$n")"
            rc=0
        else
            log "App server ${n}: stopped"
        fi
    done
    return "$rc"
}

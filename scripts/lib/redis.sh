# shellcheck shell=bash
# Redis (Debian's packages) under .services/redis: the cache that several app servers share
# (CACHE_URL=redis://…). Sourced by scripts/services.sh after common.sh.

REDIS_HOST=127.0.0.1
REDIS_PORT="${WEGWEISER_REDIS_PORT:-56379}"
REDIS_URL="redis://${REDIS_HOST}:${REDIS_PORT}/0"
REDIS_DIR="${SERVICES_DIR}/redis"
REDIS_PIDFILE="${REDIS_DIR}/redis.pid"
REDIS_LOG="${REDIS_DIR}/redis.log"

redis_ping() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

redis_start() {
    need_cmd redis-server redis-server
    need_cmd redis-cli redis-tools
    ensure_svc_user
    ensure_services_dir
    mkdir -p "$REDIS_DIR"
    chown_svc "$REDIS_DIR"
    if redis_ping; then
        log "Redis already running on ${REDIS_URL}"
        return 0
    fi
    if port_in_use "$REDIS_PORT"; then
        die "Redis: port ${REDIS_HOST}:${REDIS_PORT} is already taken by another process"
    fi
    log "Starting Redis on ${REDIS_URL} (log: ${REDIS_LOG})"
    # A cache only: nothing saved to disk, the least recently used keys go when it is full.
    as_svc redis-server --bind "$REDIS_HOST" --port "$REDIS_PORT" --protected-mode yes \
        --daemonize yes --pidfile "$REDIS_PIDFILE" --logfile "$REDIS_LOG" --dir "$REDIS_DIR" \
        --save "" --appendonly no --maxmemory 128mb --maxmemory-policy allkeys-lru </dev/null \
        || die "Redis did not start" "$REDIS_LOG"
    local i
    for i in $(seq 1 50); do
        redis_ping && break
        sleep 0.2
    done
    redis_ping || die "Redis started but does not answer on ${REDIS_URL}" "$REDIS_LOG"
    log "Redis ready on ${REDIS_URL}"
}

redis_stop() {
    if ! pid_alive "$REDIS_PIDFILE"; then
        rm -f "$REDIS_PIDFILE"
        log "Redis is not running"
        return 0
    fi
    local pid i
    pid="$(tr -dc '0-9' <"$REDIS_PIDFILE")"
    log "Stopping Redis (pid ${pid})"
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    rm -f "$REDIS_PIDFILE"
    log "Redis stopped"
}

redis_status() {
    if command -v redis-cli >/dev/null 2>&1 && redis_ping; then
        log "Redis: running on ${REDIS_URL}"
        return 0
    fi
    log "Redis: stopped"
    return 1
}

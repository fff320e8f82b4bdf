# shellcheck shell=bash
# PostgreSQL (Debian's packages) as a private cluster under .services/postgres.
# Sourced by scripts/services.sh after common.sh.

PG_HOST=127.0.0.1
PG_PORT="${WEGWEISER_PG_PORT:-55432}"
PG_DB=wegweiser
PG_USER=wegweiser
PG_PASSWORD=wegweiser
PG_DIR="${SERVICES_DIR}/postgres"
PG_DATA="${PG_DIR}/data"
PG_LOG="${PG_DIR}/postgres.log"
PG_SOCKDIR="${PG_DIR}/run"

pg_database_url() {
    printf 'postgres://%s:%s@%s:%s/%s\n' "$PG_USER" "$PG_PASSWORD" "$PG_HOST" "$PG_PORT" "$PG_DB"
}

# Unix socket paths are limited to ~107 bytes; fall back to /tmp for deep checkouts.
pg_pick_sockdir() {
    local sock="${PG_SOCKDIR}/.s.PGSQL.${PG_PORT}.lock"
    if [ "${#sock}" -gt 100 ]; then
        local hash
        hash="$(printf '%s' "$REPO_ROOT" | cksum | cut -d' ' -f1)"
        PG_SOCKDIR="/tmp/wegweiser-pg-${hash}"
    fi
}
pg_pick_sockdir

# Sets PG_BIN to /usr/lib/postgresql/<ver>/bin (newest installed); empty if none.
pg_find_bin() {
    PG_BIN=""
    local cand
    cand="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -n "$cand" ] && [ -x "${cand}/initdb" ] && [ -x "${cand}/pg_ctl" ]; then
        PG_BIN="$cand"
    fi
}

pg_ensure_installed() {
    pg_find_bin
    if [ -z "$PG_BIN" ]; then
        log "PostgreSQL server binaries not found; installing Debian package 'postgresql'"
        apt_install postgresql
        pg_find_bin
        [ -n "$PG_BIN" ] || die "PostgreSQL: no /usr/lib/postgresql/*/bin/initdb even after installing 'postgresql'" "${SERVICES_DIR}/apt.log"
    fi
    # psql/pg_isready in PG_BIN are what we use; no need for the wrappers in /usr/bin.
    PG_MAJOR="$(basename "$(dirname "$PG_BIN")")"
}

pg_ctl_cmd() { as_svc "${PG_BIN}/pg_ctl" -D "$PG_DATA" "$@"; }

pg_is_running() {
    [ -f "${PG_DATA}/PG_VERSION" ] || return 1
    [ -n "${PG_BIN:-}" ] || pg_find_bin
    [ -n "$PG_BIN" ] || return 1
    # pg_ctl refuses to run as root, so ask as the service user.
    if is_root && ! id -u "$SVC_USER" >/dev/null 2>&1; then return 1; fi
    as_svc "${PG_BIN}/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

# psql as the bootstrap superuser 'postgres' over the private unix socket.
pg_psql_admin() {
    "${PG_BIN}/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKDIR" -p "$PG_PORT" -U postgres -d postgres "$@"
}

pg_write_conf() {
    local locale_conf="${PG_DATA}/wegweiser.conf"
    cat >"$locale_conf" <<EOF
# Written by scripts/services.sh on every start; edits here are overwritten.
listen_addresses = '${PG_HOST}'
port = ${PG_PORT}
unix_socket_directories = '${PG_SOCKDIR}'
unix_socket_permissions = 0777
max_connections = 100
shared_buffers = 128MB
# Test speed over durability: this cluster only ever holds throwaway data.
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
log_min_messages = warning
log_line_prefix = '%m [%p] %q%u@%d '
timezone = 'UTC'
EOF
    if ! grep -q "include_if_exists = 'wegweiser.conf'" "${PG_DATA}/postgresql.conf"; then
        printf "\ninclude_if_exists = 'wegweiser.conf'\n" >>"${PG_DATA}/postgresql.conf"
    fi
    cat >"${PG_DATA}/pg_hba.conf" <<EOF
# Written by scripts/services.sh. Private test cluster on loopback only.
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  scram-sha-256
host    all       all   ::1/128       scram-sha-256
EOF
    chown_svc "$locale_conf" "${PG_DATA}/pg_hba.conf" "${PG_DATA}/postgresql.conf"
}

pg_initdb() {
    log "Initialising PostgreSQL ${PG_MAJOR} cluster in ${PG_DATA}"
    local locale=C
    if locale -a 2>/dev/null | grep -qiE '^C\.utf-?8$'; then locale=C.UTF-8; fi
    rm -rf "$PG_DATA"
    mkdir -p "$PG_DATA"
    chmod 700 "$PG_DATA"
    chown_svc "$PG_DIR"
    if ! as_svc "${PG_BIN}/initdb" -D "$PG_DATA" -U postgres --auth=trust \
        --encoding=UTF8 --locale="$locale" --no-sync >"${PG_DIR}/initdb.log" 2>&1; then
        rm -rf "$PG_DATA"
        die "PostgreSQL ${PG_MAJOR}: initdb failed" "${PG_DIR}/initdb.log"
    fi
}

pg_bootstrap_roles() {
    pg_psql_admin >>"$PG_LOG" 2>&1 <<SQL || die "PostgreSQL: could not create role/database ${PG_USER}/${PG_DB}" "$PG_LOG"
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${PG_USER}') THEN
    CREATE ROLE ${PG_USER} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
  ELSE
    ALTER ROLE ${PG_USER} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
  END IF;
END
\$\$;
-- The test suite drops each test process's database WITH (FORCE) at its end. An autovacuum worker still in
-- that database belongs to no role, and PostgreSQL 15 lets only pg_signal_backend's members end it: without
-- this grant the drop fails now and then, after a run that churned the database long enough.
GRANT pg_signal_backend TO ${PG_USER};
SELECT 'CREATE DATABASE ${PG_DB} OWNER ${PG_USER} ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${PG_DB}')
\gexec
SQL
}

pg_check_tcp() {
    PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 "${PG_BIN}/psql" -X -q -t -A \
        "$(pg_database_url)" -c 'SELECT 1' >/dev/null 2>>"$PG_LOG"
}

pg_server_version() {
    pg_psql_admin -t -A -c 'SHOW server_version' 2>/dev/null | awk '{print $1}'
}

pg_start() {
    pg_ensure_installed
    ensure_svc_user
    ensure_services_dir
    mkdir -p "$PG_DIR" "$PG_SOCKDIR"
    chown_svc "$PG_DIR" "$PG_SOCKDIR"
    touch "$PG_LOG" && chown_svc "$PG_LOG"

    if pg_is_running; then
        pg_bootstrap_roles
        log "PostgreSQL already running: $(pg_server_version) on ${PG_HOST}:${PG_PORT} (data: ${PG_DATA})"
        return 0
    fi

    if port_in_use "$PG_PORT"; then
        die "PostgreSQL: port ${PG_HOST}:${PG_PORT} is already taken by another process (not our cluster in ${PG_DATA})"
    fi

    if [ -f "${PG_DATA}/PG_VERSION" ]; then
        local have
        have="$(cat "${PG_DATA}/PG_VERSION")"
        if [ "$have" != "$PG_MAJOR" ]; then
            log "Existing cluster is PostgreSQL ${have}, binaries are ${PG_MAJOR}: re-initialising (test data only)"
            pg_initdb
        fi
    else
        pg_initdb
    fi
    pg_write_conf
    chmod 700 "$PG_DATA"

    log "Starting PostgreSQL ${PG_MAJOR} on ${PG_HOST}:${PG_PORT} (log: ${PG_LOG})"
    if ! pg_ctl_cmd -l "$PG_LOG" -w -t 60 start >"${PG_DIR}/pg_ctl.out" 2>&1; then
        cat "${PG_DIR}/pg_ctl.out" >>"$PG_LOG" 2>/dev/null || true
        die "PostgreSQL ${PG_MAJOR} did not start on ${PG_HOST}:${PG_PORT}" "$PG_LOG"
    fi

    pg_bootstrap_roles
    pg_check_tcp || die "PostgreSQL started but $(pg_database_url) does not accept connections" "$PG_LOG"
    log "PostgreSQL ${PG_MAJOR} ready on ${PG_HOST}:${PG_PORT} (server $(pg_server_version), database ${PG_DB}, role ${PG_USER} with CREATEDB)"
}

pg_stop() {
    pg_find_bin
    if [ -z "$PG_BIN" ] || ! pg_is_running; then
        log "PostgreSQL is not running"
        return 0
    fi
    log "Stopping PostgreSQL"
    if ! pg_ctl_cmd -m fast -w -t 60 stop >>"$PG_LOG" 2>&1; then
        pg_ctl_cmd -m immediate -w -t 30 stop >>"$PG_LOG" 2>&1 \
            || die "PostgreSQL did not stop" "$PG_LOG"
    fi
    log "PostgreSQL stopped"
}

pg_status() {
    pg_find_bin
    if [ -n "$PG_BIN" ] && pg_is_running; then
        PG_MAJOR="$(basename "$(dirname "$PG_BIN")")"
        log "PostgreSQL: running, $(pg_server_version) on ${PG_HOST}:${PG_PORT} (data: ${PG_DATA})"
        return 0
    fi
    log "PostgreSQL: stopped"
    return 1
}

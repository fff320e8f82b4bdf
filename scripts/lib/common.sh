# shellcheck shell=bash
# Shared helpers for scripts/services.sh. Sourced, not executed.
#
# Expects REPO_ROOT to be set by the caller (computed from the script location).

: "${REPO_ROOT:?REPO_ROOT must be set before sourcing common.sh}"

SERVICES_DIR="${REPO_ROOT}/.services"
SVC_USER="${WEGWEISER_SVC_USER:-wegweiser-svc}"

# ---------------------------------------------------------------- messages --

log() { printf '[services] %s\n' "$*"; }
warn() { printf '[services] WARNING: %s\n' "$*" >&2; }

# show_log_tail FILE [LINES]: print the last lines of a log file to stderr.
show_log_tail() {
    local file="$1" lines="${2:-40}"
    if [ -n "$file" ] && [ -s "$file" ]; then
        printf '[services] ---- last %s lines of %s ----\n' "$lines" "$file" >&2
        tail -n "$lines" "$file" >&2 || true
        printf '[services] ---- end of %s ----\n' "$file" >&2
    fi
}

# die MESSAGE [LOGFILE...]: one clear error line, the tail of the logs, exit 1.
die() {
    local msg="$1"
    shift || true
    printf '[services] ERROR: %s\n' "$msg" >&2
    local f
    for f in "$@"; do show_log_tail "$f"; done
    exit 1
}

# ------------------------------------------------------------------ users --

is_root() { [ "$(id -u)" -eq 0 ]; }

# The user the services run as: a dedicated system user when we are root
# (PostgreSQL and Elasticsearch both refuse to run as root), else ourselves.
svc_user() {
    if is_root; then printf '%s\n' "$SVC_USER"; else id -un; fi
}

ensure_svc_user() {
    is_root || return 0
    if ! id -u "$SVC_USER" >/dev/null 2>&1; then
        log "Creating system user ${SVC_USER}"
        local nologin=/usr/sbin/nologin
        [ -x "$nologin" ] || nologin=/bin/false
        useradd --system --user-group --no-create-home \
            --home-dir /nonexistent --shell "$nologin" "$SVC_USER" \
            || die "could not create system user ${SVC_USER} (useradd failed)"
    fi
}

# as_svc CMD...: run a command as the service user.
as_svc() {
    # fd 9 holds the services.sh lock: daemons must not inherit it.
    if is_root; then
        runuser -u "$SVC_USER" -- "$@" 9>&-
    else
        "$@" 9>&-
    fi
}

# chown_svc PATH...: give paths (recursively) to the service user when root.
chown_svc() {
    is_root || return 0
    chown -R "${SVC_USER}:" "$@" || die "could not chown $* to ${SVC_USER}"
}

# ensure_traversable DIR: make sure the service user can reach DIR, i.e.
# every parent directory is searchable (o+x) for it. Only changes anything
# when we are root and the service user really cannot get there.
ensure_traversable() {
    local dir="$1"
    is_root || return 0
    if runuser -u "$SVC_USER" -- test -x "$dir" 2>/dev/null; then
        return 0
    fi
    local p="$dir"
    local parents=()
    while [ "$p" != "/" ] && [ -n "$p" ]; do
        parents+=("$p")
        p="$(dirname "$p")"
    done
    local d
    for d in "${parents[@]}"; do
        if ! runuser -u "$SVC_USER" -- test -x "$d" 2>/dev/null; then
            log "Making ${d} traversable (o+x) for ${SVC_USER}"
            chmod o+x "$d" || die "could not make ${d} traversable for ${SVC_USER}"
        fi
    done
    runuser -u "$SVC_USER" -- test -x "$dir" \
        || die "${SVC_USER} still cannot reach ${dir} (check mount options / ACLs)"
}

# ---------------------------------------------------------------- install --

APT_UPDATED=0

# apt_install PKG...: install Debian packages non-interactively.
apt_install() {
    local sudo=()
    if ! is_root; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            die "need to install Debian package(s) $* but not root and no password-less sudo"
        fi
    fi
    command -v apt-get >/dev/null 2>&1 || die "need Debian package(s) $* but apt-get is not available"
    local aptlog="${SERVICES_DIR}/apt.log"
    mkdir -p "$SERVICES_DIR"
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update (log: ${aptlog})"
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >>"$aptlog" 2>&1 \
            || die "apt-get update failed" "$aptlog"
        APT_UPDATED=1
    fi
    log "Installing Debian package(s): $* (log: ${aptlog})"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" \
        </dev/null >>"$aptlog" 2>&1 \
        || die "could not install Debian package(s): $*" "$aptlog"
}

# need_cmd CMD PKG: install PKG if CMD is missing.
need_cmd() {
    command -v "$1" >/dev/null 2>&1 || apt_install "$2"
    command -v "$1" >/dev/null 2>&1 || die "command '$1' still missing after installing $2"
}

# ------------------------------------------------------------------- misc --

# port_in_use PORT: true if something listens on 127.0.0.1:PORT.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# pid_alive PIDFILE: true if the pid in PIDFILE is a running process.
pid_alive() {
    local f="$1" pid
    [ -s "$f" ] || return 1
    pid="$(tr -dc '0-9' <"$f")"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# with_lock: serialise concurrent invocations of services.sh.
take_lock() {
    mkdir -p "$SERVICES_DIR"
    if command -v flock >/dev/null 2>&1; then
        exec 9>"${SERVICES_DIR}/.lock"
        if flock -n 9; then return 0; fi
        log "Waiting for another scripts/services.sh to finish (lock ${SERVICES_DIR}/.lock)"
        if ! flock -w 600 9; then
            die "another scripts/services.sh is still running (lock ${SERVICES_DIR}/.lock held for 10 min)"
        fi
    fi
}

ensure_services_dir() {
    mkdir -p "$SERVICES_DIR"
    # Git-ignored anyway; this makes the directory ignorable even without
    # the repo's .gitignore (e.g. when copied elsewhere).
    [ -f "${SERVICES_DIR}/.gitignore" ] || printf '*\n' >"${SERVICES_DIR}/.gitignore"
    if is_root; then
        chmod 755 "$SERVICES_DIR"
        ensure_traversable "$SERVICES_DIR"
    fi
}

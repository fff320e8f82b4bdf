#!/usr/bin/env bash
# Install (if needed) and verify the system Chromium + chromedriver used by the
# browser tests (Playwright for Python drives /usr/bin/chromium via
# executable_path; do NOT run `playwright install`, browser downloads are not
# available here).
#
#   scripts/install_browser.sh
#
# Idempotent: apt-get only runs when /usr/bin/chromium or /usr/bin/chromedriver
# is missing. Needs root for the install step. Works without stdin / with CI=true.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver
VERIFY_TIMEOUT="${VERIFY_TIMEOUT:-60}"

# Flags that keep Chromium from talking to the network / needing a GPU or sandbox.
CHROMIUM_FLAGS=(
  --headless
  --no-sandbox
  --disable-gpu
  --disable-background-networking
  --disable-component-update
  --no-first-run
  --disable-sync
)

die() { echo "install_browser.sh: ERROR: $*" >&2; exit 1; }
log() { echo "install_browser.sh: $*"; }

if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
  log "chromium and chromedriver already installed, skipping apt-get."
else
  missing=()
  [ -x "$CHROMIUM" ] || missing+=("$CHROMIUM")
  [ -x "$CHROMEDRIVER" ] || missing+=("$CHROMEDRIVER")
  if [ "$(id -u)" -ne 0 ]; then
    die "missing ${missing[*]}; installing needs root. Run as root (or: sudo $0), or install the Debian packages 'chromium' and 'chromium-driver' manually."
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and apt-get is not available (Debian/Ubuntu required)."
  log "missing ${missing[*]}; installing chromium + chromium-driver via apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update </dev/null || die "'apt-get update' failed."
  apt-get install -y --no-install-recommends chromium chromium-driver </dev/null \
    || die "'apt-get install chromium chromium-driver' failed."
  [ -x "$CHROMIUM" ]     || die "$CHROMIUM still missing after install."
  [ -x "$CHROMEDRIVER" ] || die "$CHROMEDRIVER still missing after install."
fi

log "$("$CHROMIUM" --version 2>/dev/null || echo 'chromium: version unknown')"
log "$("$CHROMEDRIVER" --version 2>/dev/null || echo 'chromedriver: version unknown')"

# Verify Chromium actually starts headless and renders a page.
errlog="$(mktemp "${TMPDIR:-/tmp}/install_browser.chromium.XXXXXX")"
trap 'rm -f "$errlog"' EXIT
out="$(timeout --kill-after=10 "$VERIFY_TIMEOUT" "$CHROMIUM" "${CHROMIUM_FLAGS[@]}" \
        --dump-dom about:blank </dev/null 2>"$errlog")" || {
  rc=$?
  cat "$errlog" >&2 || true
  [ "$rc" -eq 124 ] && die "chromium did not finish within ${VERIFY_TIMEOUT}s."
  die "chromium headless check failed (exit $rc)."
}
case "$out" in
  *"<html"*) log "headless chromium OK (dumped DOM of about:blank)." ;;
  *) cat "$errlog" >&2 || true
     die "chromium ran but printed no DOM: '$out'" ;;
esac

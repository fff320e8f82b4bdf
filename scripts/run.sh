#!/usr/bin/env bash
# make run: install, migrate, load the demo town, create the admin account and serve on 127.0.0.1:8000.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO_ROOT"
scripts/bootstrap.sh run
scripts/build_assets.sh
scripts/messages.sh compile
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-wegweiser.site.settings.dev}"
PY="$REPO_ROOT/.venv/bin/python"
mkdir -p "${WEGWEISER_VAR_DIR:-var}"  # the SQLite database and uploads
"$PY" manage.py migrate --no-input
"$PY" manage.py load_demo
"$PY" manage.py ensure_admin
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://$HOST:$PORT}"  # links in mails point to this server
echo
echo "  Wegweiser is starting on http://$HOST:$PORT/  (admin: http://$HOST:$PORT/admin/)"
echo
exec "$PY" manage.py runserver "$HOST:$PORT"

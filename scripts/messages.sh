#!/usr/bin/env bash
# Translation catalogues: "scripts/messages.sh extract" updates every .po file from the source;
# "scripts/messages.sh compile" builds the .mo files (with polib, so gettext's tools are not needed).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO_ROOT"
PY="$REPO_ROOT/.venv/bin/python"
LANGS=(de en ar fa uk ru tr)
APPS=(offers events volunteers search api reports)

case "${1:-}" in
    extract)
        args=()
        for lang in "${LANGS[@]}"; do args+=(-l "$lang"); done
        export DJANGO_SETTINGS_MODULE=wegweiser.site.settings.dev
        # The search app is excluded by its files and folders, not by "search/*": makemessages matches
        # that against every folder named "search", which would also drop templates/search (the finder).
        (cd wegweiser && "$PY" ../manage.py makemessages "${args[@]}" --no-obsolete --no-location \
            -i "offers/*" -i "events/*" -i "volunteers/*" -i "search/*.py" -i "search/backends" -i "search/es" -i "search/management" -i "search/migrations" -i "search/static" -i "api/*" -i "reports/*" -i "static/vendor/*")
        for app in "${APPS[@]}"; do
            mkdir -p "wegweiser/$app/locale"
            (cd "wegweiser/$app" && "$PY" ../../manage.py makemessages "${args[@]}" --no-obsolete --no-location)
        done
        mkdir -p examples/wegweiser-housing/wegweiser_housing/locale
        (cd examples/wegweiser-housing/wegweiser_housing && "$PY" ../../../manage.py makemessages "${args[@]}" --no-obsolete --no-location)
        ;;
    compile)
        "$PY" - <<'PYEOF'
import pathlib
import polib

count = 0
for po_path in pathlib.Path(".").glob("**/locale/*/LC_MESSAGES/*.po"):
    if ".venv" in po_path.parts or "node_modules" in po_path.parts:
        continue
    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    count += 1
print(f"[messages] compiled {count} catalogues")
PYEOF
        ;;
    *)
        echo "usage: scripts/messages.sh extract|compile" >&2
        exit 2
        ;;
esac

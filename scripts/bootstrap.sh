#!/usr/bin/env bash
# Create .venv and install the project (and, with "test", what the tests need) at the locked versions.
# Re-running is cheap: the install is skipped while pyproject.toml and requirements.lock are unchanged.
#   scripts/bootstrap.sh [run|test]
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO_ROOT"
PROFILE="${1:-run}"
PYTHON="${PYTHON:-python3}"
VENV="$REPO_ROOT/.venv"

if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    echo "[bootstrap] ERROR: Python 3.11 or newer is required ($PYTHON is $("$PYTHON" --version 2>&1))." >&2
    exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
    echo "[bootstrap] creating virtualenv in .venv"
    "$PYTHON" -m venv "$VENV"
fi
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check -q)

stamp="$VENV/.wegweiser-$PROFILE.stamp"
fingerprint="$(cat pyproject.toml requirements.lock examples/wegweiser-housing/pyproject.toml 2>/dev/null | sha256sum | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$fingerprint" ]; then
    echo "[bootstrap] dependencies up to date ($PROFILE)"
    exit 0
fi

echo "[bootstrap] installing dependencies ($PROFILE) from requirements.lock"
targets=(-e .)
if [ "$PROFILE" = "test" ]; then
    targets=(-e ".[test]")
    [ -d examples/wegweiser-housing ] && targets+=(-e examples/wegweiser-housing)
fi
# uv (from PyPI, into the virtualenv) fetches and installs the locked packages in parallel: about 30 s on a
# fresh machine where pip takes several minutes. If uv cannot be installed, pip does the same install.
if "${PIP[@]}" install "uv>=0.5,<1" && "$VENV/bin/uv" pip install -q --python "$VENV/bin/python" \
    -c requirements.lock "${targets[@]}"; then
    :
else
    echo "[bootstrap] uv unavailable or failed; installing with pip"
    "${PIP[@]}" install --upgrade "pip>=24" setuptools wheel
    "${PIP[@]}" install -c requirements.lock "${targets[@]}"
fi
echo "$fingerprint" > "$stamp"
echo "[bootstrap] done"

#!/usr/bin/env bash
# Build the self-hosted front-end vendor assets for Wegweiser.
#
#   scripts/build_assets.sh            # install (if needed) + copy into wegweiser/static/vendor/
#   scripts/build_assets.sh --force    # always re-run `npm ci`
#
# * Packages come from the npm registry, pinned in frontend/package-lock.json.
# * `npm ci` only runs when frontend/node_modules is missing or the lock file
#   changed since the last install (stamp file inside node_modules).
# * Output: wegweiser/static/vendor/ (generated, git-ignored). It is rebuilt
#   from scratch in a temporary directory and swapped in, so re-running is safe.
# * No network access is needed at run time: all assets (JS, CSS, images,
#   fonts) are served by the portal itself.
# * The language switcher's font is subset with fontTools from the project's
#   virtualenv (.venv, made by scripts/bootstrap.sh; WEGWEISER_PYTHON overrides).
# * Works from any cwd, with CI=true and without stdin.
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/.." && pwd -P)"
FRONTEND="$REPO_ROOT/frontend"
NODE_MODULES="$FRONTEND/node_modules"
VENDOR="$REPO_ROOT/wegweiser/static/vendor"
STAMP="$NODE_MODULES/.wegweiser-lock.sha256"
PYTHON="${WEGWEISER_PYTHON:-$REPO_ROOT/.venv/bin/python}"  # fontTools, for the switcher's font (3b)

FORCE=0
case "${1:-}" in
  --force) FORCE=1 ;;
  "") ;;
  -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
  *) echo "build_assets.sh: unknown argument: $1" >&2; exit 2 ;;
esac

die() { echo "build_assets.sh: ERROR: $*" >&2; exit 1; }
log() { echo "build_assets.sh: $*"; }

command -v node >/dev/null 2>&1 || die "node is not installed (Node.js >= 18 required)."
command -v npm  >/dev/null 2>&1 || die "npm is not installed."
[ -f "$FRONTEND/package.json" ]      || die "missing $FRONTEND/package.json"
[ -f "$FRONTEND/package-lock.json" ] || die "missing $FRONTEND/package-lock.json"

# Never prompt, never try to talk to a terminal.
export CI="${CI:-true}"
export npm_config_yes=false npm_config_update_notifier=false \
       npm_config_audit=false npm_config_fund=false npm_config_progress=false

lock_hash="$(sha256sum "$FRONTEND/package-lock.json" "$FRONTEND/package.json" | sha256sum | cut -d' ' -f1)"

# --------------------------------------------------------------------------
# 1. npm ci (only when needed)
# --------------------------------------------------------------------------
if [ "$FORCE" = 1 ] || [ ! -d "$NODE_MODULES" ] || [ ! -f "$STAMP" ] \
   || [ "$(cat "$STAMP" 2>/dev/null)" != "$lock_hash" ]; then
  log "installing npm packages (npm ci) in frontend/ ..."
  npm_log="$(mktemp "${TMPDIR:-/tmp}/wegweiser-npm-ci.XXXXXX")"
  if ! (cd "$FRONTEND" && npm ci --no-audit --no-fund --ignore-scripts </dev/null >"$npm_log" 2>&1); then
    cat "$npm_log" >&2
    rm -f "$npm_log"
    die "'npm ci' failed in $FRONTEND (see output above). Check network access to the npm registry ($(npm config get registry 2>/dev/null || echo '?')) and that package-lock.json matches package.json."
  fi
  grep -v 'Unknown user config' "$npm_log" || true
  rm -f "$npm_log"
  echo "$lock_hash" >"$STAMP"
else
  log "frontend/node_modules is up to date (lock unchanged), skipping npm ci."
fi

# --------------------------------------------------------------------------
# 2. Copy assets into a fresh temporary vendor dir
# --------------------------------------------------------------------------
mkdir -p "$(dirname "$VENDOR")"
TMP_VENDOR="$(mktemp -d "$(dirname "$VENDOR")/.vendor.tmp.XXXXXX")"
trap 'rm -rf "$TMP_VENDOR"' EXIT

copy() {  # copy SRC (relative to node_modules) DEST (relative to vendor)
  local src="$NODE_MODULES/$1" dest="$TMP_VENDOR/$2"
  [ -f "$src" ] || die "expected file not found: frontend/node_modules/$1 (wrong package version?)"
  mkdir -p "$(dirname "$dest")"
  cp "$src" "$dest"
}

# Leaflet (the source map is referenced by leaflet.js; shipping it keeps
# Django's ManifestStaticFilesStorage/collectstatic happy)
copy leaflet/dist/leaflet.js              leaflet/leaflet.js
copy leaflet/dist/leaflet.js.map          leaflet/leaflet.js.map
copy leaflet/dist/leaflet.css             leaflet/leaflet.css
for img in "$NODE_MODULES"/leaflet/dist/images/*; do
  copy "leaflet/dist/images/$(basename "$img")" "leaflet/images/$(basename "$img")"
done
# axe-core (accessibility tests)
copy axe-core/axe.min.js                  axe-core/axe.min.js

# --------------------------------------------------------------------------
# 3. Fonts: woff2 only, weights 400 + 700, selected subsets; generate fonts.css
#    (unicode-range taken from fontsource's own CSS).
# --------------------------------------------------------------------------
mkdir -p "$TMP_VENDOR/fonts"
NODE_MODULES="$NODE_MODULES" OUT_DIR="$TMP_VENDOR/fonts" node - <<'NODE' || die "generating fonts/fonts.css failed"
const fs = require('fs');
const path = require('path');
const nm = process.env.NODE_MODULES;
const out = process.env.OUT_DIR;

// [package, font-family, subsets] -- order matters: Noto Sans first so that
// Latin text in Arabic/Persian pages uses Noto Sans glyphs.
const fonts = [
  ['@fontsource/noto-sans', 'Noto Sans', ['latin', 'latin-ext', 'cyrillic']],
  ['@fontsource/noto-sans-arabic', 'Noto Sans Arabic', ['arabic']],
];
const weights = [400, 700];

let css = '/* Generated by scripts/build_assets.sh from @fontsource packages. Do not edit. */\n';
for (const [pkg, family, subsets] of fonts) {
  const pkgDir = path.join(nm, pkg);
  const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  const id = pkg.split('/')[1];
  css += `\n/* ${family} -- ${pkg}@${version} (SIL Open Font License 1.1) */\n`;
  fs.copyFileSync(path.join(pkgDir, 'LICENSE'), path.join(out, `LICENSE-${id}.txt`));
  for (const weight of weights) {
    const src = fs.readFileSync(path.join(pkgDir, `${weight}.css`), 'utf8');
    for (const subset of subsets) {
      const name = `${id}-${subset}-${weight}-normal`;
      // Find the block introduced by "/* <name> */" and take its unicode-range.
      const re = new RegExp(`/\\* ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\*/\\s*@font-face\\s*{([^}]*)}`);
      const m = src.match(re);
      if (!m) throw new Error(`@font-face block for ${name} not found in ${pkg}/${weight}.css`);
      const ur = m[1].match(/unicode-range:\s*([^;]+);/);
      if (!ur) throw new Error(`no unicode-range for ${name} in ${pkg}/${weight}.css`);
      const file = `${name}.woff2`;
      const srcFile = path.join(pkgDir, 'files', file);
      if (!fs.existsSync(srcFile)) throw new Error(`missing ${srcFile}`);
      fs.copyFileSync(srcFile, path.join(out, file));
      css += `@font-face {
  font-family: '${family}';
  font-style: normal;
  font-display: swap;
  font-weight: ${weight};
  src: url('./${file}') format('woff2');
  unicode-range: ${ur[1].trim()};
}
`;
    }
  }
}
fs.writeFileSync(path.join(out, 'fonts.css'), css);
NODE

# --------------------------------------------------------------------------
# 3b. The language switcher's endonyms ("العربية", "فارسی", "Українська", ...)
#     in a font of their own, subset (fontTools, as pyftsubset does) to just
#     their letters: a German page shows them without downloading the whole
#     Arabic and Cyrillic fonts. Latin letters stay with Noto Sans. The names
#     are read from the portal's LANGUAGES, so a new language is covered on the
#     next build.
# --------------------------------------------------------------------------
[ -x "$PYTHON" ] || die "$PYTHON is missing: run scripts/bootstrap.sh first (it installs fontTools)."
NODE_MODULES="$NODE_MODULES" OUT_DIR="$TMP_VENDOR/fonts" PYTHONPATH="$REPO_ROOT" "$PYTHON" - <<'PY' || die "subsetting the switcher's font failed (fontTools, brotli: scripts/bootstrap.sh)"
import os
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from wegweiser.site.settings.base import LANGUAGES

node_modules = Path(os.environ["NODE_MODULES"])
out = Path(os.environ["OUT_DIR"])
FAMILY = "Wegweiser Endonyms"
# Script subsets of the page fonts that hold the non-Latin endonyms; only the regular weight: the current
# language is shown in bold in the page's own font, which its page loads anyway.
SOURCES = [
    ("arabic", "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2"),
    ("cyrillic", "@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2"),
]
text = "".join(name for _code, name in LANGUAGES)
# Latin (and spaces, digits) stays with Noto Sans, which every page loads already.
wanted = sorted({ord(char) for char in text if ord(char) > 0x24F})


def unicode_range(codepoints: list[int]) -> str:
    ranges, start = [], None
    for index, point in enumerate(codepoints):
        if start is None:
            start = point
        if index + 1 == len(codepoints) or codepoints[index + 1] != point + 1:
            ranges.append(f"U+{start:04X}" if start == point else f"U+{start:04X}-{point:04X}")
            start = None
    return ",".join(ranges)


css = f"\n/* {FAMILY}: the language switcher's names, subset from the fonts above (same licence) */\n"
covered: set[int] = set()
for script, source in SOURCES:
    font = TTFont(node_modules / source)
    codepoints = [point for point in wanted if point in font.getBestCmap()]
    if not codepoints:
        continue
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and the licence
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    file = f"endonyms-{script}-400-normal.woff2"
    font.save(out / file)
    covered.update(codepoints)
    css += f"""@font-face {{
  font-family: '{FAMILY}';
  font-style: normal;
  font-display: swap;
  font-weight: 400;
  src: url('./{file}') format('woff2');
  unicode-range: {unicode_range(codepoints)};
}}
"""
missing = [f"U+{point:04X}" for point in wanted if point not in covered]
if missing:
    raise SystemExit(f"no font holds these letters of the language names: {' '.join(missing)}")
with open(out / "fonts.css", "a", encoding="utf-8") as fonts_css:
    fonts_css.write(css)
PY

# --------------------------------------------------------------------------
# 4. MANIFEST.txt (deterministic: no timestamps)
# --------------------------------------------------------------------------
pkg_version() { node -p "require(process.argv[1]).version" "$NODE_MODULES/$1/package.json"; }
{
  echo "# Wegweiser vendored front-end assets -- generated by scripts/build_assets.sh"
  echo "# Source: npm registry, pinned in frontend/package-lock.json. Do not edit by hand."
  echo "#"
  echo "# Packages:"
  for p in leaflet axe-core @fontsource/noto-sans @fontsource/noto-sans-arabic; do
    echo "#   $p@$(pkg_version "$p")"
  done
  echo "#"
  echo "# Files (sha256  bytes  path):"
  (cd "$TMP_VENDOR" && find . -type f ! -name MANIFEST.txt -printf '%P\n' | LC_ALL=C sort | while read -r f; do
    printf '%s  %s  %s\n' "$(sha256sum "$f" | cut -d' ' -f1)" "$(stat -c %s "$f")" "$f"
  done)
} >"$TMP_VENDOR/MANIFEST.txt"

# --------------------------------------------------------------------------
# 5. Swap in
# --------------------------------------------------------------------------
chmod -R u=rwX,go=rX "$TMP_VENDOR"
rm -rf "$VENDOR"
mv "$TMP_VENDOR" "$VENDOR"
trap - EXIT

log "vendor assets written to ${VENDOR#"$REPO_ROOT"/} ($(find "$VENDOR" -type f | wc -l) files, $(du -sh "$VENDOR" | cut -f1))."

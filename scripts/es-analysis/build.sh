#!/usr/bin/env bash
# Build the wegweiser-analysis Elasticsearch plugin and install it into an
# Elasticsearch home. It stands in for the analysis-common module that the
# integ-test-zip distribution lacks (see README.md next to this script).
#
# Usage: scripts/es-analysis/build.sh ES_HOME [CACHE_DIR]
#
#   ES_HOME    unpacked Elasticsearch distribution (has lib/elasticsearch-X.Y.Z.jar)
#   CACHE_DIR  where compiled builds are kept, one per (ES version, source hash);
#              default: <ES_HOME>/../../wegweiser-analysis
#
# Compiles src/**/*.java with javac against ES_HOME/lib/*.jar (only when the
# sources, this script or the ES version changed), then makes sure
# ES_HOME/plugins/wegweiser-analysis/ holds the current build. Prints the
# installed plugin folder on stdout; progress goes to stderr.
#
# javac: $JAVAC, else $ES_JAVA_HOME/bin/javac, else $JAVA_HOME/bin/javac, else javac on PATH.
set -euo pipefail
umask 022

say() { printf '[es-analysis] %s\n' "$*" >&2; }
fail() { printf '[es-analysis] ERROR: %s\n' "$*" >&2; exit 1; }

[ $# -ge 1 ] || fail "usage: $0 ES_HOME [CACHE_DIR]"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ES_HOME="$(cd "$1" && pwd)" || fail "no such directory: $1"
[ -d "${ES_HOME}/lib" ] || fail "${ES_HOME} has no lib/ directory"
CACHE_DIR="${2:-$(dirname "$(dirname "$ES_HOME")")/wegweiser-analysis}"
PLUGIN_NAME=wegweiser-analysis
TARGET="${ES_HOME}/plugins/${PLUGIN_NAME}"

# Elasticsearch version from lib/elasticsearch-X.Y.Z.jar.
ES_VERSION="$(cd "${ES_HOME}/lib" && ls elasticsearch-[0-9]*.jar 2>/dev/null | sed -n 's/^elasticsearch-\([0-9][0-9.]*[0-9]\)\.jar$/\1/p' | head -n 1)"
[ -n "$ES_VERSION" ] || fail "cannot tell the Elasticsearch version from ${ES_HOME}/lib/elasticsearch-*.jar"

find_javac() {
    local c
    for c in "${JAVAC:-}" "${ES_JAVA_HOME:+${ES_JAVA_HOME}/bin/javac}" "${JAVA_HOME:+${JAVA_HOME}/bin/javac}"; do
        if [ -n "$c" ] && [ -x "$c" ]; then printf '%s\n' "$c"; return 0; fi
    done
    command -v javac 2>/dev/null
}
JAVAC_BIN="$(find_javac)" || fail "no javac found (install a JDK, e.g. apt-get install openjdk-17-jdk-headless)"
JAR_BIN="$(dirname "$(readlink -f "$JAVAC_BIN")")/jar"

# Everything that determines the build output goes into the hash.
SOURCES=()
while IFS= read -r f; do SOURCES+=("$f"); done < <(cd "$HERE" && find src -type f -name '*.java' | LC_ALL=C sort)
[ "${#SOURCES[@]}" -gt 0 ] || fail "no Java sources under ${HERE}/src"
HASH="$(
    cd "$HERE"
    {
        printf 'es=%s\n' "$ES_VERSION"
        (cd "${ES_HOME}/lib" && ls -1 ./*.jar)
        sha256sum build.sh "${SOURCES[@]}"
    } | sha256sum | cut -c1-16
)"
BUILD_DIR="${CACHE_DIR}/${ES_VERSION}-${HASH}"
PLUGIN_DIR="${BUILD_DIR}/plugin"

if [ -s "${PLUGIN_DIR}/plugin-descriptor.properties" ] && [ -s "${PLUGIN_DIR}/${PLUGIN_NAME}.jar" ]; then
    say "using cached build ${BUILD_DIR}"
else
    say "compiling ${#SOURCES[@]} Java sources against Elasticsearch ${ES_VERSION} with ${JAVAC_BIN}"
    mkdir -p "$CACHE_DIR"
    TMP="$(mktemp -d "${CACHE_DIR}/build.XXXXXX")"
    trap 'rm -rf "$TMP"' EXIT
    mkdir -p "${TMP}/classes" "${TMP}/plugin"
    start=$SECONDS
    (cd "$HERE" && "$JAVAC_BIN" --release 17 -encoding UTF-8 -nowarn -Xlint:none \
        -cp "${ES_HOME}/lib/*" -d "${TMP}/classes" "${SOURCES[@]}") >"${TMP}/javac.log" 2>&1 || {
        cat "${TMP}/javac.log" >&2
        fail "javac failed"
    }
    if [ -x "$JAR_BIN" ]; then
        "$JAR_BIN" --create --file "${TMP}/plugin/${PLUGIN_NAME}.jar" -C "${TMP}/classes" . || fail "jar failed"
    else
        (cd "${TMP}/classes" && python3 -c 'import os,sys,zipfile
with zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED) as z:
    for d,_,fs in os.walk("."):
        for f in sorted(fs): z.write(os.path.join(d,f), os.path.relpath(os.path.join(d,f),"."))' "${TMP}/plugin/${PLUGIN_NAME}.jar") || fail "could not package the jar"
    fi
    cat >"${TMP}/plugin/plugin-descriptor.properties" <<PROPS
# Built by scripts/es-analysis/build.sh (source hash ${HASH}).
description=Wegweiser: standard analysis components (language analyzers, asciifolding, synonyms, ngrams, decompounder, stemmers) for distributions without analysis-common
version=${ES_VERSION}
name=${PLUGIN_NAME}
classname=org.wegweiser.analysis.WegweiserAnalysisPlugin
java.version=17
elasticsearch.version=${ES_VERSION}
PROPS
    rm -rf "$BUILD_DIR"
    mkdir -p "$BUILD_DIR"
    mv "${TMP}/plugin" "$PLUGIN_DIR"
    say "built ${PLUGIN_DIR} in $((SECONDS - start))s"
    # Older builds for this Elasticsearch version are of no further use.
    for old in "${CACHE_DIR}/${ES_VERSION}-"*; do
        [ "$old" = "$BUILD_DIR" ] || rm -rf "$old"
    done
fi

# Install (copy) into ES_HOME/plugins unless it is already the same build.
if [ -d "$TARGET" ] && cmp -s "${PLUGIN_DIR}/plugin-descriptor.properties" "${TARGET}/plugin-descriptor.properties" \
    && cmp -s "${PLUGIN_DIR}/${PLUGIN_NAME}.jar" "${TARGET}/${PLUGIN_NAME}.jar" \
    && [ "$(ls -A "$TARGET" | wc -l)" -eq 2 ]; then
    say "plugin already installed in ${TARGET}"
else
    mkdir -p "${ES_HOME}/plugins"
    rm -rf "$TARGET"
    cp -R "$PLUGIN_DIR" "$TARGET"
    chmod -R a+rX "$TARGET"
    say "installed ${TARGET}"
fi
printf '%s\n' "$TARGET"

#!/usr/bin/env bash
# The load driver (Java sources in bench/driver/src, package loaddriver; JDK 17 only, no Maven):
# compiles it with javac into bench/.cache/driver when a source is newer than the last build, then runs it.
# Run from the repository root: its defaults (bench/.keys, bench/.cache, graphql/operations) are relative to it.
#
#   bench/driver.sh build                         compile only
#   bench/driver.sh help                          the commands and their options
#   bench/driver.sh pubkey | token ... | run ... | report ...
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC="$BENCH_DIR/driver/src"
OUT="$BENCH_DIR/.cache/driver"   # ignored by git, as the token cache beside it
CLASSES="$OUT/classes"

stale() {   # no build yet, or a source file or folder (a file added, renamed or removed) changed since
    [ ! -f "$OUT/stamp" ] || [ ! -f "$CLASSES/loaddriver/LoadDriver.class" ] || [ -n "$(find "$SRC" -newer "$OUT/stamp" -print -quit)" ]
}

if stale; then
    mkdir -p "$OUT"
    tmp="$(mktemp -d "$OUT/classes.XXXXXX")"
    touch "$tmp.stamp"   # the sources as they are now: a change during javac makes the next call compile again
    echo "[driver] compiling ${SRC#"$PWD"/} -> ${CLASSES#"$PWD"/}" >&2
    if ! javac --release 17 -Xlint:all -encoding UTF-8 -d "$tmp" $(find "$SRC" -name '*.java'); then
        rm -rf "$tmp" "$tmp.stamp"
        exit 1
    fi
    rm -rf "$CLASSES.old"
    [ ! -d "$CLASSES" ] || mv "$CLASSES" "$CLASSES.old"
    mv "$tmp" "$CLASSES"
    mv "$tmp.stamp" "$OUT/stamp"
    rm -rf "$CLASSES.old"
fi
[ "${1:-}" != build ] || exit 0
exec java -cp "$CLASSES" loaddriver.LoadDriver "$@"

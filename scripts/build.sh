#!/bin/sh
# Builds everything: the native CLI and tests (build/native), the WebAssembly module
# (wasm/dist), and the static site (build/site). Incremental: re-running with nothing
# changed takes a second or two.
set -eu
cd "$(dirname "$0")/.."

[ -f build/native/CMakeCache.txt ] || cmake --preset native >/dev/null
cmake --build --preset native
[ -f build/wasm/CMakeCache.txt ] || cmake --preset wasm >/dev/null
cmake --build --preset wasm
node scripts/assemble-site.mjs

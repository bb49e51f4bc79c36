#!/bin/sh
# Runs every test suite against the current build: GoogleTest (core, through ctest;
# again under ASan + UBSan), Node's test runner (CLI contract, wasm module, native/wasm
# parity; the ROUGE scorer against ../shared/tools/rouge.py), the real browser test
# (Chromium through playwright-core), and a short libFuzzer run of every fuzz target.
set -eu
cd "$(dirname "$0")/.."

echo "== core: GoogleTest (ctest)"
ctest --preset native --output-on-failure

# The same suite under AddressSanitizer + UBSan: clang, preset native-asan (which also
# builds the fuzz targets run at the end). A folder left by an older configuration of
# the preset (gcc) is configured afresh.
echo "== core under ASan + UBSan: GoogleTest (ctest, build/native-asan)"
if ! grep -q '^PRECIS_FUZZ:BOOL=ON$' build/native-asan/CMakeCache.txt 2>/dev/null; then
  rm -rf build/native-asan
  cmake --preset native-asan >/dev/null
fi
cmake --build --preset native-asan
ctest --preset native-asan --output-on-failure

echo "== CLI and wasm module: node --test"
timeout 600 node --test tests/wasm/

echo "== ROUGE scorer against the shared reference scorer: node --test"
timeout 300 node --test tests/eval/

echo "== web page: Chromium"
timeout 300 node --test tests/web/

# libFuzzer smoke run: each target of tests/fuzz for 12 s (about a minute in all), from
# its seeds, after replaying tests/fuzz/regressions/ (the targets were built above with
# the sanitized GoogleTest); `npm run fuzz` runs the long version (docs/FUZZING.md).
echo "== fuzz targets: libFuzzer smoke run"
node scripts/fuzz.mjs --smoke

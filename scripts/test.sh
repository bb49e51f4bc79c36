#!/bin/sh
# Runs every test suite against the current build: GoogleTest (core, through ctest),
# Node's test runner (CLI contract, wasm module, native/wasm parity; the ROUGE scorer
# against ../shared/tools/rouge.py), and the real browser test (Chromium through
# playwright-core).
set -eu
cd "$(dirname "$0")/.."

echo "== core: GoogleTest (ctest)"
ctest --preset native --output-on-failure

echo "== CLI and wasm module: node --test"
timeout 600 node --test tests/wasm/

echo "== ROUGE scorer against the shared reference scorer: node --test"
timeout 300 node --test tests/eval/

echo "== web page: Chromium"
timeout 300 node --test tests/web/

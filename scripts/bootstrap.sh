#!/bin/sh
# Installs what Précis needs on Debian 12 when it is missing, then the npm dev
# dependencies. Fast when everything is there: one dpkg query and a timestamp check.
set -eu
cd "$(dirname "$0")/.."

# python3-nltk: the shared reference ROUGE scorer (../shared/tools/rouge.py), which
# tests/eval/ and `npm run eval -- --check` compare scripts/rouge.mjs against.
# clang, libclang-rt-14-dev (libFuzzer and the sanitizer runtimes, only recommended by
# clang, so not pulled in with --no-install-recommends) and llvm-14 (llvm-symbolizer, for
# readable stacks): the fuzz targets of tests/fuzz (scripts/fuzz.mjs).
PACKAGES="cmake g++ make emscripten binaryen libboost-locale-dev nlohmann-json3-dev libgtest-dev libbenchmark-dev unicode-data bzip2 chromium python3-nltk clang libclang-rt-14-dev llvm-14"

missing=""
for pkg in $PACKAGES; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $pkg" ;;
  esac
done

if [ -n "$missing" ]; then
  echo "bootstrap: installing$missing"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "bootstrap: need root (or sudo) to install:$missing" >&2
      exit 1
    fi
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # --no-install-recommends: chromium alone would otherwise pull in 68 packages.
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "bootstrap: npm ci"
  npm ci --no-audit --no-fund
fi

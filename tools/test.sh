#!/usr/bin/env bash
# Installs what is missing, builds tradelint with its tests and runs the whole suite.
# BUILD_DIR and CMAKE_ARGS select another build (the sanitizer run in .ci/run uses them).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
build_dir=${BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-}
cmake --build "$build_dir"
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"

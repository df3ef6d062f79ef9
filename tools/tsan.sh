#!/usr/bin/env bash
# Builds the test suite under ThreadSanitizer and runs the tests that share one Engine between
# threads. Run by hand (it is slow); CI runs AddressSanitizer and UBSan instead.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRADELINT_TSAN=ON
cmake --build build-tsan --target api_test plugins_test
TSAN_OPTIONS=halt_on_error=1 ./build-tsan/tests/api_test --gtest_filter='Concurrency.*'
TSAN_OPTIONS=halt_on_error=1 ./build-tsan/tests/plugins_test

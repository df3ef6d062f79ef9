#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each of them for SECONDS (default 30).
#
#   tools/fuzz.sh          # 30 s per target, as CI runs it
#   tools/fuzz.sh 1800     # a long run, by hand
#
# The build folder is build-fuzz/ at the repository root (TRADELINT_FUZZ_BUILD_DIR overrides
# it). Each target <name>_fuzz starts from its checked-in seeds, tests/fuzz/corpus/<name>/,
# and writes the inputs it discovers to <build>/fuzz-corpus/<name>/, which later runs reuse;
# the checked-in seeds are never modified. A crashing, leaking or hanging input is saved as
# <build>/fuzz-artifacts/<name>_fuzz-crash-<hash> (or leak-, timeout-); reproduce it with
#   <build>/fuzz/<name>_fuzz <artifact>
# Exits non-zero when the build fails or any target finds a problem (after running them all).
set -euo pipefail

seconds="${1:-30}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
  echo "usage: tools/fuzz.sh [seconds per target, default 30]" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${TRADELINT_FUZZ_BUILD_DIR:-$root/build-fuzz}"
targets=(record_reader_fuzz parser_fuzz rules_fuzz scanner_fuzz)

generator=()
if [ ! -f "$build/CMakeCache.txt" ]; then generator=(-G Ninja); fi
CC=clang CXX=clang++ cmake -S "$root" -B "$build" "${generator[@]}" \
  -DTRADELINT_FUZZ=ON -DTRADELINT_TESTS=ON
cmake --build "$build" --target "${targets[@]}"

mkdir -p "$build/fuzz-artifacts"
# Undefined behaviour stops a target with a crash input and a stack trace (the build also
# compiles with -fno-sanitize-recover=all), rather than a line in the log that the run passes.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
status=0
for target in "${targets[@]}"; do
  name="${target%_fuzz}"
  mkdir -p "$build/fuzz-corpus/$name"
  echo "== $target: ${seconds} s"
  # -timeout: an input taking longer than 10 s counts as a hang.
  if ! "$build/fuzz/$target" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$build/fuzz-artifacts/$target-" \
      "$build/fuzz-corpus/$name" "$root/tests/fuzz/corpus/$name"; then
    echo "== $target found a problem; see $build/fuzz-artifacts/" >&2
    status=1
  fi
done
exit "$status"

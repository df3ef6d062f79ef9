#!/bin/bash
# Times tradelint on workload listings-v1 beside the C++ baseline and the CEL peer, through the
# shared harness ../shared/bench/run.sh (which generates the input, runs every implementation
# as a whole process under /usr/bin/time, checks that all outputs are identical after sorting,
# and prints a markdown table).
#
#   bench/run-listings-v1.sh N                 # N listings, seed 1, pinned to CPU 0
#   SEED=2 JOBS=4 PIN=0-3 bench/run-listings-v1.sh 1000000
#
# Environment: JOBS (tradelint --jobs, default 1), TRADELINT (the binary, default
# build/tools/tradelint/tradelint), IMPLS (default "baseline cel tradelint"); SEED, PIN,
# TIMEOUT and WORK pass through to run.sh unchanged (see there: PIN defaults to CPU 0, PIN=
# pins nothing; with JOBS > 1 give PIN enough CPUs). Exit status: run.sh's (1 when an
# output differs).
#
# tradelint runs as
#   tradelint check --rules bench/listings-v1 --as-of 2025-06-01 --format compact
#             --jobs $JOBS --fail-on never --quiet -
# `--format compact` prints the workload's line shape, `--fail-on never` keeps the exit status 0
# although listings have findings (run.sh counts any other status as a failure), `--quiet`
# drops the progress line. listings-v1/workload-lines.sh drops the `"not_covered":true` the
# workload's line shape has no place for (its time counts in tradelint's). run.sh installs the peers (npm install in ../shared/bench/peers) the
# first time.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SHARED="$(cd "$ROOT/../shared/bench" && pwd)"
N="${1:?usage: run-listings-v1.sh N}"
TRADELINT="${TRADELINT:-$ROOT/build/tools/tradelint/tradelint}"
JOBS="${JOBS:-1}"

[ -x "$TRADELINT" ] || { echo "no tradelint at $TRADELINT (build it, or set TRADELINT)" >&2; exit 2; }
if ! "$TRADELINT" check --help 2>&1 | grep -q compact; then
  echo "$TRADELINT has no \`check --format compact\`: rebuild it" >&2
  exit 2
fi
case "$TRADELINT $HERE" in
  *" "*" "*) echo "paths with spaces are not supported (run.sh splits TRADELINT_CMD on spaces)" >&2; exit 2 ;;
esac

export TRADELINT_CMD="$HERE/listings-v1/workload-lines.sh $TRADELINT check --rules $HERE/listings-v1 --as-of 2025-06-01 --format compact --jobs $JOBS --fail-on never --quiet -"
export IMPLS="${IMPLS:-baseline cel tradelint}"
echo "TRADELINT_CMD=$TRADELINT_CMD" >&2
exec "$SHARED/run.sh" "$N"

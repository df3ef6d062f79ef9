#!/bin/bash
# Correctness check of the listings-v1 ruleset (bench/listings-v1): tradelint's output must be
# identical, after sorting, to the C++ baseline's (../shared/bench/baseline) on every input.
#
#   bench/check-listings-v1.sh [N [SEED...]]      # default: 5000 listings, seeds 1 2 3 7
#   MUTATE=0 JOBS_LIST=1 bench/check-listings-v1.sh 20000 1
#
# For each seed it generates N listings with ../shared/bench/gen.py (cached in $WORK) and runs
# the baseline and tradelint (`check --rules bench/listings-v1 --as-of 2025-06-01`), then
# compares:
#   1. tradelint `--format compact --jobs 1` with the baseline, sorted, byte for byte (the
#      benchmark's criterion); it also says whether the unsorted outputs are identical;
#   2. `--jobs J` for each J of JOBS_LIST other than 1 with `--jobs 1`, unsorted;
#   3. `--format jsonl` converted by listings-v1/to-compact.py with `--format compact`, unsorted
#      (the compact format shows exactly the refs of the rules with findings);
#   4. with MUTATE=1 (the default), a missing-data variant of the input (listings-v1/mutate.py:
#      keys removed, strings and lists emptied) with the baseline, sorted; records that
#      tradelint rejects as schema-invalid are left out of it (their count is printed).
#
# Environment: TRADELINT (default build/tools/tradelint/tradelint), WORK
# (/tmp/tradelint-bench-check), MUTATE (1), JOBS_LIST ("1 4"). Exit status 1 when any
# comparison differs, 2 when something could not run.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SHARED="$(cd "$ROOT/../shared/bench" && pwd)"
N="${1:-5000}"
shift || true
SEEDS="${*:-1 2 3 7}"
TRADELINT="${TRADELINT:-$ROOT/build/tools/tradelint/tradelint}"
WORK="${WORK:-/tmp/tradelint-bench-check}"
MUTATE="${MUTATE:-1}"
JOBS_LIST="${JOBS_LIST:-1 4}"
RULES="$HERE/listings-v1"
BASELINE="$SHARED/baseline/baseline"
mkdir -p "$WORK"

[ -x "$TRADELINT" ] || { echo "no tradelint at $TRADELINT (build it, or set TRADELINT)" >&2; exit 2; }
if [ ! -x "$BASELINE" ] || [ "$SHARED/baseline/main.cc" -nt "$BASELINE" ]; then
  "$SHARED/baseline/build.sh" >&2
fi

# run_tradelint FORMAT JOBS INPUT OUT [INVALID_IDS]: tradelint's results in the workload's line
# shape (FORMAT compact, or jsonl converted by to-compact.py). Exit status 3 (an invalid record)
# is accepted only where invalid records are expected (INVALID_IDS given).
run_tradelint() {
  local format=$1 jobs=$2 input=$3 out=$4 invalid=${5:-} rc=0
  local args=(check --rules "$RULES" --as-of 2025-06-01 --fail-on never --jobs "$jobs")
  if [ "$format" = compact ]; then
    "$RULES/workload-lines.sh" "$TRADELINT" "${args[@]}" --format compact - < "$input" \
      2> "$out.err" > "$out" || rc=$?
  else
    "$TRADELINT" "${args[@]}" --format jsonl - < "$input" 2> "$out.err" > "$out.jsonl" || rc=$?
    "$RULES/to-compact.py" ${invalid:+--invalid-ids "$invalid"} < "$out.jsonl" > "$out" \
      || { echo "to-compact.py failed on the results for $input" >&2; exit 2; }
  fi
  if [ "$rc" != 0 ] && ! { [ "$rc" = 3 ] && [ -n "$invalid" ]; }; then
    echo "tradelint ($format, --jobs $jobs) failed with status $rc on $input:" >&2
    grep -v '^tradelint: note:' "$out.err" | head -5 >&2
    exit 2
  fi
}

# compare NAME A B sorted|unsorted: byte for byte; prints pairs and pairs with findings
status=0
compare() {
  local name=$1 a=$2 b=$3 how=$4 differ note=""
  if [ "$how" = sorted ]; then
    LC_ALL=C sort "$a" > "$a.sorted"; a="$a.sorted"
    LC_ALL=C sort "$b" > "$b.sorted"; b="$b.sorted"
    cmp -s "$2" "$3" && note=" (also unsorted)"
  fi
  differ=$(diff "$a" "$b" | grep -c '^[<>]' || true)
  printf '  %-34s %8d pairs %7d with findings  %s\n' "$name" "$(wc -l < "$a")" \
    "$(grep -vc '"rules":\[\]' "$a" || true)" \
    "$([ "$differ" = 0 ] && echo "identical$note" || echo "DIFFER: $differ lines (diff $a $b)")"
  [ "$differ" = 0 ] || status=1
}

for seed in $SEEDS; do
  input="$WORK/listings-n$N-seed$seed.jsonl"
  if [ ! -s "$input" ]; then
    /usr/bin/python3 "$SHARED/gen.py" --count "$N" --seed "$seed" --out "$input.tmp"
    mv "$input.tmp" "$input"
  fi
  echo "n=$N seed=$seed"
  w="$WORK/n$N-seed$seed"
  "$BASELINE" "$SHARED/data" < "$input" > "$w-baseline"
  run_tradelint compact 1 "$input" "$w-tradelint-j1"
  compare "tradelint vs baseline" "$w-baseline" "$w-tradelint-j1" sorted
  for jobs in $JOBS_LIST; do
    [ "$jobs" = 1 ] && continue
    run_tradelint compact "$jobs" "$input" "$w-tradelint-j$jobs"
    compare "--jobs $jobs vs --jobs 1" "$w-tradelint-j1" "$w-tradelint-j$jobs" unsorted
  done
  run_tradelint jsonl 1 "$input" "$w-tradelint-jsonl"
  compare "jsonl (to-compact.py) vs compact" "$w-tradelint-j1" "$w-tradelint-jsonl" unsorted
  if [ "$MUTATE" = 1 ]; then
    mutated="$WORK/mutated-n$N-seed$seed.jsonl"
    "$RULES/mutate.py" --seed "$seed" < "$input" > "$mutated"
    invalid="$w-mutated-invalid-ids"
    run_tradelint jsonl 1 "$mutated" "$w-mutated-tradelint" "$invalid"
    # leave out the records tradelint rejected as invalid (the workload is defined on valid ones)
    "$BASELINE" "$SHARED/data" < "$mutated" \
      | { grep -v -F -f <(sed 's/.*/{"id":"&",/' "$invalid"; echo '{"id":"(none)",') || true; } \
      > "$w-mutated-baseline"
    compare "mutated: tradelint vs baseline" "$w-mutated-baseline" "$w-mutated-tradelint" sorted
    echo "    ($(wc -l < "$invalid") of $N mutated records schema-invalid for tradelint, left out)"
  fi
done
[ "$status" = 0 ] && echo "all identical" || echo "DIFFERENCES FOUND"
exit $status

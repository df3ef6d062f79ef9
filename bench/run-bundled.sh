#!/bin/bash
# Times `tradelint check` with the bundled rulesets on the bundled-rules workload (records
# built from the repository's examples by make-bundled.py), beside a baseline binary in the
# same run, and the cold start (`tradelint rules --format json`: loading and compiling the
# bundled rulesets).
#
#   bench/run-bundled.sh N [BASELINE_BINARY]      # N records, default 50000
#   REPEAT=7 PIN=0 bench/run-bundled.sh 50000 /tmp/tradelint-before
#
# The binary under test is build/tools/tradelint/tradelint (override with TRADELINT). Each
# binary runs as
#   tradelint check --format $FORMAT --jobs 1 --fail-on never --quiet --as-of $AS_OF \
#             --output OUT INPUT
# REPEAT times (default 5), the binaries alternating, each as a whole process under GNU time;
# the script prints per binary the median wall and CPU (user + system) seconds, records per
# second per core (N / median CPU seconds), the largest maximum resident set size, and the
# ratio of the baseline's median to the tested one's (above 1: the tested binary is faster).
# It then says whether both reports are identical. The cold start is the median wall time of
# REPEAT runs of `tradelint rules --format json`.
#
# Environment: FORMAT (default jsonl; `compact` times the run that computes no explanations),
# AS_OF (default 2025-09-01, so that listings and sellers, judged on the current
# date otherwise, give the same report every day; AS_OF= judges each record on its own date),
# SEED (make-bundled.py's, default 1), PIN (CPUs for taskset, default none), WORK (cache
# folder, default /tmp/tradelint-bench-bundled: the input is kept there as
# bundled-<N>-seed<SEED>.jsonl), TRADELINT_DATA_DIR (default this repository: both binaries
# read the same rulesets, those of the working tree).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
N="${1:-50000}"
BASELINE="${2:-}"
TRADELINT="${TRADELINT:-$ROOT/build/tools/tradelint/tradelint}"
REPEAT="${REPEAT:-5}"
FORMAT="${FORMAT:-jsonl}"
AS_OF="${AS_OF-2025-09-01}"
SEED="${SEED:-1}"
PIN="${PIN:-}"
WORK="${WORK:-/tmp/tradelint-bench-bundled}"
export TRADELINT_DATA_DIR="${TRADELINT_DATA_DIR:-$ROOT}"

for binary in "$TRADELINT" ${BASELINE:+"$BASELINE"}; do
  [ -x "$binary" ] || { echo "no tradelint at $binary (build it, or set TRADELINT)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is required" >&2; exit 2; }

mkdir -p "$WORK"
INPUT="$WORK/bundled-$N-seed$SEED.jsonl"
if [ ! -s "$INPUT" ]; then
  /usr/bin/python3 "$HERE/make-bundled.py" "$N" --seed "$SEED" > "$INPUT.tmp"
  mv "$INPUT.tmp" "$INPUT"
fi

pin=()
[ -n "$PIN" ] && pin=(taskset -c "$PIN")
as_of=()
[ -n "$AS_OF" ] && as_of=(--as-of "$AS_OF")

# run LABEL BINARY ARGS...: one timed run; appends "wall cpu maxrss_kb" to $WORK/LABEL.times.
run() {
  local label="$1" binary="$2"
  shift 2
  "${pin[@]}" /usr/bin/time -o "$WORK/$label.time" -f "%e %U %S %M" "$binary" "$@" \
    > /dev/null 2> "$WORK/$label.stderr" || {
    echo "$label failed:" >&2
    cat "$WORK/$label.stderr" >&2
    exit 1
  }
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$WORK/$label.time" >> "$WORK/$label.times"
}

labels=(tested)
binaries=("$TRADELINT")
if [ -n "$BASELINE" ]; then
  labels+=(baseline)
  binaries+=("$BASELINE")
fi
for label in "${labels[@]}"; do rm -f "$WORK/$label.times" "$WORK/$label-rules.times"; done

echo "workload: $N records ($INPUT), FORMAT=$FORMAT, AS_OF=${AS_OF:-none}, REPEAT=$REPEAT, PIN=${PIN:-none}"
for ((r = 0; r < REPEAT; r++)); do
  for i in "${!labels[@]}"; do
    run "${labels[$i]}" "${binaries[$i]}" check --format "$FORMAT" --jobs 1 --fail-on never --quiet \
      "${as_of[@]}" --output "$WORK/${labels[$i]}.out" "$INPUT"
    run "${labels[$i]}-rules" "${binaries[$i]}" rules --format json
  done
done

# median FILE COLUMN
median() {
  cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

printf '\n| binary | wall s (median) | cpu s (median) | records/s per core | max RSS MB | cold start ms (median) |\n'
printf '|---|---|---|---|---|---|\n'
for i in "${!labels[@]}"; do
  label="${labels[$i]}"
  wall=$(median "$WORK/$label.times" 1)
  cpu=$(median "$WORK/$label.times" 2)
  rss=$(cut -d' ' -f3 "$WORK/$label.times" | sort -g | tail -1)
  cold=$(median "$WORK/$label-rules.times" 1)
  printf '| %s (%s) | %s | %s | %.0f | %.1f | %.0f |\n' "$label" "${binaries[$i]}" "$wall" "$cpu" \
    "$(echo "$N / $cpu" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$(echo "$cold * 1000" | bc -l)"
done
if [ -n "$BASELINE" ]; then
  wall_ratio=$(echo "$(median "$WORK/baseline.times" 1) / $(median "$WORK/tested.times" 1)" | bc -l)
  cpu_ratio=$(echo "$(median "$WORK/baseline.times" 2) / $(median "$WORK/tested.times" 2)" | bc -l)
  cold_ratio=$(echo "$(median "$WORK/baseline-rules.times" 1) / $(median "$WORK/tested-rules.times" 1)" | bc -l)
  printf '\nratio baseline/tested: wall %.2f, cpu %.2f, cold start %.2f\n' \
    "$wall_ratio" "$cpu_ratio" "$cold_ratio"
  if cmp -s "$WORK/tested.out" "$WORK/baseline.out"; then
    echo "reports: identical"
  else
    echo "reports: DIFFER: $WORK/tested.out $WORK/baseline.out"
  fi
fi

#!/bin/bash
# Does the brand list's length cost time? Runs the listings-v1 ruleset with its 1,000-brand table
# and with a 10,000-brand table (bench/data-10k/brands.csv, made by make-brands.py the way gen.py
# makes its 1,000) on the same input, times both as whole processes with /usr/bin/time, and
# prints the wall times and their ratio (target: 10k costs at most 1.3 x 1k).
#
#   bench/brand-scaling.sh N                   # N listings (seed 1), 3 runs each, CPU 0
#   SEED=2 REPEAT=5 JOBS=1 PIN= bench/brand-scaling.sh 100000
#
# The 10k variant is a temporary copy of bench/listings-v1 (in /tmp, removed at exit) whose
# data/brands.csv is the 10k table: the rules are the same text. The 10k list contains the 1k
# list and the extra names never occur in generated text, so both outputs must be identical;
# the script checks that. Runs alternate (1k, 10k, 1k, ...) and the median wall time of each is
# compared. A run on an empty input shows the start-up cost alone (reading and compiling the
# rulesets and their tables).
#
# Environment: SEED (1), REPEAT (3), JOBS (tradelint --jobs, 1), PIN (taskset CPU list, "0";
# PIN= for none), WORK (input cache shared with run.sh, /tmp/tradelint-bench), TRADELINT.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SHARED="$(cd "$ROOT/../shared/bench" && pwd)"
N="${1:?usage: brand-scaling.sh N}"
SEED="${SEED:-1}"
REPEAT="${REPEAT:-3}"
JOBS="${JOBS:-1}"
PIN="${PIN-0}"
WORK="${WORK:-/tmp/tradelint-bench}"
TRADELINT="${TRADELINT:-$ROOT/build/tools/tradelint/tradelint}"
[ -x "$TRADELINT" ] || { echo "no tradelint at $TRADELINT (build it, or set TRADELINT)" >&2; exit 2; }

# Input (cached like run.sh's) and the 10k brand table.
mkdir -p "$WORK"
INPUT="$WORK/listings-n$N-seed$SEED.jsonl"
if [ ! -s "$INPUT" ]; then
  echo "generating $N listings (seed $SEED) -> $INPUT" >&2
  /usr/bin/python3 "$SHARED/gen.py" --count "$N" --seed "$SEED" --out "$INPUT.tmp"
  mv "$INPUT.tmp" "$INPUT"
fi
BRANDS_10K="$HERE/data-10k/brands.csv"
/usr/bin/python3 "$HERE/make-brands.py" --count 10000 --out "$BRANDS_10K" 2> /dev/null

# The 10k ruleset: a copy of the real one with the other table (the real folder is not touched).
TMP="$(mktemp -d /tmp/tradelint-brand-scaling.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT
cp -r "$HERE/listings-v1" "$TMP/listings-v1-10k"
cp "$BRANDS_10K" "$TMP/listings-v1-10k/data/brands.csv"
declare -A RULES=([1k]="$HERE/listings-v1" [10k]="$TMP/listings-v1-10k")
: > "$TMP/empty.jsonl"

pin=()
[ -n "$PIN" ] && pin=(taskset -c "$PIN")
# run VARIANT INPUT OUT: prints "wall user sys maxrss_kb"
run() {
  "${pin[@]}" /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" \
    "$TRADELINT" check --rules "${RULES[$1]}" --as-of 2025-06-01 --format compact --jobs "$JOBS" \
    --fail-on never --quiet - < "$2" > "$3" 2> "$TMP/err" \
    || { echo "tradelint failed ($1):" >&2; tail -3 "$TMP/err" >&2; exit 1; }
  tail -1 "$TMP/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

cat "$INPUT" > /dev/null  # page cache warm
declare -A WALLS STARTUP RSS
for v in 1k 10k; do
  STARTUP[$v]=$(run "$v" "$TMP/empty.jsonl" /dev/null | cut -d' ' -f1)
done
for ((i = 1; i <= REPEAT; i++)); do
  for v in 1k 10k; do
    read -r wall user sys rss < <(run "$v" "$INPUT" "$TMP/out-$v")
    WALLS[$v]="${WALLS[$v]:-} $wall"
    RSS[$v]=$((rss / 1024))
    echo "run $i $v: wall $wall s, user $user s, sys $sys s, peak RSS $((rss / 1024)) MiB" >&2
  done
done
if cmp -s "$TMP/out-1k" "$TMP/out-10k"; then same="identical"; else same="DIFFERENT"; fi

m1=$(tr ' ' '\n' <<< "${WALLS[1k]}" | grep . | median)
m10=$(tr ' ' '\n' <<< "${WALLS[10k]}" | grep . | median)
ratio=$(awk -v a="$m10" -v b="$m1" 'BEGIN { printf "%.2f", a / (b > 0.01 ? b : 0.01) }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.3) ? "within" : "ABOVE" }')
echo
echo "listings-v1 brand scaling, N=$N listings (seed $SEED), $(wc -l < "$TMP/out-1k") pairs, --jobs $JOBS, pinned to CPU ${PIN:-none}, median of $REPEAT runs"
echo "$(date -u +%Y-%m-%d), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
echo "| brands | wall s (median) | wall s (runs) | start-up s (empty input) | peak RSS MiB |"
echo "|---:|---:|---|---:|---:|"
echo "| 1,000 | $m1 |${WALLS[1k]} | ${STARTUP[1k]} | ${RSS[1k]} |"
echo "| 10,000 | $m10 |${WALLS[10k]} | ${STARTUP[10k]} | ${RSS[10k]} |"
echo
echo "10k / 1k wall: $ratio x ($verdict the 1.3 x target); outputs $same"
[ "$same" = identical ]

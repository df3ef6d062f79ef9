#!/bin/sh
# Screening throughput: 100,000 names (bench/screening/make-names.py) screened against both
# lists by `tradelint screen -` on one core, minus the time to load the lists and build the
# index (the same command with one name). Prints names per second.
#
# Usage: bench/screening/throughput.sh [N]      (TRADELINT=... to use another binary)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tradelint=${TRADELINT:-$root/build/tools/tradelint/tradelint}
count=${1:-100000}
names=${TMPDIR:-/tmp}/tradelint-screen-names-$count.txt
[ -s "$names" ] || /usr/bin/python3 "$here/make-names.py" "$count" > "$names"
pin=""
command -v taskset > /dev/null && pin="taskset -c 0"
now() { date +%s.%N; }
t0=$(now); echo "Jane Miller" | $pin "$tradelint" screen - > /dev/null 2>&1 || true; t1=$(now)
$pin "$tradelint" screen - < "$names" > /tmp/tradelint-screen-matches.tsv 2>/dev/null || true; t2=$(now)
matches=$(cut -f1 /tmp/tradelint-screen-matches.tsv | sort -u | wc -l)
awk -v n="$count" -v load="$(echo "$t1 - $t0" | bc)" -v all="$(echo "$t2 - $t1" | bc)" \
    -v m="$matches" 'BEGIN {
  printf "names %d, names with a match %d\n", n, m;
  printf "load and index %.2f s; screening %.2f s; %.0f names/s on one core\n", load, all - load, n / (all - load) }'

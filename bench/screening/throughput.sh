#!/bin/sh
# Screening throughput: 100,000 names (bench/screening/make-names.py) screened against both
# lists by `tradelint screen -` on one core, minus the time to load the lists and build the
# index (the same command with one name). Prints names per second of elapsed time and of CPU
# time (user + system): on a machine shared with other work the elapsed time includes waiting
# for the core, the CPU time does not.
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
cpu=${TMPDIR:-/tmp}/tradelint-screen-cpu.$$
now() { date +%s.%N; }
# Runs the screen command on standard input; appends its user + system CPU seconds to $cpu.
screen_cpu() { /usr/bin/time -a -o "$cpu" -f "%U %S" $pin "$tradelint" screen - 2>/dev/null || true; }
: > "$cpu"
t0=$(now); echo "Jane Miller" | screen_cpu > /dev/null; t1=$(now)
screen_cpu < "$names" > /tmp/tradelint-screen-matches.tsv; t2=$(now)
matches=$(cut -f1 /tmp/tradelint-screen-matches.tsv | sort -u | wc -l)
awk -v n="$count" -v load="$(echo "$t1 - $t0" | bc)" -v all="$(echo "$t2 - $t1" | bc)" \
    -v m="$matches" '
  /^[0-9.]+ [0-9.]+$/ { cpu[++k] = $1 + $2 }  # time also notes a non-zero exit status
  END {
    printf "names %d, names with a match %d\n", n, m;
    printf "elapsed: load and index %.2f s; screening %.2f s; %.0f names/s\n", load, all - load, n / (all - load);
    printf "CPU:     load and index %.2f s; screening %.2f s; %.0f names/s on one core\n", cpu[1], cpu[2] - cpu[1], n / (cpu[2] - cpu[1]) }' "$cpu"
rm -f "$cpu"

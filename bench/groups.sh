#!/usr/bin/env bash
# Group rules: the cost of judging groups of linked records (docs/language.md, "Group rules").
#
# Generates N records (default 1,000,000) in time order, in groups of 1 to 5 linked by order id
# (a CBEC order into China, then 0 to 2 payments and 0 to 2 waybills), and checks them twice
# with the same record rules (rulesets/cn/cbec.trl): without group rules, and with the group
# rules of rulesets/cn/cbec_three_documents.trl. Prints the wall time, the CPU time (user and
# system: steadier than the wall time on a shared machine) and the peak memory (max RSS) of each
# run, and their ratios; the target is a ratio within 1.3 and flat memory. To show how memory
# grows with the input, the run with group rules is repeated on the first quarter of the
# records: memory bounded by the windows grows less than the input (the 30-day groups stop
# growing after a month of orders; the annual limit's groups hold what that rule reads of a
# buyer's orders of the year).
#
# AMOUNTS `fixed` (the default) gives every order the same value, CNY 300, and every payment
# that amount; `varied` draws each order's value from CNY 20.00 to 800.00 (its payments pay
# it), with the same groups otherwise. Groups that look alike to their rule are judged once
# (engine/api/group_outcome_memo.h): with fixed amounts the orders of a buyer's year and the
# payments of an order look alike from group to group, with varied amounts they seldom do.
#   bench/groups.sh [BINARY] [N] [AMOUNTS]   # build/tools/tradelint/tradelint 1000000 fixed
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/tools/tradelint/tradelint}
count=${2:-1000000}
amounts=${3:-fixed}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$count" "$amounts" >"$work/records.jsonl" <<'PY'
import json, random, sys
random.seed(14)
count, varied = int(sys.argv[1]), sys.argv[2] == "varied"
values = random.Random(15)  # the amounts apart, so that the groups are the same either way
written, order = 0, 0
day = 0
out = sys.stdout
while written < count:
    order += 1
    if order % 2000 == 0:
        day += 1
    date = "2026-%02d-%02dT10:00:00Z" % (1 + (day // 28) % 12, 1 + day % 28)
    size = min(random.randint(1, 5), count - written)
    value = round(values.uniform(20, 800), 2) if varied else 300
    buyer = {"type": "consumer", "name": "Buyer %d" % (order % 50000),
             "id_number": "1101011990%08d" % (order % 50000), "country": "CN"}
    records = [{"kind": "transaction", "id": "O-%d" % order, "created_at": date, "buyer": buyer,
                "shipment": {"ship_from": "KR", "ship_to": "CN",
                             "consignment_value": {"amount": value, "currency": "CNY"}},
                "tax": {"scheme": "cross_border_ecommerce_retail_import"},
                "totals": {"total": {"amount": value, "currency": "CNY"}}}]
    for i in range(1, size):
        if i % 2:
            records.append({"kind": "payment", "id": "P-%d-%d" % (order, i), "order_id": "O-%d" % order,
                            "created_at": date, "destination": "CN",
                            "amount": {"amount": value, "currency": "CNY"},
                            "payer": {"name": buyer["name"], "id_number": buyer["id_number"]}})
        else:
            records.append({"kind": "waybill", "id": "W-%d-%d" % (order, i), "order_id": "O-%d" % order,
                            "created_at": date, "destination": "CN"})
    for record in records:
        out.write(json.dumps(record) + "\n")
    written += size
PY

run() {  # LABEL RECORDS RULES...
  local label=$1 records=$2
  shift 2
  local rules=()
  for path in "$@"; do rules+=(--rules "$path"); done
  /usr/bin/time -f "%e %U %S %M" -o "$work/$label.time" \
    "$binary" check "${rules[@]}" --format jsonl --output "$work/$label.jsonl" \
    --fail-on never "$records" 2>/dev/null
  read -r seconds user system kilobytes <"$work/$label.time"
  local cpu
  cpu=$(/usr/bin/python3 -c "print('%.2f' % ($user + $system))")
  echo "$label: ${seconds} s, CPU ${cpu} s, max RSS $((kilobytes / 1024)) MiB," \
    "$(grep -c '"group"' "$work/$label.jsonl" || true) group lines"
  eval "${label}_seconds=$seconds ${label}_cpu=$cpu ${label}_rss=$kilobytes"
}

quarter=$((count / 4))
head -n "$quarter" "$work/records.jsonl" >"$work/quarter.jsonl"
echo "$count records in groups of 1 to 5, $amounts amounts ($(wc -c <"$work/records.jsonl") bytes)"
run without "$work/records.jsonl" rulesets/cn/cbec.trl
run with "$work/records.jsonl" rulesets/cn/cbec.trl rulesets/cn/cbec_three_documents.trl
run with_quarter "$work/quarter.jsonl" rulesets/cn/cbec.trl rulesets/cn/cbec_three_documents.trl
/usr/bin/python3 -c "print('ratio with/without: wall %.2f, CPU %.2f (target <= 1.30)' % ($with_seconds / $without_seconds, $with_cpu / $without_cpu))"
/usr/bin/python3 -c "print('max RSS with group rules: %d MiB after %d records, %d MiB after %d' % ($with_quarter_rss / 1024, $quarter, $with_rss / 1024, $count))"

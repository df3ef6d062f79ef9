#!/usr/bin/python3
"""Writes the bundled-rules workload: N records as JSON Lines on standard output.

    make-bundled.py N [--seed S]

The records are built from the repository's example records: every listing, transaction and
seller under `examples/` (the JSON files and JSON Lines files, feeds and the tutorial's
extension excepted) and `schema/examples/`, each once, those the bundled data model rejects
left out (`INVALID` below). Record i is pool[i % len(pool)], made distinct and moved in time:

  - the record's `id` becomes `<id>-<i>` (i in 6 digits), so that ids never repeat (nested
    ids, which rules may compare, are left as they are);
  - every full date or date-time text (`YYYY-MM-DD`, `YYYY-MM-DDThh:mm:ss...`) is shifted by
    the same number of days, drawn per record from -120..120 with a fixed seed (partial
    dates such as `2025-06` and other texts are left as they are).

The output depends only on N, the seed and the example files: the same arguments give the
same bytes.
"""

import argparse
import datetime
import glob
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ("listing", "transaction", "seller")
# Example records that the bundled data model rejects (they need a ruleset extension).
INVALID = ("examples/tutorial/",)
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")


def pool():
    """The distinct example records of KINDS, in a fixed order."""
    files = sorted(glob.glob("examples/**/*.json", recursive=True) +
                   glob.glob("examples/**/*.jsonl", recursive=True) +
                   glob.glob("schema/examples/*.json") + ["schema/examples/all.jsonl"],
                   key=lambda path: path)
    records, seen = [], set()
    for path in files:
        if path.startswith("examples/feeds/") or path.startswith(INVALID):
            continue
        with open(os.path.join(ROOT, path), encoding="utf-8") as file:
            if path.endswith(".jsonl"):
                items = [json.loads(line) for line in file if line.strip()]
            else:
                items = [json.load(file)]
        for item in items:
            if not isinstance(item, dict) or item.get("kind") not in KINDS:
                continue
            key = json.dumps(item, sort_keys=True)
            if key not in seen:
                seen.add(key)
                records.append(item)
    return records


def shifted(text, days):
    match = DATE.match(text)
    if not match:
        return text
    try:
        date = datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return text
    return (date + datetime.timedelta(days=days)).isoformat() + (match[4] or "")


def moved(value, days):
    """`value` with every full date or date-time text in it shifted by `days`."""
    if isinstance(value, dict):
        return {key: moved(item, days) for key, item in value.items()}
    if isinstance(value, list):
        return [moved(item, days) for item in value]
    if isinstance(value, str):
        return shifted(value, days)
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.chdir(ROOT)
    records = pool()
    rng = random.Random(args.seed)
    out = sys.stdout
    for i in range(args.n):
        record = moved(records[i % len(records)], rng.randint(-120, 120))
        if isinstance(record.get("id"), str):
            record["id"] += "-%06d" % i
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()

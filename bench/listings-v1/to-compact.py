#!/usr/bin/python3
"""Converts `tradelint check --format jsonl` results to the line shape of workload listings-v1
(../shared/bench/WORKLOAD.md, "Output"), for diffing against the baseline:

    {"id":"L-00000001","market":"DE","rules":["EU-GPSR-MFR-NAME"]}

one line per (listing, market) result, `rules` = the refs of the rules with a finding (any
basis: violation or missing_data), sorted by byte value, unique. A result without a market (a
record without target_markets is `invalid`, no_market) is a listing without pairs and writes
nothing; any other invalid result is an error (it would hide findings).

    tradelint check --rules bench/listings-v1 --as-of 2025-06-01 --format jsonl - < in | to-compact.py > out

With --invalid-ids FILE, records that tradelint rejects as invalid (schema_violation: input
that is not a valid record, as mutate.py can make) are not an error: their ids go to FILE,
one per line, and they write nothing.

Not needed once `tradelint check --format compact` exists (it prints this shape itself).
"""
import argparse
import json
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--invalid-ids", metavar="FILE")
    a = ap.parse_args()
    invalid = open(a.invalid_ids, "w") if a.invalid_ids else None
    out = sys.stdout
    bad = 0
    for n, line in enumerate(sys.stdin.buffer, 1):
        if not line.strip():
            continue
        r = json.loads(line)
        err = (r.get("error") or {}).get("code")
        if r.get("verdict") == "invalid" and invalid and err != "no_market":
            invalid.write(r["record"]["id"] + "\n")
            continue
        if r.get("market") is None:
            if err != "no_market":
                print(f"to-compact: line {n}: result without a market ({err})", file=sys.stderr)
                bad = 1
            continue
        if r.get("verdict") == "invalid":
            print(f"to-compact: line {n}: record {r['record'].get('id')} is invalid: {r.get('error')}", file=sys.stderr)
            bad = 1
        refs = set()
        for f in r.get("findings", []):
            ref = f.get("ref")
            if not ref:
                print(f"to-compact: line {n}: finding of {f.get('rule')} without ref", file=sys.stderr)
                bad = 1
                continue
            refs.add(ref)
        rules = sorted(refs, key=lambda s: s.encode())
        out.write(json.dumps({"id": r["record"]["id"], "market": r["market"], "rules": rules},
                             ensure_ascii=False, separators=(",", ":")) + "\n")
    return bad


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scores OFAC's published name pairs with `tradelint screen --mode ofac --pairs` and reports how
close the scores come to OFAC's own, on the calibration half and on the held-out half.

The split is deterministic: a pair (query_name, result_name) is in the held-out half when the
first byte of SHA-256("query_name|result_name") is odd. Pairs OFAC scored -1 (not found at a
minimum score of 80) count only toward the highest score given to such a pair.

`--mode screening` scores the pairs in the default screening mode instead, which is stricter than
OFAC's tool by design (a shared first name is no match): its agreement shows how far the two
modes part.

Usage: bench/screening/calibrate.py [--mode ofac|screening] [TRADELINT] [PAIRS.csv]
"""
import csv
import hashlib
import io
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def half(query, result):
    return hashlib.sha256((query + "|" + result).encode("utf-8")).digest()[0] % 2


def main():
    mode = "ofac"
    if len(sys.argv) > 2 and sys.argv[1] == "--mode":
        mode = sys.argv[2]
        del sys.argv[1:3]
    tradelint = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build/tools/tradelint/tradelint")
    pairs = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "bench/screening/ofac-search-scores.csv")
    with open(pairs, encoding="utf-8") as f:
        expected = list(csv.DictReader(f))
    output = subprocess.run([tradelint, "screen", "--mode", mode, "--pairs", pairs],
                            check=True, capture_output=True, text=True).stdout
    scored = list(csv.DictReader(io.StringIO(output)))
    assert len(scored) == len(expected), "one output row per input row"
    for name, which in (("calibration", 0), ("held-out", 1), ("all", None)):
        errors, negative_max, negatives = [], None, 0
        for want, got in zip(expected, scored):
            if which is not None and half(want["query_name"], want["result_name"]) != which:
                continue
            score, ofac = float(got["score"]), float(want["ofac_score"])
            if ofac < 0:
                negatives += 1
                negative_max = score if negative_max is None else max(negative_max, score)
            else:
                errors.append(abs(score - ofac))
        within = sum(e <= 5 for e in errors) / len(errors)
        print("%-11s pairs %3d  within 5 points %5.1f%%  mean abs diff %.2f  max abs diff %.0f  "
              "-1 pairs %d, highest score %s" % (
                  name, len(errors) + negatives, 100 * within, sum(errors) / len(errors),
                  max(errors), negatives, "-" if negative_max is None else "%.0f" % negative_max))


if __name__ == "__main__":
    main()

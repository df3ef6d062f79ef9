#!/usr/bin/env python3
"""Precision and recall of the recognition of dark-pattern claims in listing text.

  eval_dark_patterns.py path/to/tradelint [--min-precision P] [--min-recall R]

Reads tests/e2e/data/dark-pattern-messages.jsonl: messages taken or adapted from published
examples (regulators' guidance and enforcement, the Indian guidelines' illustrations) in
English, German, French, Spanish, Hindi, Chinese and Korean, each labelled with what it says
(urgency, scarcity, activity, subscription, confirmshaming; none for lawful product wording)
and whether its source calls it deceptive. Every message becomes the description of a listing,
judged for DE under eu.ucpd_dark_patterns (its three text rules recognise urgency, scarcity and
activity claims) and for IN under india.dark_patterns (announced subscriptions and confirm
shaming). The rules use the shared phrase sets of every language
(rulesets/global/dark_pattern_claims.trl), so each run measures all languages.

Prints precision and recall per claim kind, for "any claim", per language, and the share of
deceptive messages flagged; exits 1 when the "any claim" precision or recall falls below the
minimums (defaults 0.90 and 0.90), so that a change to the phrase sets that loses ground fails.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MESSAGES = os.path.join(ROOT, "tests", "e2e", "data", "dark-pattern-messages.jsonl")
# Each kind of wording: the ruleset, the market and the rule whose finding says it was recognised.
EU = (os.path.join("rulesets", "eu", "ucpd_dark_patterns.trl"), "DE")
IN = (os.path.join("rulesets", "in", "dark_patterns.trl"), "IN")
RULE = {
    "urgency": (EU, "eu.ucpd_dark_patterns.urgency_claim_substantiated"),
    "scarcity": (EU, "eu.ucpd_dark_patterns.scarcity_claim_substantiated"),
    "activity": (EU, "eu.ucpd_dark_patterns.activity_claim_substantiated"),
    "subscription": (IN, "india.dark_patterns.subscription_terms_recorded"),
    "confirmshaming": (IN, "india.dark_patterns.confirm_shaming"),
}
KINDS = list(RULE)


def ratio(a, b):
    return a / b if b else 1.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tradelint")
    parser.add_argument("--min-precision", type=float, default=0.90)
    parser.add_argument("--min-recall", type=float, default=0.90)
    parser.add_argument("--verbose", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()

    with open(MESSAGES, encoding="utf-8") as f:
        messages = [json.loads(line) for line in f if line.strip()]
    found = collections.defaultdict(set)  # message index -> rules with a finding
    with tempfile.TemporaryDirectory() as tmp:
        for ruleset, market in sorted({place for place, _ in RULE.values()}):
            records = os.path.join(tmp, "messages-%s.jsonl" % market)
            with open(records, "w", encoding="utf-8") as f:
                for i, message in enumerate(messages):
                    f.write(json.dumps({"kind": "listing", "id": "M%d" % i,
                                        "target_markets": [market],
                                        "description": message["text"]},
                                       ensure_ascii=False) + "\n")
            run = subprocess.run([args.tradelint, "check", "--rules",
                                  os.path.join(ROOT, ruleset), "--market", market,
                                  "--as-of", "2026-01-01", "--format", "jsonl", records],
                                 capture_output=True, text=True,
                                 env=dict(os.environ, TRADELINT_DATA_DIR=ROOT))
            if run.returncode not in (0, 1):
                print(run.stderr, file=sys.stderr)
                return 2
            for line in run.stdout.splitlines():
                result = json.loads(line)
                found[int(result["record"]["id"][1:])] |= {f["rule"] for f in result["findings"]}

    counts = collections.defaultdict(lambda: [0, 0, 0])  # true positive, false positive, false negative
    problems = []
    deceptive = deceptive_flagged = 0
    for i, message in enumerate(messages):
        rules = found.get(i, set())
        flagged = {kind for kind in KINDS if RULE[kind][1] in rules}
        labelled = set(message["claims"])
        for kind in KINDS:
            key = (kind, None)
            if kind in flagged and kind in labelled:
                counts[key][0] += 1
            elif kind in flagged:
                counts[key][1] += 1
                problems.append("false alarm (%s): %s" % (kind, message["text"]))
            elif kind in labelled:
                counts[key][2] += 1
                problems.append("missed (%s): %s" % (kind, message["text"]))
        for key in [("any", None), ("any", message["language"])]:
            if flagged and labelled:
                counts[key][0] += 1
            elif flagged:
                counts[key][1] += 1
            elif labelled:
                counts[key][2] += 1
        if message["deceptive"]:
            deceptive += 1
            deceptive_flagged += bool(flagged)

    print("%d messages, %d deceptive" % (len(messages), deceptive))
    print("%-16s %9s %9s %5s %5s %5s" % ("claim", "precision", "recall", "tp", "fp", "fn"))
    for key in [(kind, None) for kind in KINDS] + [("any", None)] + sorted(
            k for k in counts if k[0] == "any" and k[1]):
        tp, fp, fn = counts[key]
        name = key[0] if key[1] is None else "any (%s)" % key[1]
        print("%-16s %9.2f %9.2f %5d %5d %5d" % (name, ratio(tp, tp + fp), ratio(tp, tp + fn),
                                                tp, fp, fn))
    print("deceptive messages flagged: %d of %d (%.2f)" % (deceptive_flagged, deceptive,
                                                          ratio(deceptive_flagged, deceptive)))
    if args.verbose:
        print("\n".join(problems))
    tp, fp, fn = counts[("any", None)]
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    if precision < args.min_precision or recall < args.min_recall:
        print("FAILED: precision %.2f (minimum %.2f), recall %.2f (minimum %.2f)" % (
            precision, args.min_precision, recall, args.min_recall))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

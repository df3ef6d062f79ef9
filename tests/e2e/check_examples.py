#!/usr/bin/env python3
"""Checks the bundled example records against the bundled rulesets (issue: no false alarms).

  check_examples.py path/to/tradelint

- examples/compliant/<MARKET>/*.json: each record is checked for <MARKET> at its own date
  (`x_as_of` if it has one, else 2026-11-22 for listings and sellers, its `created_at` for
  transactions) and must get verdict `pass` with no finding of severity error or warning; where
  no rule for its kind of record is in force for <MARKET> on that date (`tradelint rules`), the
  verdict must be `not_covered` instead, and the line printed for it says so.
- examples/violations/*.json: each record carries `x_violates` (full rule ids), `x_as_of` and
  `x_note`; checked for its own markets at `x_as_of`, the rules reporting a finding of severity
  error or warning must be exactly `x_violates`.

Prints one line per problem and exits 1 if there is any.
"""
import functools
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "examples")
DEFAULT_AS_OF = "2026-11-22"
SERIOUS = {"error", "warning"}


def check(tradelint, path, market, as_of):
    """The report's results for one record file."""
    command = [tradelint, "check", path, "--format", "json"]
    if market:
        command += ["--market", market]
    if as_of:
        command += ["--as-of", as_of]
    process = subprocess.run(command, capture_output=True, text=True,
                             env=dict(os.environ, TRADELINT_DATA_DIR=ROOT))
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{path}: tradelint exited {process.returncode}: {process.stderr.strip()}")
    return json.loads(process.stdout)["results"]


@functools.lru_cache(maxsize=None)
def rules_in_force(tradelint, market, as_of):
    """The rules `tradelint rules` lists for the market on the date."""
    command = [tradelint, "rules", "--format", "json", "--market", market]
    if as_of:
        command += ["--as-of", as_of]
    process = subprocess.run(command, capture_output=True, text=True, check=True,
                             env=dict(os.environ, TRADELINT_DATA_DIR=ROOT))
    return json.loads(process.stdout)["rules"]


def has_rules_for(tradelint, market, kind, as_of):
    """Whether a ruleset of the market's own law has a rule for `kind` records in force."""
    return any(rule["applies_to"] == kind and rule["jurisdiction"] != "GLOBAL"
               for rule in rules_in_force(tradelint, market, as_of))


def serious_findings(results):
    return {(finding["rule"], result["market"]) for result in results
            for finding in result.get("findings", []) if finding["severity"] in SERIOUS}


def check_compliant(tradelint, problems):
    checked = 0
    directory = os.path.join(EXAMPLES, "compliant")
    for market in sorted(os.listdir(directory)):
        for name in sorted(os.listdir(os.path.join(directory, market))):
            if not name.endswith(".json"):
                continue
            path = os.path.join(directory, market, name)
            with open(path, encoding="utf-8") as file:
                record = json.load(file)
            as_of = record.get("x_as_of") or (None if record.get("kind") == "transaction" else DEFAULT_AS_OF)
            results = check(tradelint, path, market, as_of)
            checked += 1
            relative = os.path.relpath(path, ROOT)
            judged_as_of = as_of or (results[0].get("as_of") if results else None)
            expected = "pass" if has_rules_for(tradelint, market, record.get("kind"), judged_as_of) else "not_covered"
            if expected == "not_covered":
                print(f"{relative}: not_covered expected in {market} (no rule for {record.get('kind')}s in force)")
            for result in results:
                if result["verdict"] != expected:
                    problems.append(f"{relative}: verdict {result['verdict']} in {result['market']}, expected {expected}"
                                    f" ({', '.join(f['rule'] for f in result.get('findings', []))}"
                                    f"{result.get('error', {}).get('message', '')})")
            for rule, judged in sorted(serious_findings(results)):
                problems.append(f"{relative}: unexpected finding from {rule} in {judged}")
    return checked


def check_violations(tradelint, problems):
    checked = 0
    directory = os.path.join(EXAMPLES, "violations")
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".json"):
            continue
        path = os.path.join(directory, name)
        relative = os.path.relpath(path, ROOT)
        with open(path, encoding="utf-8") as file:
            record = json.load(file)
        missing = [key for key in ("x_violates", "x_as_of", "x_note") if not record.get(key)]
        if missing:
            problems.append(f"{relative}: lacks {', '.join(missing)}")
            continue
        results = check(tradelint, path, None, record["x_as_of"])
        checked += 1
        actual = {rule for rule, _ in serious_findings(results)}
        expected = set(record["x_violates"])
        for rule in sorted(expected - actual):
            problems.append(f"{relative}: x_violates names {rule}, which reports nothing")
        for rule in sorted(actual - expected):
            problems.append(f"{relative}: {rule} reports a finding that x_violates does not name")
    return checked


def main():
    tradelint = sys.argv[1]
    problems = []
    compliant = check_compliant(tradelint, problems)
    violations = check_violations(tradelint, problems)
    for problem in problems:
        print(problem)
    print(f"{compliant} compliant records, {violations} violation records, {len(problems)} problems")
    if compliant == 0 or violations == 0:
        print("no examples were found")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

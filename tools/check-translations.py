#!/usr/bin/env python3
"""Checks that every rule in scope has its title, message and fix in a language (docs/cli.md,
"rules": a rule's `languages` lists the languages it is wholly translated into).

The rules come from `tradelint rules --format json` (run with --tradelint BINARY, on the bundled
rulesets unless --rules is given), or from a file with that output (--catalogue FILE).

Scope: the rules whose jurisdiction is one of --jurisdictions, or a member of one of them that
is a group market (`EU` takes DE, FR, ... as markets.json lists its members, past members
included unless --current-members is given), or a subdivision of one (`US` takes `US-CA`), and
that apply to one of --kinds.

Prints each rule in scope that lacks the language as `RULE: not wholly in zh (has title)`,
then a count, and exits 1 when there is one (2 on a usage error).
Usage: tools/check-translations.py (--tradelint BINARY [--rules PATH]... | --catalogue FILE)
           [--language zh] [--jurisdictions EU,US,GB] [--kinds listing,transaction,seller]
           [--markets rulesets/reference/markets.json] [--current-members]
"""
import argparse
import datetime
import json
import os
import subprocess
import sys

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_MARKETS = os.path.join(SOURCE_DIR, "rulesets", "reference", "markets.json")


def load_catalogue(args):
    if args.catalogue:
        with open(args.catalogue, encoding="utf-8") as file:
            return json.load(file)
    command = [args.tradelint, "rules", "--format", "json"]
    for path in args.rules:
        command += ["--rules", path]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def in_scope(jurisdiction, scope, members):
    """Whether `jurisdiction` is a scope code, a member of a scope group or a subdivision."""
    return any(jurisdiction == code or jurisdiction in members.get(code, ())
               or jurisdiction.startswith(code + "-") for code in scope)


def group_members(markets_path, current_only):
    """Each group's member countries; with `current_only`, those that have not left it by today
    (no `until` date, or one not yet passed)."""
    with open(markets_path, encoding="utf-8") as file:
        groups = json.load(file).get("groups", {})
    today = datetime.date.today().isoformat()
    return {code: {member["country"] for member in group.get("members", [])
                   if not current_only or member.get("until", today) >= today}
            for code, group in groups.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--tradelint", help="the tradelint binary, to run `rules --format json`")
    source.add_argument("--catalogue", help="a file holding `rules --format json` output")
    parser.add_argument("--rules", action="append", default=[],
                        help="ruleset file or folder for `rules` (default: the bundled ones)")
    parser.add_argument("--language", default="zh", help="BCP 47 tag (default: zh)")
    parser.add_argument("--jurisdictions", default="EU,US,GB",
                        help="comma-separated jurisdictions in scope, with their group members "
                             "and subdivisions (default: EU,US,GB)")
    parser.add_argument("--kinds", default="listing,transaction,seller",
                        help="comma-separated record kinds in scope (default: all three)")
    parser.add_argument("--markets", default=DEFAULT_MARKETS,
                        help="markets.json, for the members of group markets")
    parser.add_argument("--current-members", action="store_true",
                        help="a group takes only its members of today, not the countries that "
                             "have left it (EU: not GB)")
    args = parser.parse_args()

    scope = [code for code in args.jurisdictions.split(",") if code]
    kinds = {kind for kind in args.kinds.split(",") if kind}
    members = group_members(args.markets, args.current_members)
    catalogue = load_catalogue(args)
    checked = 0
    lacking = []
    for rule in catalogue["rules"]:
        if rule["applies_to"] not in kinds or not in_scope(rule["jurisdiction"], scope, members):
            continue
        checked += 1
        if args.language in rule["languages"]:
            continue
        present = rule["translations"].get(args.language, [])
        lacking.append(f"{rule['id']}: not wholly in {args.language} "
                       f"(has {', '.join(present) if present else 'nothing'})")
    for line in lacking:
        print(line)
    print(f"{checked - len(lacking)} of {checked} rules in scope ({','.join(scope)}; "
          f"{','.join(sorted(kinds))}) have their title, message and fix in {args.language}")
    return 1 if lacking else 0


if __name__ == "__main__":
    sys.exit(main())

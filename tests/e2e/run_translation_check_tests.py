#!/usr/bin/env python3
"""Tests of tools/check-translations.py: on the fixture catalogue data/translations/catalogue.json
(a rule in scope lacking a language fails the check, the scope takes group members and
subdivisions, former members only without --current-members, rules outside it are not checked), and on `tradelint rules --format json` of the
fixture rulesets data/rules/good.

Usage: run_translation_check_tests.py PATH/TO/tradelint [unittest arguments]
Standard library only.
"""

import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "..", "tools", "check-translations.py")
CATALOGUE = os.path.join(HERE, "data", "translations", "catalogue.json")
GOOD_RULES = os.path.join(HERE, "data", "rules", "good")
TRADELINT = os.environ.get("TRADELINT", "")


def check_translations(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True,
                          timeout=120)


class CatalogueTest(unittest.TestCase):
    def test_a_rule_in_scope_without_the_language_fails(self):
        process = check_translations("--catalogue", CATALOGUE, "--jurisdictions", "EU,US,GB")
        self.assertEqual(process.returncode, 1, process.stdout + process.stderr)
        self.assertEqual(process.stdout.splitlines(), [
            "t.us_ca.partial: not wholly in zh (has title, message)",
            "3 of 4 rules in scope (EU,US,GB; listing,seller,transaction) have their title, "
            "message and fix in zh"])

    def test_every_rule_in_scope_with_the_language_passes(self):
        process = check_translations("--catalogue", CATALOGUE, "--jurisdictions", "EU,GB")
        self.assertEqual(process.returncode, 0, process.stdout + process.stderr)
        self.assertIn("3 of 3 rules in scope", process.stdout)

    def test_language_and_kinds(self):
        process = check_translations("--catalogue", CATALOGUE, "--language", "de",
                                     "--jurisdictions", "EU", "--kinds", "listing")
        self.assertEqual(process.returncode, 0, process.stdout + process.stderr)
        self.assertIn("1 of 1 rules in scope", process.stdout)
        process = check_translations("--catalogue", CATALOGUE, "--language", "de",
                                     "--jurisdictions", "EU")
        self.assertEqual(process.returncode, 1)
        self.assertIn("t.de.member: not wholly in de (has nothing)", process.stdout)

    def test_current_members_leave_out_a_former_member(self):
        # GB left the EU on 2020-01-31 (markets.json): its rule is in the EU scope by default.
        process = check_translations("--catalogue", CATALOGUE, "--language", "de",
                                     "--jurisdictions", "EU", "--kinds", "listing,transaction")
        self.assertEqual(process.returncode, 1, process.stdout + process.stderr)
        self.assertIn("t.gb.no_fix: not wholly in de (has nothing)", process.stdout)
        process = check_translations("--catalogue", CATALOGUE, "--language", "de",
                                     "--jurisdictions", "EU", "--kinds", "listing,transaction",
                                     "--current-members")
        self.assertEqual(process.returncode, 0, process.stdout + process.stderr)
        self.assertIn("1 of 1 rules in scope", process.stdout)


class TradelintCatalogueTest(unittest.TestCase):
    def test_rules_of_the_fixture_rulesets(self):
        process = check_translations("--tradelint", TRADELINT, "--rules", GOOD_RULES,
                                     "--language", "de", "--jurisdictions", "EU")
        self.assertEqual(process.returncode, 1, process.stdout + process.stderr)
        lines = process.stdout.splitlines()
        self.assertNotIn("e2e.eu.manufacturer_contact", process.stdout)
        self.assertIn("e2e.de.trade_register: not wholly in de (has message)", lines)
        self.assertRegex(lines[-1], r"^1 of \d+ rules in scope \(EU;")


def main():
    global TRADELINT
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        TRADELINT = sys.argv.pop(1)
    unittest.main()


if __name__ == "__main__":
    main()

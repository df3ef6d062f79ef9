#!/usr/bin/env python3
"""End-to-end tests of `tradelint check --explain RULE` (docs/cli.md, "Explaining a rule").

Uses the rules folder of run_extension_tests.py (data/extension/kr-rules/: a rule that reads an
extension field and official_languages(market)) and the bundled rulesets.

Usage: run_explain_tests.py PATH/TO/tradelint [unittest arguments]
"""

import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
KR_RULES = os.path.join(HERE, "data", "extension", "kr-rules")
RULE = "e2e.kr_mail_order.report_number"
TRADELINT = ""
TIMEOUT = 300

NO_NUMBER = {"kind": "listing", "id": "KR-NO-NUMBER", "language": "ko", "seller": {}}
ENGLISH = {"kind": "listing", "id": "KR-ENGLISH", "language": "en",
           "seller": {"kr_mail_order_registration": "2024-서울강남-01234"}}
PASSING = {"kind": "listing", "id": "KR-OK", "language": "ko",
           "seller": {"kr_mail_order_registration": "2024-서울강남-01234"}}


def check(records, *args, fmt="json"):
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    process = subprocess.run(
        [TRADELINT, "check", "--rules", "+bundled", "--rules", KR_RULES, "--format", fmt,
         "--as-of", "2026-01-15", "--fail-on", "never", *args, "-"],
        input=lines, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT)
    if fmt != "json":
        return process, None
    return process, (json.loads(process.stdout) if process.stdout else None)


def walk(expr):
    """Every sub-expression of an explained condition, outermost first."""
    yield expr
    for operand in expr.get("operands", []):
        yield from walk(operand)


class Explain(unittest.TestCase):
    def explanation(self, record, selector=RULE, market="KR"):
        process, report = check([record], "--market", market, "--explain", selector)
        self.assertEqual(process.returncode, 0, process.stderr)
        explanations = report["results"][0]["explain"]
        self.assertEqual(len(explanations), 1, explanations)
        return report["results"][0], explanations[0]

    def test_missing_field_shows_each_step_and_the_conclusion(self):
        result, explanation = self.explanation(NO_NUMBER)
        self.assertEqual(explanation["rule"], RULE)
        self.assertEqual(explanation["market"], "KR")
        self.assertEqual(explanation["conclusion"], "fired")
        self.assertTrue(explanation["reason"].startswith("missing_data: "), explanation)
        [clause] = explanation["clauses"]
        self.assertEqual(clause["clause"], "require")
        condition = clause["condition"]
        self.assertEqual(condition["expr"], "present(seller.kr_mail_order_registration) and "
                                            "primary_language(language) in "
                                            "official_languages(market)")
        self.assertIs(condition["value"], False)
        steps = {expr["expr"]: expr["value"] for expr in walk(condition)}
        self.assertIs(steps["present(seller.kr_mail_order_registration)"], False)
        self.assertIsNone(steps["seller.kr_mail_order_registration"])  # unknown: absent
        self.assertEqual(explanation["fields"], [
            {"path": "seller.kr_mail_order_registration", "value": None, "present": False}])
        # `and` stopped at its false operand: the language was not looked at.
        self.assertNotIn("official_languages(market)", steps)
        self.assertIn(RULE, [finding["rule"] for finding in result["findings"]])

    def test_values_functions_and_reference_rows(self):
        _, explanation = self.explanation(ENGLISH, selector="E2E-KR-12")  # by catalogue ref
        self.assertEqual(explanation["conclusion"], "fired")
        self.assertTrue(explanation["reason"].startswith("violation: "), explanation)
        condition = explanation["clauses"][0]["condition"]
        steps = {expr["expr"]: expr["value"] for expr in walk(condition)}
        self.assertIs(steps["present(seller.kr_mail_order_registration)"], True)
        self.assertEqual(steps["primary_language(language)"], "en")
        self.assertEqual(steps["official_languages(market)"], ["ko"])
        self.assertEqual(steps["market"], "KR")
        self.assertIs(steps["primary_language(language) in official_languages(market)"], False)
        self.assertIn({"path": "language", "value": "en", "present": True}, explanation["fields"])
        self.assertEqual(explanation["rows"], ["languages.csv KR: ko"])

    def test_a_rule_that_holds(self):
        result, explanation = self.explanation(PASSING)
        # The bundled Korean rulesets judge the record too: only this rule is asked to hold.
        self.assertNotIn(RULE, [finding["rule"] for finding in result["findings"]])
        self.assertEqual(explanation["conclusion"], "holds")
        self.assertIs(explanation["clauses"][0]["condition"]["value"], True)

    def test_when_and_unless_of_a_bundled_rule(self):
        # jp.scta's identity rule applies to consumer offers (`when`); a business-only offer is
        # not one.
        record = {"kind": "listing", "id": "JP-B2B", "offer": {"audience": ["business"]}}
        process, report = check([record], "--market", "JP", "--explain", "jp.scta")
        self.assertEqual(process.returncode, 0, process.stderr)
        explanations = report["results"][0]["explain"]
        self.assertGreaterEqual(len(explanations), 2)
        for explanation in explanations:
            self.assertTrue(explanation["rule"].startswith("jp.scta."))
            self.assertEqual(explanation["conclusion"], "not_applicable", explanation)
            self.assertEqual(explanation["reason"], "when #1 is false")
            self.assertEqual(explanation["clauses"][-1]["clause"], "when")
            self.assertIs(explanation["clauses"][-1]["condition"]["value"], False)

    def test_star_explains_every_rule_in_force(self):
        process, report = check([NO_NUMBER], "--market", "KR", "--explain", "*")
        self.assertEqual(process.returncode, 0, process.stderr)
        result = report["results"][0]
        self.assertEqual(len(result["explain"]), result["coverage"]["in_force"])

    def test_without_explain_nothing_is_added(self):
        _, report = check([NO_NUMBER], "--market", "KR")
        self.assertNotIn("explain", report["results"][0])

    def test_group_market_explains_each_member(self):
        record = {"kind": "listing", "id": "EU-1"}
        process, report = check([record], "--market", "EU", "--explain",
                                "eu.gpsr.manufacturer_contact")
        self.assertEqual(process.returncode, 0, process.stderr)
        markets = [explanation["market"] for explanation in report["results"][0]["explain"]]
        self.assertIn("DE", markets)
        self.assertIn("FR", markets)

    def test_text_report(self):
        process, _ = check([NO_NUMBER], "--market", "KR", "--explain", RULE, fmt="text")
        self.assertEqual(process.returncode, 0, process.stderr)
        self.assertIn("    explain " + RULE + " in KR: fired (missing_data: ", process.stdout)
        self.assertIn("      require:\n        present(seller.kr_mail_order_registration) and "
                      "primary_language(language) in official_languages(market) = false\n"
                      "          present(seller.kr_mail_order_registration) = false\n"
                      "            seller.kr_mail_order_registration = unknown\n",
                      process.stdout)
        self.assertIn("      field seller.kr_mail_order_registration = absent\n", process.stdout)

    def test_unknown_rule_is_a_usage_error(self):
        process, _ = check([NO_NUMBER], "--explain", "no.such.rule")
        self.assertEqual(process.returncode, 2)
        self.assertIn("--explain `no.such.rule` names no rule", process.stderr)


def main():
    global TRADELINT
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        TRADELINT = os.path.abspath(sys.argv.pop(1))
    TRADELINT = TRADELINT or os.environ.get("TRADELINT", "")
    if not TRADELINT or not os.access(TRADELINT, os.X_OK):
        sys.exit("usage: run_explain_tests.py PATH/TO/tradelint")
    unittest.main()


if __name__ == "__main__":
    main()

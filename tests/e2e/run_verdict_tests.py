#!/usr/bin/env python3
"""End-to-end tests of verdicts that never claim more than was checked (docs/cli.md: Verdicts,
Coverage, Scope facts, Group markets, Waivers, Findings).

Usage:
    run_verdict_tests.py PATH/TO/tradelint [unittest arguments]

Uses the fixture rulesets of run_cli_tests.py, the conformance suite and the bundled rulesets.
Standard library only.
"""

import json
import os
import sys
import tempfile
import unittest

import run_cli_tests as cli
from run_cli_tests import GOOD_RULES, TradelintTestCase, check, data, run

ROOT = os.path.dirname(os.path.dirname(cli.HERE))
CONFORMANCE = os.path.join(ROOT, "tests", "conformance")


def check_records(records, *args, rules=None):
    """Runs `check --format json` on `records` (dicts) given as JSON Lines on standard input."""
    stdin = "".join(json.dumps(record) + "\n" for record in records)
    options = ["--rules", rules] if rules else []
    process = run("check", *options, "--format", "json", *args, stdin=stdin)
    return process, json.loads(process.stdout) if process.stdout else None


class NotCoveredTest(TradelintTestCase):
    LISTING = {"kind": "listing", "id": "AR-1", "title": "Cotton T-shirt", "target_markets": ["AR"],
               "product": {"regulated_as": ["textile"]}}

    def test_a_market_without_rules_is_not_covered_and_never_pass(self):
        process, report = check_records([self.LISTING], "--as-of", "2026-06-01")
        self.assertExit(process, 0)
        [result] = report["results"]
        self.assertEqual(result["verdict"], "not_covered")
        self.assertEqual(result["coverage"]["in_force"], result["coverage"]["not_applicable"]
                         + result["coverage"]["applied"] + result["coverage"]["undecided"])
        self.assertTrue(any("not covered" in note for note in result["notes"]), result["notes"])
        self.assertEqual(report["summary"]["verdicts"]["not_covered"], 1)
        self.assertEqual(report["summary"]["verdicts"]["pass"], 0)
        self.assertIn("not covered", process.stderr)

    def test_fail_on_not_covered_makes_it_a_failure(self):
        process, _ = check_records([self.LISTING], "--as-of", "2026-06-01", "--fail-on-not-covered")
        self.assertExit(process, 1)
        process, _ = check_records([self.LISTING], "--as-of", "2026-06-01", "--fail-on", "never",
                                   "--fail-on-not-covered")
        self.assertExit(process, 1)

    def test_the_text_report_says_it_in_words_with_a_coverage_line(self):
        process = run("check", "--as-of", "2026-06-01", stdin=json.dumps(self.LISTING) + "\n")
        self.assertIn("AR: not_covered", process.stdout)
        self.assertIn("note: not covered: no bundled ruleset for market `AR`", process.stdout)
        self.assertRegex(process.stdout, r"rules: \d+ in force, \d+ applied, \d+ not applicable, "
                                         r"\d+ undecided, \d+ fired")
        self.assertIn("1 not covered", process.stdout)

    def test_a_kind_of_record_without_rules_is_not_covered_in_a_covered_market(self):
        # The fixture rulesets have rules for DE listings and sellers, none for DE transactions
        # before 2025... the EU IOSS rule; a CN dispatch country has none at all.
        _, report = check(data("transactions.jsonl"))
        verdicts = {(r["record"]["id"], r["market"]): r["verdict"] for r in report["results"]}
        self.assertEqual(verdicts[("ORD-IOSS", "CN")], "not_covered")
        self.assertEqual(verdicts[("ORD-IOSS", "DE-BE")], "pass")


class ScopeFactTest(TradelintTestCase):
    def test_unstated_categories_hold_rules_back_and_coverage_counts_them(self):
        record = {"kind": "listing", "id": "SF-4", "x_suite": "scope_facts", "language": "de",
                  "offer": {"audience": ["business"]}}
        process, report = check_records([record], "--market", "DE", "--as-of", "2025-06-01",
                                        rules=CONFORMANCE)
        [result] = report["results"]
        scope = [f for f in result["findings"] if f["rule"] == "conformance.scope_facts.scope"]
        self.assertEqual(len(scope), 1, result["findings"])
        self.assertEqual(scope[0]["severity"], "warning")
        self.assertEqual(scope[0]["basis"], "missing_data")
        self.assertEqual(scope[0]["missing"], ["product.regulated_as"])
        self.assertEqual(scope[0]["rules"], ["conformance.scope_facts.toy_label"])
        self.assertEqual(scope[0]["citation"], "docs/language.md: Scope facts")
        self.assertEqual(result["coverage"]["undecided"], 1)
        self.assertEqual(result["verdict"], "warn")
        # Stating `[]` decides it: nothing undecided, nothing held back.
        record["product"] = {"regulated_as": []}
        _, report = check_records([record], "--market", "DE", "--as-of", "2025-06-01", rules=CONFORMANCE)
        [result] = report["results"]
        self.assertEqual(result["coverage"]["undecided"], 0)
        self.assertNotIn("conformance.scope_facts.scope", [f["rule"] for f in result["findings"]])

    def test_a_plush_toy_without_categories_is_not_passed_in_the_us(self):
        record = {"kind": "listing", "id": "PLUSH-1", "target_markets": ["US"],
                  "title": "Plush bear with a lithium battery sound box",
                  "product": {"product_type": "plush toy", "brand": {"name": "Cuddle"}}}
        _, report = check_records([record], "--as-of", "2026-06-01")
        [result] = report["results"]
        self.assertNotEqual(result["verdict"], "pass")
        findings = {f["rule"]: f for f in result["findings"]}
        self.assertIn("us.cpsia.scope", findings)
        self.assertIn("us.cpsia.childrens_product_certificate", findings["us.cpsia.scope"]["rules"])
        self.assertGreater(result["coverage"]["undecided"], 0)


class GroupMarketTest(TradelintTestCase):
    LISTING = {"kind": "listing", "id": "TOY-EN", "title": "Wooden puzzle", "target_markets": ["EU"],
               "language": "en", "product": {"regulated_as": ["toy"], "warnings": [
                   {"type": "age_restriction", "text": "Not suitable for children under 36 months",
                    "language": "en", "placements": ["listing_page"]}]}}

    def test_a_group_is_judged_as_its_members(self):
        _, report = check_records([self.LISTING], "--as-of", "2026-06-01")
        [result] = report["results"]
        self.assertEqual(result["market"], "EU")
        self.assertEqual(result["verdict"], "fail")
        members = {member for finding in result["findings"] for member in finding["members"]}
        self.assertIn("DE", members)
        self.assertIn("IT", members)
        warnings = [f for f in result["findings"] if f["rule"] == "eu.gpsr.warnings_in_market_language"]
        self.assertTrue(any("DE" in f["members"] for f in warnings), warnings)
        self.assertFalse(any("IE" in f["members"] for f in warnings), "English is official in IE")

    def test_expand_gives_one_result_per_member_whose_coverage_adds_up(self):
        _, grouped = check_records([self.LISTING], "--as-of", "2026-06-01")
        _, expanded = check_records([self.LISTING], "--as-of", "2026-06-01", "--expand")
        markets = [r["market"] for r in expanded["results"]]
        self.assertEqual(len(markets), 27)
        self.assertIn("DE", markets)
        self.assertNotIn("EU", markets)
        for key in ("in_force", "applied", "not_applicable", "undecided", "fired"):
            self.assertEqual(grouped["results"][0]["coverage"][key],
                             sum(r["coverage"][key] for r in expanded["results"]))


class BasisTest(TradelintTestCase):
    def test_a_currency_mismatch_is_undecided_with_its_reason(self):
        record = {"kind": "listing", "id": "M-18", "x_suite": "money",
                  "offer": {"price": {"amount": 20, "currency": "EUR"},
                            "prior_price": {"amount": 40, "currency": "USD"}}}
        _, report = check_records([record], "--market", "DE", "--as-of", "2025-03-01", rules=CONFORMANCE)
        [result] = report["results"]
        [finding] = [f for f in result["findings"] if f["rule"] == "conformance.money.prior_price_not_lower"]
        self.assertEqual(finding["basis"], "undecided")
        self.assertIn("different currencies", finding["reason"])
        self.assertNotIn("missing", finding)
        for finding in result["findings"]:
            if finding["basis"] == "missing_data":
                self.assertTrue(finding["missing"])

    def test_a_violation_shows_the_value_found(self):
        record = {"kind": "listing", "id": "WEEE-1", "target_markets": ["DE"],
                  "product": {"regulated_as": ["electrical_equipment"],
                              "producer_registrations": [{"register": "stiftung_ear", "number": "hello"}]}}
        _, report = check_records([record], "--as-of", "2026-06-01")
        [result] = report["results"]
        findings = [f for f in result["findings"] if f["rule"].startswith("de.elektrog") and f["basis"] == "violation"]
        self.assertTrue(findings, result["findings"])
        self.assertEqual(findings[0]["value"], "hello")
        self.assertEqual(findings[0]["value_path"], "product.producer_registrations[0].number")
        self.assertEqual(findings[0]["lang"], "en")

    def test_an_evaluation_budget_makes_runaway_rules_undecided(self):
        with tempfile.TemporaryDirectory() as directory:
            rules = os.path.join(directory, "nested.trl")
            with open(rules, "w", encoding="utf-8") as file:
                file.write("""ruleset budget.nested {
  title        "Three nested quantifiers"
  jurisdiction DE
  instrument   "test"
  version      "1"
}

rule triple "No line id three times" {
  applies to transaction
  domain     customs_tax
  severity   error
  cite       "test"
  require    not (any a in lines: any b in lines: any c in lines: a.line_id == b.line_id and b.line_id == c.line_id and a.quantity > 1000)
  message    "three equal"
}
""")
            lint = run("lint", "--rules", rules)
            self.assertExit(lint, 0)
            self.assertIn("warning[nested_quantifiers]", lint.stderr)
            record = {"kind": "transaction", "id": "T-BIG", "created_at": "2025-06-01T00:00:00Z",
                      "shipment": {"ship_to": "DE"},
                      "lines": [{"line_id": str(i), "quantity": 1} for i in range(10000)]}
            _, report = check_records([record], rules=rules)
            [finding] = report["results"][0]["findings"]
            self.assertEqual(finding["basis"], "undecided")
            self.assertIn("evaluation budget", finding["reason"])


class WaiverTest(TradelintTestCase):
    def waivers_file(self, directory, waivers):
        path = os.path.join(directory, "waivers.json")
        with open(path, "w", encoding="utf-8") as file:
            json.dump({"waivers": waivers}, file)
        return path

    WAIVER = {"rule": "e2e.eu.manufacturer_contact", "record": "F-1", "markets": ["DE"],
              "reason": "manufacturer named on the packaging photo", "expires": "2999-12-31",
              "approved_by": "compliance@example.com"}

    def test_a_waived_finding_stays_but_does_not_count(self):
        with tempfile.TemporaryDirectory() as directory:
            path = self.waivers_file(directory, [self.WAIVER])
            process, report = check("--waivers", path, data("fail_only.jsonl"))
            self.assertExit(process, 0)
            [result] = report["results"]
            waived = [f for f in result["findings"] if f["rule"] == "e2e.eu.manufacturer_contact"]
            self.assertEqual(waived[0]["waived"], {"reason": self.WAIVER["reason"], "expires": "2999-12-31",
                                                   "approved_by": "compliance@example.com"})
            self.assertEqual(result["verdict"], "pass")
            self.assertIn("waived: manufacturer named on the packaging photo",
                          run("check", "--rules", GOOD_RULES, "--waivers", path, data("fail_only.jsonl")).stdout)

    def test_a_catalogue_ref_and_a_pattern_match(self):
        with tempfile.TemporaryDirectory() as directory:
            path = self.waivers_file(directory, [dict(self.WAIVER, rule="E2E-EU-MFR", record="F-*",
                                                      markets=None)])
            with open(path, encoding="utf-8") as file:
                content = json.load(file)
            del content["waivers"][0]["markets"]
            with open(path, "w", encoding="utf-8") as file:
                json.dump(content, file)
            process, report = check("--waivers", path, data("fail_only.jsonl"))
            self.assertExit(process, 0)
            self.assertIn("waived", report["results"][0]["findings"][0])

    def test_an_expired_waiver_no_longer_applies_and_says_so(self):
        with tempfile.TemporaryDirectory() as directory:
            path = self.waivers_file(directory, [dict(self.WAIVER, expires="2020-01-31")])
            process, report = check("--waivers", path, data("fail_only.jsonl"))
            self.assertExit(process, 1)
            [result] = report["results"]
            self.assertEqual(result["verdict"], "fail")
            self.assertTrue(all("waived" not in f for f in result["findings"]))
            self.assertTrue(any("expired on 2020-01-31" in note for note in result.get("notes", [])), result)

    def test_a_waiver_of_an_unknown_rule_is_an_error(self):
        with tempfile.TemporaryDirectory() as directory:
            path = self.waivers_file(directory, [dict(self.WAIVER, rule="e2e.eu.no_such_rule")])
            process, _ = check("--waivers", path, data("fail_only.jsonl"))
            self.assertExit(process, 2)
            self.assertIn("waivers[0]", process.stderr)
            self.assertIn("e2e.eu.no_such_rule", process.stderr)
            path = self.waivers_file(directory, [dict(self.WAIVER, expires="soon")])
            process, _ = check("--waivers", path, data("fail_only.jsonl"))
            self.assertExit(process, 2)
            self.assertIn("expires", process.stderr)


class UnknownFieldTest(TradelintTestCase):
    RECORD = {"kind": "listing", "id": "U-1", "target_markets": ["DE"], "titel": "Blocks",
              "product": {"brnad": {"name": "Acme"}, "regulated_as": []}, "x_batch": 7}

    def test_an_unknown_field_is_a_note_with_a_did_you_mean(self):
        process, report = check_records([self.RECORD], "--as-of", "2026-06-01")
        [result] = report["results"]
        self.assertNotEqual(result["verdict"], "invalid")
        notes = result.get("notes", [])
        self.assertTrue(any("`titel`" in note and "did you mean `title`" in note for note in notes), notes)
        self.assertTrue(any("did you mean `product.brand`" in note for note in notes), notes)
        self.assertFalse(any("x_batch" in note for note in notes), notes)

    def test_strict_makes_it_invalid_naming_each_path(self):
        process, report = check_records([self.RECORD], "--as-of", "2026-06-01", "--strict")
        self.assertExit(process, 3)
        [result] = report["results"]
        self.assertEqual(result["verdict"], "invalid")
        self.assertEqual(result["error"]["code"], "schema_violation")
        self.assertEqual(result["error"]["paths"], ["titel", "product.brnad"])


if __name__ == "__main__":
    cli.TRADELINT = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else cli.TRADELINT
    if not cli.TRADELINT:
        sys.exit("usage: run_verdict_tests.py PATH/TO/tradelint [unittest arguments]")
    unittest.main()

#!/usr/bin/env python3
"""End-to-end tests of the formats for pipelines and of change impact (docs/cli.md): `check
--format junit|issues-csv`, the JSON summary's counts, `record.hash`, `lint --format json`,
`tradelint merge` and `tradelint diff`. SARIF is tested by check_sarif.py.

Usage: run_format_tests.py PATH/TO/tradelint [unittest arguments]

Standard library only.
"""

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
GOOD_RULES = os.path.join(DATA, "rules", "good")
TRADELINT = ""


def data(name):
    return os.path.join(DATA, name)


def run(*args, stdin=None):
    return subprocess.run([TRADELINT, *args], input=stdin, capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


def check(*args, fmt="json", stdin=None):
    return run("check", "--rules", GOOD_RULES, "--format", fmt, *args, stdin=stdin)


class FormatTestCase(unittest.TestCase):
    def assertExit(self, process, status):
        self.assertEqual(process.returncode, status,
                         f"exit {process.returncode}, expected {status}\n"
                         f"stdout:\n{process.stdout[-3000:]}\nstderr:\n{process.stderr[-3000:]}")


class JunitTest(FormatTestCase):
    """Reads the XML as the JUnit readers of CI servers do (Jenkins' junit plugin, GitLab,
    junitparser): a `testsuites` root of `testsuite` elements whose `tests`, `failures`,
    `errors` and `skipped` attributes count their `testcase` children; a testcase has a `name`
    and a `classname`, and at most one `failure`, `error` or `skipped` child, each with a
    `message` (the attributes and children the Ant/Jenkins JUnit schema allows)."""

    ALLOWED_SUITE_ATTRIBUTES = {"name", "tests", "failures", "errors", "skipped", "time",
                                "timestamp", "hostname", "id", "package", "file", "group"}

    def parse(self, text):
        root = ElementTree.fromstring(text.encode("utf-8"))
        self.assertEqual(root.tag, "testsuites")
        for suite in root:
            self.assertEqual(suite.tag, "testsuite")
            self.assertLessEqual(set(suite.attrib), self.ALLOWED_SUITE_ATTRIBUTES)
            cases = list(suite)
            self.assertTrue(all(case.tag == "testcase" for case in cases))
            counted = {kind: sum(1 for case in cases if case.find(kind) is not None)
                       for kind in ("failure", "error", "skipped")}
            self.assertEqual(int(suite.get("tests")), len(cases))
            self.assertEqual(int(suite.get("failures")), counted["failure"])
            self.assertEqual(int(suite.get("errors")), counted["error"])
            self.assertEqual(int(suite.get("skipped")), counted["skipped"])
            float(suite.get("time"))
            for case in cases:
                self.assertTrue(case.get("name"))
                self.assertTrue(case.get("classname"))
                float(case.get("time"))
                outcomes = [child for child in case if child.tag != "system-out"]
                self.assertLessEqual(len(outcomes), 1)
                for outcome in outcomes:
                    self.assertIn(outcome.tag, ("failure", "error", "skipped"))
                    self.assertIn("message", outcome.attrib)
        return root

    def test_one_suite_per_input_one_case_per_result(self):
        process = check(data("listings.jsonl"), data("bad.jsonl"), fmt="junit")
        self.assertExit(process, 3)
        root = self.parse(process.stdout)
        suites = list(root)
        self.assertEqual([s.get("name") for s in suites], [data("listings.jsonl"), data("bad.jsonl")])
        report = json.loads(check(data("listings.jsonl"), data("bad.jsonl")).stdout)
        self.assertEqual(sum(int(s.get("tests")) for s in suites), report["summary"]["results"])
        self.assertEqual(sum(int(s.get("failures")) for s in suites),
                         report["summary"]["verdicts"]["fail"])
        self.assertEqual(sum(int(s.get("errors")) for s in suites), report["summary"]["invalid"])
        cases = {case.get("name"): case for case in suites[0]}
        failure = cases["L-FAIL"].find("failure")
        self.assertIn("e2e.eu.manufacturer_contact", failure.get("message"))
        self.assertIn("[E2E-EU-MFR]", failure.text)
        self.assertEqual(cases["L-FAIL"].get("classname"), "DE")
        self.assertIsNone(cases["L-PASS"].find("failure"))
        self.assertIn("e2e.eu.listing_language", cases["L-WARN"].find("system-out").text)
        invalid = [case for case in suites[1] if case.find("error") is not None]
        self.assertIn("malformed_json", [case.find("error").get("type") for case in invalid])

    def test_every_error_finding_is_listed(self):
        record = {"kind": "listing", "id": "X\u0001<&>\"'", "target_markets": ["DE", "FR"]}
        process = check(fmt="junit", stdin=json.dumps(record) + "\n")
        root = self.parse(process.stdout)
        cases = list(root[0])
        self.assertEqual([case.get("classname") for case in cases], ["DE", "FR"])
        self.assertEqual(cases[0].get("name"), "X\\x01<&>\"'")
        report = json.loads(check(stdin=json.dumps(record) + "\n").stdout)
        errors = [f["rule"] for f in report["results"][0]["findings"] if f["severity"] == "error"]
        lines = cases[0].find("failure").text.strip().split("\n")
        self.assertEqual(len(lines), len(errors))

    def test_not_covered_is_skipped(self):
        record = {"kind": "listing", "id": "NC", "target_markets": ["JP"]}
        root = self.parse(check(fmt="junit", stdin=json.dumps(record) + "\n").stdout)
        [case] = list(root[0])
        self.assertIsNotNone(case.find("skipped"))


def recount(results):
    """The summary's by_rule, by_market and by_domain, recomputed from `results`."""
    counts = {"by_rule": {}, "by_market": {}, "by_domain": {}}
    for result in results:
        for finding in result["findings"]:
            column = "waived" if "waived" in finding else finding["severity"]
            for table, key in (("by_rule", finding["rule"]), ("by_market", result["market"]),
                               ("by_domain", finding["domain"])):
                row = counts[table].setdefault(key, {"error": 0, "warning": 0, "info": 0,
                                                     "waived": 0})
                row[column] += 1
    return counts


def waivers_file(directory):
    path = os.path.join(directory, "waivers.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump({"waivers": [{"rule": "e2e.eu.manufacturer_contact", "record": "B-FAIL",
                                "reason": "on the label", "expires": "2999-12-31",
                                "approved_by": "qa"}]}, file)
    return path


class SummaryCountsTest(FormatTestCase):
    def test_counts_add_up_to_the_findings(self):
        with tempfile.TemporaryDirectory() as directory:
            process = check("--waivers", waivers_file(directory), "--market", "DE,FR",
                            data("listings.jsonl"), data("bad.jsonl"))
        self.assertExit(process, 3)
        report = json.loads(process.stdout)
        summary = report["summary"]
        expected = recount(report["results"])
        for table in ("by_rule", "by_market", "by_domain"):
            self.assertEqual(summary[table], expected[table], table)
        self.assertEqual(summary["by_rule"]["e2e.eu.manufacturer_contact"]["waived"], 2)
        self.assertEqual(set(summary["by_market"]), {"DE", "FR"})


class IssuesCsvTest(FormatTestCase):
    HEADER = ["issue", "ref", "severity", "domain", "market", "title", "citation", "attributes",
              "records", "waived", "example_record_ids"]

    def test_one_row_per_rule_and_market(self):
        with tempfile.TemporaryDirectory() as directory:
            args = ("--waivers", waivers_file(directory), "--market", "DE,FR",
                    data("listings.jsonl"), data("bad.jsonl"))
            process = check(*args, fmt="issues-csv")
            report = json.loads(check(*args).stdout)
        self.assertExit(process, 3)
        rows = list(csv.reader(io.StringIO(process.stdout, newline="")))
        self.assertEqual(rows[0], self.HEADER)
        rows = [dict(zip(self.HEADER, row)) for row in rows[1:]]
        by_key = {(row["issue"], row["market"]): row for row in rows}
        self.assertEqual(len(by_key), len(rows))
        for rule, counts in report["summary"]["by_rule"].items():
            mine = [row for row in rows if row["issue"] == rule]
            self.assertEqual(sum(int(row["records"]) for row in mine),
                             counts["error"] + counts["warning"] + counts["info"])
            self.assertEqual(sum(int(row["waived"]) for row in mine), counts["waived"])
        row = by_key[("e2e.eu.manufacturer_contact", "DE")]
        self.assertEqual((row["ref"], row["severity"], row["domain"]),
                         ("E2E-EU-MFR", "error", "product_safety"))
        self.assertEqual(row["waived"], "1")
        examples = row["example_record_ids"].split("|")
        self.assertIn("L-FAIL", examples)
        self.assertNotIn("B-FAIL", examples)  # waived
        self.assertIn("product.manufacturer.email", row["attributes"].split(" "))
        invalid = by_key[("malformed_json", "")]
        self.assertEqual(invalid["severity"], "error")
        self.assertTrue(invalid["example_record_ids"].startswith(data("bad.jsonl") + ":"))
        severities = [row["severity"] for row in rows]
        order = {"error": 0, "warning": 1, "info": 2}
        self.assertEqual(severities, sorted(severities, key=order.get))


class RecordHashTest(FormatTestCase):
    def test_hash_is_sha256_of_the_canonical_json(self):
        record = {"kind": "listing", "id": "H-1", "target_markets": ["DE"],
                  "title": "Caf\u00e9 \"blocks\"", "x_weight": 2}
        canonical = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        expected = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        # The same data with other key order, spacing and number spelling.
        respelled = ('{ "x_weight": 2.00, "title": "Caf\\u00e9 \\"blocks\\"", '
                     '"target_markets": ["DE"], "id": "H-1", "kind": "listing" }')
        process = check(fmt="jsonl", stdin=json.dumps(record) + "\n" + respelled + "\n")
        hashes = [json.loads(line)["record"]["hash"] for line in process.stdout.splitlines()]
        self.assertEqual(hashes, [expected, expected])

    def test_unreadable_records_have_no_hash_and_stdin_can_be_named(self):
        process = check("--source-name", "feed.jsonl", fmt="jsonl",
                        stdin='{"kind": "listing", "id": "A", "target_markets": ["DE"]}\n{bad\n')
        results = [json.loads(line) for line in process.stdout.splitlines()]
        self.assertEqual([r["record"]["source"] for r in results], ["feed.jsonl:1", "feed.jsonl:2"])
        self.assertEqual(len(results[0]["record"]["hash"]), 64)
        self.assertIsNone(results[1]["record"]["hash"])


class MergeTest(FormatTestCase):
    def test_shards_merged_equal_the_whole_run(self):
        inputs = [data("listings.jsonl"), data("bad.jsonl"), data("sellers.jsonl")]
        whole = check("--market", "DE,FR", *inputs)
        with tempfile.TemporaryDirectory() as directory:
            shards = []
            for index, path in enumerate(inputs):
                shard = os.path.join(directory, f"shard-{index}.json")
                with open(shard, "w", encoding="utf-8") as file:
                    file.write(check("--market", "DE,FR", path).stdout)
                shards.append(shard)
            merged = run("merge", *shards)
            self.assertExit(merged, 0)
            # Byte for byte: the same results, headers and recounted summary.
            self.assertEqual(merged.stdout, whole.stdout)
            self.assertIn("by_rule", json.loads(merged.stdout)["summary"])

            other = os.path.join(directory, "other.json")
            with open(other, "w", encoding="utf-8") as file:
                file.write(run("check", "--format", "json", data("listings.jsonl")).stdout)
            mixed = run("merge", shards[0], other)
            self.assertExit(mixed, 2)
            self.assertIn("other rulesets", mixed.stderr)
            self.assertExit(run("merge", data("listings.jsonl")), 2)


class DiffTest(FormatTestCase):
    # Bought on 2026-07-01, claiming the EUR 150 duty relief that the EUR 3 flat duty ends.
    PARCEL = {"kind": "transaction", "id": "T-PARCEL", "created_at": "2026-07-01T10:00:00Z",
              "buyer": {"type": "consumer", "country": "FR"},
              "lines": [{"line_id": "1", "description": "Phone case", "quantity": 1,
                         "hs_code": "392690"}],
              "shipment": {"ship_from": "CN", "ship_to": "FR",
                           "consignment_value": {"amount": 12, "currency": "EUR",
                                                 "basis": "intrinsic_value"},
                           "import_declaration": {"duty_relief_claimed": "low_value_consignment"}},
              "tax": {"scheme": "import_one_stop_shop", "components": []}}

    def test_what_the_eur_3_duty_changes(self):
        stdin = json.dumps(self.PARCEL) + "\n"
        process = run("diff", "--old-as-of", "2026-06-30", "--new-as-of", "2026-07-01",
                      "--format", "json", "--market", "FR", stdin=stdin)
        self.assertExit(process, 1)
        report = json.loads(process.stdout)
        [change] = report["changes"]
        self.assertEqual(change["record"]["id"], "T-PARCEL")
        self.assertEqual(len(change["record"]["hash"]), 64)
        self.assertEqual(change["market"], "FR")
        added = {c["rule"]: c for c in change["rules"] if c["change"] == "added"}
        self.assertIn("eu.customs_low_value.flat_duty_per_subheading", added)
        counts = report["summary"]["by_rule"]["eu.customs_low_value.flat_duty_per_subheading"]
        self.assertEqual((counts["added"], counts["examples"]), (1, ["T-PARCEL"]))
        self.assertEqual(report["summary"]["by_market"]["FR"]["changed"], 1)
        # No change between two days of the same rules.
        same = run("diff", "--old-as-of", "2026-07-01", "--new-as-of", "2026-07-02", "--market",
                   "FR", stdin=stdin)
        self.assertExit(same, 0)
        self.assertIn("0 of 1 results in 1 records change", same.stdout)

    def test_a_severity_change_shows_up(self):
        with tempfile.TemporaryDirectory() as directory:
            new_rules = os.path.join(directory, "rules")
            os.mkdir(new_rules)
            for name in os.listdir(GOOD_RULES):
                with open(os.path.join(GOOD_RULES, name), encoding="utf-8") as file:
                    text = file.read()
                if name == "e2e_eu.trl":
                    # The first rule's severity, error -> warning; nothing else.
                    self.assertIn("severity    error", text)
                    text = text.replace("severity    error", "severity    warning", 1)
                with open(os.path.join(new_rules, name), "w", encoding="utf-8") as file:
                    file.write(text)
            process = run("diff", "--old-rules", GOOD_RULES, "--new-rules", new_rules,
                          "--format", "json", data("listings.jsonl"))
            text_output = run("diff", "--old-rules", GOOD_RULES, "--new-rules", new_rules,
                              data("listings.jsonl"))
        self.assertExit(process, 1)
        report = json.loads(process.stdout)
        changes = {c["record"]["id"]: c for c in report["changes"]}
        self.assertEqual(set(changes), {"L-FAIL"})
        [rule] = changes["L-FAIL"]["rules"]
        self.assertEqual(rule["change"], "changed")
        self.assertEqual(rule["old"][0]["severity"], "error")
        self.assertEqual(rule["new"][0]["severity"], "warning")
        self.assertEqual(report["summary"]["verdicts"], {"fail -> warn": 1})
        self.assertIn("error missing_data -> warning missing_data", text_output.stdout)

    def test_usage(self):
        self.assertExit(run("diff", "--old-as-of", "2026-01-01", data("listings.jsonl")), 2)
        self.assertExit(run("diff", data("listings.jsonl")), 2)


class LintJsonTest(FormatTestCase):
    def test_diagnostics_as_json(self):
        process = run("lint", "--rules", os.path.join(DATA, "rules", "warned"), "--format", "json")
        self.assertExit(process, 0)
        report = json.loads(process.stdout)
        [diagnostic] = report["diagnostics"]
        self.assertEqual(diagnostic["code"], "dates_outside_ruleset")
        self.assertEqual(diagnostic["severity"], "warning")
        self.assertTrue(diagnostic["file"].endswith("e2e_warned.trl"))
        self.assertEqual((diagnostic["line"], diagnostic["column"]), (15, 3))
        self.assertEqual(report["summary"], {"errors": 0, "warnings": 1, "rulesets": 1})

    def test_errors_exit_2(self):
        process = run("lint", "--rules", os.path.join(DATA, "rules", "broken"), "--format", "json")
        self.assertExit(process, 2)
        report = json.loads(process.stdout)
        self.assertEqual(report["diagnostics"][0]["code"], "syntax_error")
        self.assertEqual(report["summary"]["errors"], 1)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: run_format_tests.py PATH/TO/tradelint")
    TRADELINT = sys.argv.pop(1)
    unittest.main()

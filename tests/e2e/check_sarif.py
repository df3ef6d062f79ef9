#!/usr/bin/env python3
"""SARIF output (`check --format sarif`, `lint --format sarif`) against docs/cli.md, and valid
under Microsoft's SARIF multitool `validate` (npm @microsoft/sarif-multitool, pinned in
tests/node/package.json).

Without tests/node/node_modules (tools/install-deps.sh installs it) the test says so and is
skipped (exit 77, CTest's SKIP_RETURN_CODE).

Usage: check_sarif.py PATH/TO/tradelint
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(HERE, "data")
GOOD_RULES = os.path.join(DATA, "rules", "good")
WARNED_RULES = os.path.join(DATA, "rules", "warned")
MULTITOOL = os.path.join(ROOT, "tests", "node", "node_modules", ".bin", "sarif-multitool")
TRADELINT = ""
# A line of the multitool's console output that reports an error, e.g.
# `/tmp/x.sarif(1,181): error JSON1008: ...` or `SARIF.MULTITOOL : error ERR997...`.
MULTITOOL_ERROR = re.compile(r"\berror [A-Z]+\d+\b")


def run(*args):
    return subprocess.run([TRADELINT, *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=300)


class SarifTest(unittest.TestCase):
    def validate(self, text):
        """Runs the multitool's `validate` on `text`; fails on any error it reports."""
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "log.sarif")
            with open(path, "w", encoding="utf-8") as file:
                file.write(text)
            process = subprocess.run([MULTITOOL, "validate", path], capture_output=True,
                                     text=True, timeout=300)
        output = process.stdout + process.stderr
        print(output.strip(), file=sys.stderr)
        self.assertEqual(process.returncode, 0, output)
        self.assertIn("Analysis completed successfully", output)
        self.assertIsNone(MULTITOOL_ERROR.search(output), output)

    def test_check(self):
        with tempfile.TemporaryDirectory() as directory:
            waivers = os.path.join(directory, "waivers.json")
            with open(waivers, "w", encoding="utf-8") as file:
                json.dump({"waivers": [{"rule": "e2e.eu.manufacturer_contact", "record": "L-FAIL",
                                        "reason": "named on the packaging photo",
                                        "expires": "2999-12-31", "approved_by": "qa"}]}, file)
            process = run("check", "--rules", GOOD_RULES, "--format", "sarif", "--waivers",
                          waivers, os.path.join(DATA, "listings.jsonl"),
                          os.path.join(DATA, "bad.jsonl"))
        self.assertEqual(process.returncode, 3, process.stderr)
        self.validate(process.stdout)
        log = json.loads(process.stdout)
        self.assertEqual(log["version"], "2.1.0")
        [sarif_run] = log["runs"]
        rules = sarif_run["tool"]["driver"]["rules"]
        results = sarif_run["results"]
        for result in results:
            self.assertEqual(rules[result["ruleIndex"]]["id"], result["ruleId"])
        rule = next(r for r in rules if r["id"] == "e2e.eu.manufacturer_contact")
        self.assertIn("citation", rule["properties"])
        self.assertTrue(rule["help"]["text"])
        self.assertEqual(rule["defaultConfiguration"]["level"], "error")
        self.assertIn(rule["properties"]["citation"], rule["fullDescription"]["text"])

        waived = [r for r in results if r["properties"].get("record_id") == "L-FAIL"
                  and r["ruleId"] == "e2e.eu.manufacturer_contact"]
        self.assertTrue(waived)
        for result in waived:
            [suppression] = result["suppressions"]
            self.assertEqual(suppression["kind"], "external")
            self.assertEqual(suppression["justification"], "named on the packaging photo")
            location = result["locations"][0]
            physical = location["physicalLocation"]
            self.assertTrue(physical["artifactLocation"]["uri"].endswith("data/listings.jsonl"))
            self.assertEqual(physical["region"]["startLine"], 2)
            self.assertEqual(len(result["properties"]["record_hash"]), 64)
            names = [l["fullyQualifiedName"] for l in location["logicalLocations"]]
            self.assertTrue(all(name.startswith("product.manufacturer") for name in names), names)
        # The invalid lines of bad.jsonl are results of their error codes.
        invalid = [r for r in results if r["ruleId"] == "malformed_json"]
        self.assertTrue(invalid)
        self.assertTrue(invalid[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                        .endswith("bad.jsonl"))

    def test_lint(self):
        process = run("lint", "--rules", WARNED_RULES, "--format", "sarif")
        self.assertEqual(process.returncode, 0, process.stderr)
        self.validate(process.stdout)
        [sarif_run] = json.loads(process.stdout)["runs"]
        [result, *_] = sarif_run["results"]
        self.assertEqual(result["level"], "warning")
        region = result["locations"][0]["physicalLocation"]["region"]
        self.assertGreaterEqual(region["startLine"], 1)
        self.assertGreaterEqual(region["startColumn"], 1)
        self.assertTrue(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                        .endswith("e2e_warned.trl"))
        self.assertEqual(sarif_run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"],
                         result["ruleId"])

    def test_lint_errors(self):
        process = run("lint", "--rules", os.path.join(DATA, "rules", "broken"), "--format",
                      "sarif")
        self.assertEqual(process.returncode, 2, process.stderr)
        self.validate(process.stdout)
        results = json.loads(process.stdout)["runs"][0]["results"]
        self.assertIn("error", [r["level"] for r in results])


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: check_sarif.py PATH/TO/tradelint")
    TRADELINT = sys.argv.pop(1)
    if not os.path.exists(MULTITOOL):
        print("SKIPPED: tests/node/node_modules is absent (run tools/install-deps.sh to install "
              "the SARIF multitool)", file=sys.stderr)
        sys.exit(77)
    unittest.main()

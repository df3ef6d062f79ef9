#!/usr/bin/env python3
"""End-to-end tests of extending the bundled rules without forking them (docs/extending.md).

- data/extension/kr-rules/ is a rules folder outside the bundled tree: a data-model extension
  (seller.kr_mail_order_registration), extra official-language rows (KR) and a rule that reads
  both, used beside the bundled rulesets with `--rules +bundled`;
- a copy of a bundled ruleset folder without the test fixtures it names still runs `check`
  and `rules` (they skip `test` blocks), while `lint` and `test` report the missing fixture.

Usage: run_extension_tests.py PATH/TO/tradelint [unittest arguments]
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
KR_RULES = os.path.join(HERE, "data", "extension", "kr-rules")
KR_RECORDS = os.path.join(HERE, "data", "extension", "records.jsonl")
TRADELINT = ""
TIMEOUT = 300


def run(*args):
    return subprocess.run([TRADELINT, *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=TIMEOUT)


def by_id(report):
    return {result["record"]["id"]: result for result in report["results"]}


class ExtensionFolder(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        process = run("check", "--rules", "+bundled", "--rules", KR_RULES, "--format", "json",
                      "--as-of", "2026-01-15", KR_RECORDS)
        cls.process = process
        cls.report = json.loads(process.stdout)
        cls.results = by_id(cls.report)

    def test_exit_status_names_the_invalid_records(self):
        self.assertEqual(self.process.returncode, 3, self.process.stderr)

    def test_bundled_rulesets_are_loaded_too(self):
        ids = {ruleset["id"] for ruleset in self.report["rulesets"]}
        self.assertIn("e2e.kr_mail_order", ids)
        self.assertIn("eu.gpsr", ids)

    # The bundled Korean rulesets judge the records too; these tests look at the extension's.
    @staticmethod
    def own(result):
        return [f for f in result["findings"] if f["rule"].startswith("e2e.kr_mail_order.")]

    def test_extension_field_and_language_rows_pass(self):
        result = self.results["KR-OK"]
        self.assertNotEqual(result["verdict"], "invalid", result)
        self.assertEqual(self.own(result), [])

    def test_absent_extension_field_fails(self):
        result = self.results["KR-NO-NUMBER"]
        self.assertEqual(result["verdict"], "fail")
        [finding] = self.own(result)
        self.assertEqual(finding["rule"], "e2e.kr_mail_order.report_number")
        self.assertEqual(finding["missing"], ["seller.kr_mail_order_registration"])

    def test_language_rows_from_the_extension_are_read(self):
        [finding] = self.own(self.results["KR-ENGLISH"])
        self.assertEqual(finding["basis"], "violation")
        self.assertIn("a language of KR (ko)", finding["message"])

    def test_wrong_type_is_invalid_naming_the_path(self):
        result = self.results["KR-BAD-TYPE"]
        self.assertEqual(result["verdict"], "invalid")
        self.assertEqual(result["error"]["code"], "schema_violation")
        self.assertEqual(result["error"]["paths"], ["seller.kr_mail_order_registration"])

    def test_pattern_is_validated(self):
        result = self.results["KR-BAD-PATTERN"]
        self.assertEqual(result["verdict"], "invalid")
        self.assertEqual(result["error"]["paths"], ["seller.kr_mail_order_registration"])

    def test_extension_table_is_listed_with_its_provenance(self):
        tables = {table["name"]: table for table in self.report["reference_data"]}
        extension = os.path.join(KR_RULES, "extension", "languages.csv")
        self.assertIn(extension, tables)
        self.assertEqual(tables[extension]["date"], "2025-01-01")
        self.assertIn("languages.csv", tables)

    def test_the_folder_tests_and_lints_with_its_extension(self):
        process = run("test", "--rules", KR_RULES)
        self.assertEqual(process.returncode, 0, process.stdout + process.stderr)
        self.assertIn("2 passed, 0 failed", process.stdout)
        process = run("lint", "--rules", "+bundled", "--rules", KR_RULES)
        self.assertEqual(process.returncode, 0, process.stderr)

    def test_the_checker_types_the_extension_field(self):
        with tempfile.TemporaryDirectory() as directory:
            shutil.copytree(KR_RULES, os.path.join(directory, "rules"))
            rules = os.path.join(directory, "rules", "kr", "mail_order.trl")
            with open(rules, encoding="utf-8") as file:
                text = file.read()
            with open(rules, "w", encoding="utf-8") as file:
                file.write(text.replace("present(seller.kr_mail_order_registration)",
                                        "seller.kr_mail_order_registration > 3"))
            process = run("lint", "--rules", os.path.join(directory, "rules"))
            self.assertEqual(process.returncode, 2)
            self.assertIn("kr_mail_order_registration", process.stderr)
            self.assertIn("string", process.stderr)

    def test_without_the_extension_the_field_is_unknown(self):
        with tempfile.TemporaryDirectory() as directory:
            shutil.copytree(os.path.join(KR_RULES, "kr"), os.path.join(directory, "kr"))
            process = run("lint", "--rules", directory)
            self.assertEqual(process.returncode, 2)
            self.assertIn("unknown_field", process.stderr)

    def test_an_extension_may_not_change_a_bundled_field(self):
        with tempfile.TemporaryDirectory() as directory:
            shutil.copytree(KR_RULES, directory, dirs_exist_ok=True)
            model = os.path.join(directory, "extension", "data-model.json")
            with open(model, "w", encoding="utf-8") as file:
                json.dump({"extend": {"seller.schema.json#/$defs/seller": {"properties": {
                    "legal_name": {"description": "again", "type": "string"}}}}}, file)
            process = run("check", "--rules", directory, KR_RECORDS)
            self.assertEqual(process.returncode, 2)
            self.assertIn("extension_invalid", process.stderr)
            self.assertIn("`legal_name` is already a field", process.stderr)


class ForkedFolder(unittest.TestCase):
    """A copy of rulesets/de/ without ../../schema/examples, which its tests name."""

    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.rules = os.path.join(self.directory.name, "de")
        shutil.copytree(os.path.join(SOURCE, "rulesets", "de"), self.rules)

    def tearDown(self):
        self.directory.cleanup()

    def test_check_and_rules_run_without_the_fixtures(self):
        record = json.dumps({"kind": "seller", "id": "S-1", "target_markets": ["DE"]})
        process = subprocess.run([TRADELINT, "check", "--rules", self.rules, "--format", "json",
                                  "--fail-on", "never", "-"], input=record, capture_output=True,
                                 text=True, timeout=TIMEOUT)
        self.assertEqual(process.returncode, 0, process.stderr)
        self.assertEqual(json.loads(process.stdout)["results"][0]["record"]["id"], "S-1")
        process = run("rules", "--rules", self.rules)
        self.assertEqual(process.returncode, 0, process.stderr)
        self.assertIn("de.verpackg", process.stdout)

    def test_lint_and_test_report_the_missing_fixture(self):
        for command in ("lint", "test"):
            process = run(command, "--rules", self.rules)
            self.assertEqual(process.returncode, 2, command)
            self.assertTrue("missing_test_record" in process.stderr or
                            "path_outside_rules_root" in process.stderr, process.stderr)


def main():
    global TRADELINT
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        TRADELINT = os.path.abspath(sys.argv.pop(1))
    TRADELINT = TRADELINT or os.environ.get("TRADELINT", "")
    if not TRADELINT or not os.access(TRADELINT, os.X_OK):
        sys.exit("usage: run_extension_tests.py PATH/TO/tradelint")
    unittest.main()


if __name__ == "__main__":
    main()

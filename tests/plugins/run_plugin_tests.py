#!/usr/bin/env python3
"""End-to-end tests of plugins built outside the engine (docs/plugins.md).

    run_plugin_tests.py TRADELINT GTIN_PLUGIN WRONG_ABI_PLUGIN [unittest arguments]

GTIN_PLUGIN is plugins/examples/gtin built as a shared library; WRONG_ABI_PLUGIN declares a
plugin ABI version this tradelint does not load. data/gtin.trl calls the plugin's
`gtin_valid`. Standard library only.
"""
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "data", "gtin.trl")
RECORDS = os.path.join(HERE, "data", "gtin.jsonl")
TRADELINT, GTIN, WRONG_ABI = sys.argv[1:4]


def run(*args):
    return subprocess.run([TRADELINT, *args], capture_output=True, text=True, timeout=300)


class PluginTest(unittest.TestCase):
    def test_check_calls_the_plugin_function(self):
        process = run("check", "--rules", RULES, "--plugin", GTIN, RECORDS, "--format", "json")
        self.assertEqual(process.returncode, 1, process.stderr)
        findings = {result["record"]["id"]: [f["rule"] for f in result["findings"]]
                    for result in json.loads(process.stdout)["results"]}
        self.assertEqual(findings, {"G-OK": [], "G-BAD": ["e2e.gtin.check_digit"],
                                    "G-GTIN14": [], "G-NONE": []})

    def test_ruleset_tests_lint_and_rules_take_plugins(self):
        self.assertEqual(run("test", "--rules", RULES, "--plugin", GTIN).returncode, 0)
        lint = run("lint", "--rules", RULES, "--plugin", GTIN)
        self.assertEqual(lint.returncode, 0, lint.stderr)
        rules = run("rules", "--rules", RULES, "--plugin", GTIN, "--format", "json")
        self.assertEqual(rules.returncode, 0, rules.stderr)
        self.assertIn("e2e.gtin.check_digit", rules.stdout)

    def test_without_the_plugin_the_function_is_unknown(self):
        process = run("lint", "--rules", RULES)
        self.assertEqual(process.returncode, 2)
        self.assertIn("gtin_valid", process.stderr)

    def test_plugin_for_another_abi_version_is_refused(self):
        for command in ("check", "lint", "test", "rules"):
            process = run(command, "--rules", RULES, "--plugin", WRONG_ABI, "--plugin", GTIN,
                          *([RECORDS] if command == "check" else []))
            self.assertEqual(process.returncode, 2, command)
            self.assertIn("tradelint: error: plugin `%s`: was built for plugin ABI version 2, "
                          "but this tradelint loads version 1 only" % WRONG_ABI, process.stderr)
            self.assertEqual(process.stdout, "", command)

    def test_a_library_that_is_not_a_plugin_or_not_there(self):
        process = run("lint", "--rules", RULES, "--plugin", WRONG_ABI + ".missing")
        self.assertEqual(process.returncode, 2)
        self.assertIn("cannot be loaded", process.stderr)
        not_plugin = subprocess.run(["python3", "-c", "import ctypes.util; "
                                     "print(ctypes.util.find_library('m'))"],
                                    capture_output=True, text=True).stdout.strip()
        process = run("lint", "--rules", RULES, "--plugin", not_plugin)
        self.assertEqual(process.returncode, 2)
        self.assertIn("is not a tradelint plugin: it exports no `tradelint_plugin_entry`",
                      process.stderr)

    def test_plugin_twice_is_a_conflict(self):
        process = run("lint", "--rules", RULES, "--plugin", GTIN, "--plugin", GTIN)
        self.assertEqual(process.returncode, 2)
        self.assertIn("plugin_conflict", process.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1] + sys.argv[4:])

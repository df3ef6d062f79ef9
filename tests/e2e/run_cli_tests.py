#!/usr/bin/env python3
"""End-to-end tests of the tradelint command line against docs/cli.md.

Runs the built binary on the fixtures in data/: records of every input format (good ones
and broken ones) and small rulesets of its own under data/rules/ (good: EU, DE and GLOBAL
rulesets with tests; failing: a ruleset whose test fails; broken: a syntax error; warned:
compiles with a warning). Big and deep inputs are generated at test time.

Usage:
    run_cli_tests.py PATH/TO/tradelint [unittest arguments]
    TRADELINT=PATH/TO/tradelint run_cli_tests.py [unittest arguments]

Standard library only.
"""

import json
import os
import pty
import re
import select
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
RULES = os.path.join(DATA, "rules")
GOOD_RULES = os.path.join(RULES, "good")
TRADELINT = os.environ.get("TRADELINT", "")

SUMMARY_LINE = re.compile(
    r"^\d+ records?, \d+ results?: \d+ fail, \d+ warn, \d+ pass, \d+ not covered, \d+ invalid$", re.M)
ANSI_ESCAPE = "\x1b["
TIMEOUT = 300  # seconds for any one run; generous for sanitizer builds


def data(name):
    return os.path.join(DATA, name)


def run(*args, stdin=None, env=None):
    """Runs tradelint with `args`; returns the CompletedProcess (text, stdout and stderr)."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    return subprocess.run([TRADELINT, *args], input=stdin, capture_output=True, text=True,
                          encoding="utf-8", env=full_env, timeout=TIMEOUT)


def check(*args, rules=GOOD_RULES, fmt="json", stdin=None):
    """Runs `tradelint check` with the fixture rulesets; returns (process, parsed report)."""
    process = run("check", "--rules", rules, "--format", fmt, *args, stdin=stdin)
    report = json.loads(process.stdout) if fmt == "json" and process.stdout else None
    return process, report


def results_by_id(report):
    """{record id: [results]}; invalid records without an id are keyed by their source."""
    by_id = {}
    for result in report["results"]:
        key = result["record"]["id"] or result["record"]["source"]
        by_id.setdefault(key, []).append(result)
    return by_id


def rule_ids(result):
    return [finding["rule"] for finding in result["findings"]]


class TradelintTestCase(unittest.TestCase):
    def assertExit(self, process, status):
        self.assertEqual(process.returncode, status,
                         f"exit {process.returncode}, expected {status}\n"
                         f"stdout:\n{process.stdout[-3000:]}\nstderr:\n{process.stderr[-3000:]}")

    def assertValidReport(self, report):
        """The report object's shape (docs/cli.md), and the summary adds up."""
        self.assertEqual(report["tool"], {"name": "tradelint", "version": "0.1.0"})
        for ruleset in report["rulesets"]:
            self.assertTrue({"id", "version", "jurisdiction"} <= ruleset.keys())
        self.assertTrue(report["reference_data"])
        for table in report["reference_data"]:
            self.assertTrue({"name", "source", "date"} <= table.keys())
        verdicts = {"pass": 0, "not_covered": 0, "warn": 0, "fail": 0, "invalid": 0}
        for result in report["results"]:
            self.assertValidResult(result)
            verdicts[result["verdict"]] += 1
        summary = report["summary"]
        self.assertEqual(summary["results"], len(report["results"]))
        self.assertEqual(summary["verdicts"], verdicts)
        self.assertEqual(summary["invalid"], verdicts["invalid"])

    def assertValidResult(self, result):
        self.assertEqual(set(result["record"]), {"kind", "id", "source", "hash"})
        record_hash = result["record"]["hash"]
        self.assertTrue(record_hash is None or re.fullmatch(r"[0-9a-f]{64}", record_hash),
                        record_hash)
        self.assertIn(result["verdict"], ("pass", "not_covered", "warn", "fail", "invalid"))
        self.assertIn("as_of", result)
        if result["verdict"] == "invalid":
            self.assertIsNone(result["market"])
            self.assertEqual(result["findings"], [])
            self.assertEqual(set(result["error"]), {"code", "message", "paths"})
            return
        self.assertNotIn("error", result)
        self.assertIsInstance(result["market"], str)
        coverage = result["coverage"]
        self.assertEqual(coverage["in_force"],
                         coverage["applied"] + coverage["not_applicable"] + coverage["undecided"])
        self.assertLessEqual(coverage["fired"], coverage["applied"] + len(result["findings"]))
        self.assertRegex(result["as_of"], r"^\d{4}-\d{2}-\d{2}$")
        severities = set()
        for finding in result["findings"]:
            for key in ("rule", "ruleset", "jurisdiction", "domain", "severity", "citation",
                        "title", "message", "paths", "basis"):
                self.assertIn(key, finding)
            self.assertIn(finding["basis"], ("violation", "missing_data", "undecided"))
            self.assertEqual("missing" in finding, finding["basis"] == "missing_data")
            if finding["basis"] == "missing_data":
                self.assertTrue(finding["missing"], "missing_data with an empty `missing`")
            self.assertEqual("reason" in finding, finding["basis"] == "undecided")
            self.assertNotIn("((missing))", finding["message"])
            for optional in ("ref", "fix", "responsible", "overrides", "notes", "rules", "members"):
                if optional in finding:
                    self.assertTrue(finding[optional], f"empty optional `{optional}`")
            if "waived" not in finding:
                severities.add(finding["severity"])
        expected = ("fail" if "error" in severities else
                    "warn" if "warning" in severities else ("pass", "not_covered"))
        if isinstance(expected, tuple):
            self.assertIn(result["verdict"], expected)
            self.assertEqual(result["verdict"] == "not_covered",
                             any("not covered" in note for note in result.get("notes", [])))
        else:
            self.assertEqual(result["verdict"], expected)


class CommandLineTest(TradelintTestCase):
    def test_version(self):
        process = run("--version")
        self.assertExit(process, 0)
        self.assertEqual(process.stdout.strip(), "tradelint 0.1.0")

    def test_help(self):
        process = run("--help")
        self.assertExit(process, 0)
        for command in ("check", "lint", "test", "rules"):
            self.assertIn(command, process.stdout)

    def test_command_help(self):
        for command, option in (("check", "--fail-on"), ("lint", "--rules"),
                                ("test", "--require-coverage"), ("rules", "--market")):
            process = run(command, "--help")
            self.assertExit(process, 0)
            self.assertIn(option, process.stdout)
        self.assertIn("the report is the same for every N, in input order",
                      run("check", "--help").stdout)

    def test_unknown_option(self):
        process = run("check", "--rules", GOOD_RULES, "--bogus", data("pass.jsonl"))
        self.assertExit(process, 2)
        self.assertIn("--bogus", process.stderr)
        self.assertEqual(process.stdout, "")

    def test_unknown_command(self):
        process = run("chek", data("pass.jsonl"))
        self.assertExit(process, 2)
        self.assertIn("unknown command `chek`", process.stderr)
        self.assertIn("did you mean `check`", process.stderr)

    def test_one_command_per_run(self):
        # After `check`, a command name is an input file, not a second command.
        process = run("check", "--rules", GOOD_RULES, "lint", data("pass.jsonl"))
        self.assertExit(process, 3)
        self.assertIn("cannot open `lint`", process.stderr)
        self.assertExit(run("lint", "--rules", GOOD_RULES, "check"), 2)

    def test_no_command(self):
        self.assertExit(run(), 2)

    def test_bad_option_values(self):
        for args in (["--format", "yaml"], ["--fail-on", "sometimes"], ["--as-of", "2025-02-30"],
                     ["--as-of", "yesterday"], ["--jobs", "0"], ["--jobs", "two"],
                     ["--lang", "de_DE"]):
            with self.subTest(args=args):
                process = run("check", "--rules", GOOD_RULES, *args, data("pass.jsonl"))
                self.assertExit(process, 2)
                self.assertEqual(process.stdout, "")

    def test_bad_market_suggests(self):
        process = run("check", "--rules", GOOD_RULES, "--market", "UK", data("pass.jsonl"))
        self.assertExit(process, 2)
        self.assertIn("`UK` is not a market", process.stderr)
        self.assertIn("did you mean `GB`", process.stderr)
        process = run("check", "--rules", GOOD_RULES, "--market", "uk", data("pass.jsonl"))
        self.assertExit(process, 2)
        self.assertIn("did you mean `GB`", process.stderr)

    def test_jobs_accepted(self):
        process, report = check("--jobs", "4", data("listings.jsonl"))
        self.assertExit(process, 1)
        self.assertEqual([r["record"]["id"] for r in report["results"]],
                         ["L-PASS", "L-FAIL", "L-WARN", "L-INFO"])


class InputFormatTest(TradelintTestCase):
    def test_json_single_record(self):
        process, report = check(data("listing_ok.json"))
        self.assertExit(process, 0)
        self.assertValidReport(report)
        self.assertEqual(report["summary"]["records"], 1)
        [result] = report["results"]
        self.assertEqual({k: v for k, v in result["record"].items() if k != "hash"},
                         {"kind": "listing", "id": "LST-OK",
                          "source": data("listing_ok.json") + ":1"})
        self.assertEqual((result["market"], result["verdict"]), ("DE", "pass"))

    def test_json_array(self):
        process, report = check(data("listings_array.json"))
        self.assertExit(process, 1)
        self.assertValidReport(report)
        self.assertEqual(report["summary"]["records"], 2)
        self.assertEqual([(r["record"]["id"], r["market"], r["verdict"]) for r in report["results"]],
                         [("ARR-1", "DE", "pass"), ("ARR-1", "AT", "pass"), ("ARR-2", "FR", "fail")])
        self.assertEqual(report["results"][2]["record"]["source"], data("listings_array.json") + ":5")

    def test_jsonl(self):
        process, report = check(data("listings.jsonl"))
        self.assertExit(process, 1)
        self.assertValidReport(report)
        self.assertEqual(report["summary"]["records"], 4)
        by_id = results_by_id(report)
        self.assertEqual(by_id["L-PASS"][0]["verdict"], "pass")
        self.assertEqual(by_id["L-FAIL"][0]["verdict"], "fail")
        self.assertEqual(by_id["L-WARN"][0]["verdict"], "warn")
        self.assertEqual(by_id["L-INFO"][0]["verdict"], "pass")
        self.assertEqual(rule_ids(by_id["L-INFO"][0]), ["e2e.eu.reviews_statement"])
        # The blank line 3 is skipped but counted: L-WARN starts on line 4.
        self.assertEqual(by_id["L-WARN"][0]["record"]["source"], data("listings.jsonl") + ":4")

    def test_csv(self):
        process, report = check(data("listings.csv"))
        self.assertExit(process, 3)
        self.assertValidReport(report)
        self.assertEqual(report["summary"]["records"], 3)
        by_id = results_by_id(report)
        self.assertEqual([(r["market"], r["verdict"]) for r in by_id["CSV-1"]],
                         [("DE", "pass"), ("AT", "pass")])
        self.assertEqual(by_id["CSV-1"][0]["record"]["source"], data("listings.csv") + ":2")
        self.assertEqual(by_id["CSV-2"][0]["verdict"], "fail")
        [invalid] = by_id["CSV-3"]
        self.assertEqual(invalid["error"]["code"], "schema_violation")
        self.assertEqual(invalid["error"]["paths"], ["offer.price.amount"])

    def test_stdin(self):
        with open(data("listings.jsonl"), encoding="utf-8") as records:
            text = records.read()
        for args in ([], ["-"]):
            with self.subTest(args=args):
                process, report = check(*args, stdin=text)
                self.assertExit(process, 1)
                self.assertValidReport(report)
                self.assertEqual(report["summary"]["records"], 4)
                self.assertEqual(report["results"][1]["record"]["source"], "-:2")

    def test_stdin_pretty_printed_record_is_one_record(self):
        with open(data("listing_ok.json"), encoding="utf-8") as record:
            pretty = json.dumps(json.load(record), indent=2) + "\n"
        process, report = check(stdin=pretty)
        self.assertExit(process, 0)
        self.assertValidReport(report)
        self.assertEqual(report["summary"]["records"], 1)
        self.assertEqual(report["results"][0]["record"]["source"], "-:1")
        self.assertEqual(report["results"][0]["verdict"], "pass")
        # A pretty-printed array is a record per element.
        process, report = check(stdin="[\n" + pretty + ",\n" + pretty + "]\n")
        self.assertEqual(report["summary"]["records"], 2)

    def test_input_format_overrides_the_name(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "records.txt")
            with open(data("listings.csv"), encoding="utf-8") as csv, \
                    open(path, "w", encoding="utf-8") as out:
                out.write(csv.read())
            process, report = check("--input-format", "csv", path)
            self.assertEqual(report["summary"]["records"], 3)
            self.assertEqual(results_by_id(report)["CSV-2"][0]["verdict"], "fail")
        process = run("check", "--input-format", "xml", data("pass.jsonl"))
        self.assertExit(process, 2)

    def test_several_inputs_in_order(self):
        process, report = check(data("pass.jsonl"), data("listing_ok.json"), data("sellers.jsonl"))
        self.assertExit(process, 3)
        self.assertEqual(report["summary"]["records"], 6)
        self.assertEqual([r["record"]["id"] for r in report["results"]],
                         ["P-1", "P-1", "P-2", "LST-OK", "S-DE", "S-DE", "S-NO-MAIL", "S-NOWHERE"])


class OutputFormatTest(TradelintTestCase):
    def test_text_of_a_first_draft_groups_markets_and_lists_what_to_fill(self):
        # The bundled rules on a seller's first draft for four markets (docs/cli.md, "Output").
        process = run("check", "--as-of", "2026-12-05", data("seller_first_draft.json"))
        out = process.stdout
        self.assertIn("\n  DE, FR  error  Manufacturer identity and contact on the offer", out)
        self.assertEqual(out.count("Manufacturer identity and contact on the offer"), 1)
        self.assertIn("\n    fill in  one of product.manufacturer.email, product.manufacturer.url\n",
                      out)
        verbose = run("check", "--as-of", "2026-12-05", "--verbose",
                      data("seller_first_draft.json")).stdout
        self.assertLess(len(out.splitlines()), len(verbose.splitlines()))

    def test_text_verbose(self):
        process, _ = check("--verbose", data("listings.jsonl"), fmt="text")
        out = process.stdout
        self.assertIn("DE  error[e2e.eu.manufacturer_contact] Manufacturer identity", out)
        self.assertIn("law: Fixture Regulation (EU) 0000/1, Art. 1 [E2E-EU-MFR]", out)
        self.assertIn("fix: fill product.manufacturer.name and .email", out)
        self.assertIn("fields: ", out)
        self.assertIn("missing: ", out)

    def test_text_in_the_language_asked(self):
        process, _ = check("--lang", "de", data("listings.jsonl"), fmt="text")
        out = process.stdout
        self.assertRegex(out, r"\n  DE: nicht bestanden, Regeln: \d+ in Kraft, ")
        self.assertIn("zu erledigen:", out)
        self.assertIn("Datensätze", out.strip().splitlines()[-1])

    def test_text(self):
        process, _ = check(data("listings.jsonl"), data("bad.jsonl"), fmt="text")
        self.assertExit(process, 3)
        out = process.stdout
        self.assertNotIn(ANSI_ESCAPE, out)  # a pipe never gets colours
        self.assertIn(f"L-FAIL (listing, {data('listings.jsonl')}:2, as of ", out)
        self.assertRegex(out, r"\n  DE: fail, rules: \d+ in force, ")
        # A finding in at most four lines: markets, severity, title and law; message; fix.
        self.assertRegex(out, r"\n  DE  error  Manufacturer identity[^\n]* \(Fixture Regulation "
                              r"\(EU\) 0000/1, Art. 1\)\n    [^\n]+\n    fix: fill "
                              r"product.manufacturer.name and .email\n")
        self.assertIn("\n  to do:\n    fill in  product.manufacturer: ", out)
        self.assertNotIn("missing: ", out)  # details are for --verbose
        self.assertIn("invalid: malformed_json: line 2", out)
        # The bad line is quoted with a caret under the error.
        self.assertRegex(out, r"\n    \| .*\n    \| *\^\n")
        self.assertIn("invalid: no_market:", out)
        self.assertEqual(SUMMARY_LINE.findall(out)[-1], out.strip().splitlines()[-1])
        self.assertTrue(out.strip().endswith("14 records, 14 results: 2 fail, 1 warn, 3 pass, 0 not covered, 8 invalid"),
                        out[-200:])

    def test_text_no_colour_even_with_colour_friendly_env(self):
        process = run("check", "--rules", GOOD_RULES, data("listings.jsonl"),
                      env={"TERM": "xterm-256color", "CLICOLOR_FORCE": "1"})
        self.assertNotIn(ANSI_ESCAPE, process.stdout)

    def run_on_terminal(self, env):
        """Runs a text check with standard output on a pseudo-terminal; returns the output."""
        leader, follower = pty.openpty()
        full_env = dict(os.environ)
        full_env.pop("NO_COLOR", None)
        full_env.update(env)
        try:
            process = subprocess.Popen(
                [TRADELINT, "check", "--rules", GOOD_RULES, data("fail_only.jsonl")],
                stdout=follower, stderr=subprocess.DEVNULL, env=full_env)
            os.close(follower)
            output = b""
            while True:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # EIO: the terminal's other side closed
                    break
                if not chunk:
                    break
                output += chunk
            self.assertEqual(process.wait(TIMEOUT), 1)
        finally:
            os.close(leader)
        return output.decode("utf-8")

    def test_colour_only_on_a_terminal_without_no_color(self):
        self.assertIn(ANSI_ESCAPE, self.run_on_terminal({}))
        self.assertNotIn(ANSI_ESCAPE, self.run_on_terminal({"NO_COLOR": "1"}))

    def test_text_escapes_control_characters_from_records(self):
        records = ('{"kind": "listing", "id": "EVIL\\u001b[2J", "title": "x", "target_markets": ["DE"]}\n'
                   '{"kind": "list\\u009b1m", "id": "EVIL-2"}\n')
        process = run("check", "--rules", GOOD_RULES, stdin=records)
        self.assertExit(process, 3)
        self.assertNotIn("\x1b", process.stdout)
        self.assertNotIn("\x9b", process.stdout)
        self.assertIn("EVIL\\x1b[2J (listing, -:1, as of ", process.stdout)
        self.assertIn("list\\u009b1m", process.stdout)

    def test_text_and_stderr_escape_bidi_controls_and_file_names(self):
        """Bidirectional overrides and isolates ("Trojan Source") are shown as escapes, in
        the report and on standard error; so are control characters in file names."""
        records = ('{"kind": "listing", "id": "ABC\\u202eFED\\u2066x\\u2069\\u200f", '
                   '"target_markets": ["DE"]}\n')
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "in\x1b[31m\u202e.jsonl")
            with open(path, "w", encoding="utf-8") as file:
                file.write(records)
            missing = os.path.join(directory, "gone\x1b]0;owned\x07\u2067.jsonl")
            process = run("check", "--rules", GOOD_RULES, path, missing)
        self.assertExit(process, 3)
        for raw in ("\x1b", "\x07", "\u202e", "\u2066", "\u2067", "\u2069", "\u200f"):
            self.assertNotIn(raw, process.stdout + process.stderr, repr(raw))
        self.assertIn("ABC\\u202eFED\\u2066x\\u2069\\u200f (listing, ", process.stdout)
        self.assertIn("in\\x1b[31m\\u202e.jsonl:1, as of ", process.stdout)
        self.assertIn("gone\\x1b]0;owned\\x07\\u2067.jsonl", process.stderr)

    def test_json_escapes_control_characters(self):
        records = '{"kind": "listing", "id": "EVIL\\u001b[2J\\u0007", "target_markets": ["DE"]}\n'
        for fmt in ("json", "jsonl", "compact"):
            with self.subTest(fmt=fmt):
                process = run("check", "--rules", GOOD_RULES, "--format", fmt, stdin=records)
                self.assertNotIn("\x1b", process.stdout)
                self.assertNotIn("\x07", process.stdout)
                self.assertIn("EVIL\\u001b[2J\\u0007", process.stdout)

    def test_quiet_leaves_out_clean_passes(self):
        process = run("check", "--rules", GOOD_RULES, "--quiet", data("listings.jsonl"))
        self.assertExit(process, 1)
        self.assertNotIn("L-PASS", process.stdout)
        self.assertIn("L-FAIL", process.stdout)
        self.assertIn("L-INFO", process.stdout)  # passes, but has an info finding
        self.assertIn("4 records, 4 results", process.stdout)

    def test_json(self):
        process, report = check(data("listings.jsonl"), data("bad.jsonl"))
        self.assertValidReport(report)
        self.assertEqual(list(report),
                         ["tool", "rulesets", "reference_data", "results", "groups", "summary"])
        self.assertEqual({r["id"] for r in report["rulesets"]}, {"e2e.eu", "e2e.de", "e2e.global"})
        self.assertTrue(process.stdout.startswith("{\n  \"tool\""))  # pretty-printed

    def test_jsonl(self):
        process, _ = check(data("listings.jsonl"), data("bad.jsonl"), fmt="jsonl")
        self.assertExit(process, 3)
        lines = process.stdout.splitlines()
        self.assertEqual(len(lines), 14)  # one per result, nothing else
        for line in lines:
            result = json.loads(line)
            self.assertValidResult(result)
            self.assertNotIn("summary", result)
        self.assertEqual(json.loads(lines[0])["record"]["id"], "L-PASS")
        _, report = check(data("listings.jsonl"), data("bad.jsonl"))
        self.assertEqual([json.loads(line) for line in lines], report["results"])

    def test_jsonl_streams_from_stdin(self):
        """A record piped in gets its result before standard input ends."""
        process = subprocess.Popen(
            [TRADELINT, "check", "--rules", GOOD_RULES, "--format", "jsonl"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            with open(data("pass.jsonl"), "rb") as records:
                process.stdin.write(records.readline())
            process.stdin.flush()
            ready, _, _ = select.select([process.stdout], [], [], TIMEOUT)
            self.assertTrue(ready, "no result before the end of standard input")
            first = json.loads(process.stdout.readline())
            self.assertEqual(first["record"]["id"], "P-1")
            process.stdin.close()
            self.assertEqual(process.wait(TIMEOUT), 0)
        finally:
            process.kill()
            process.wait()
            process.stdout.close()
            process.stderr.close()

    def test_output_file(self):
        with tempfile.TemporaryDirectory() as directory:
            for fmt in ("text", "json", "jsonl"):
                path = os.path.join(directory, "report." + fmt)
                process = run("check", "--rules", GOOD_RULES, "--format", fmt, "--output", path,
                              data("listings.jsonl"))
                self.assertExit(process, 1)
                self.assertEqual(process.stdout, "")
                with open(path, encoding="utf-8") as report:
                    text = report.read()
                self.assertNotIn(ANSI_ESCAPE, text)
                if fmt == "json":
                    self.assertValidReport(json.loads(text))
                elif fmt == "jsonl":
                    self.assertEqual(len(text.splitlines()), 4)
                else:
                    self.assertRegex(text, SUMMARY_LINE)

    def test_output_file_not_writable(self):
        target = os.path.join(DATA, "no-such-folder", "report.json")
        process = run("check", "--rules", GOOD_RULES, "--output", target, data("pass.jsonl"))
        self.assertExit(process, 2)
        self.assertIn("cannot write `%s`" % target, process.stderr)
        # diff and merge open --output the same way.
        process = run("diff", "--old-rules", GOOD_RULES, "--new-rules", GOOD_RULES, "--output",
                      target, data("pass.jsonl"))
        self.assertExit(process, 2)
        self.assertIn("cannot write `%s`" % target, process.stderr)


class WriteErrorTest(TradelintTestCase):
    """Output that cannot be written (a full disk, a closed pipe) stops the run: exit 4."""

    def assertWriteError(self, *args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE):
        """Runs tradelint; asserts exit 4; returns its standard error (when piped)."""
        process = subprocess.run([TRADELINT, *args], stdout=stdout, stderr=stderr, text=True,
                                 timeout=TIMEOUT)
        self.assertEqual(process.returncode, 4, process.stderr)
        return process.stderr

    def test_full_disk(self):
        self.assertIn("cannot write the report to `/dev/full`: No space left on device (after 4 records)",
                      self.assertWriteError("check", "--rules", GOOD_RULES, "--output", "/dev/full",
                                            data("listings.jsonl")))
        with open("/dev/full", "w") as full:
            for args in (["check", "--rules", GOOD_RULES, "--format", "json", data("listings.jsonl")],
                         ["rules", "--rules", GOOD_RULES], ["test", "--rules", GOOD_RULES]):
                with self.subTest(command=args[0]):
                    self.assertIn("No space left on device", self.assertWriteError(*args, stdout=full))
            # lint writes its report, the diagnostics, to standard error.
            self.assertWriteError("lint", "--rules", os.path.join(RULES, "warned"), stderr=full)

    def test_closed_pipe_stops_a_file_run_early(self):
        record_count = 100000
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "many.jsonl")
            with open(path, "w", encoding="utf-8") as file:
                for i in range(record_count):
                    file.write(json.dumps({"kind": "listing", "id": f"M-{i}",
                                           "target_markets": ["DE"], "title": "Blocks"}) + "\n")
            for jobs in ("1", "2"):
                with self.subTest(jobs=jobs):
                    process = subprocess.Popen(
                        [TRADELINT, "check", "--rules", GOOD_RULES, "--format", "jsonl",
                         "--jobs", jobs, path],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                    process.stdout.read(10)
                    process.stdout.close()  # as `| head -c 10` does
                    stderr = process.stderr.read()
                    process.stderr.close()
                    self.assertEqual(process.wait(TIMEOUT), 4, stderr)
                    found = re.search(r"cannot write the report: Broken pipe \(after (\d+) records\)",
                                      stderr)
                    self.assertTrue(found, stderr)
                    self.assertLess(int(found.group(1)), record_count / 2)

    def test_closed_pipe_stops_a_stream_at_once(self):
        """Standard input left open: the run ends on the write error, not at end of input."""
        process = subprocess.Popen([TRADELINT, "check", "--rules", GOOD_RULES, "--format", "jsonl"],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
        try:
            with open(data("pass.jsonl"), "rb") as records:
                line = records.readline()
            process.stdin.write(line)
            process.stdin.flush()
            process.stdout.readline()
            process.stdout.close()
            try:
                process.stdin.write(line)
                process.stdin.flush()
            except BrokenPipeError:
                pass
            self.assertEqual(process.wait(TIMEOUT), 4)
            self.assertIn(b"Broken pipe", process.stderr.read())
        finally:
            process.kill()
            process.wait()
            process.stderr.close()
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass


class ParallelTest(TradelintTestCase):
    """--jobs N judges records on N threads; the report is the same as with --jobs 1."""

    @staticmethod
    def records(count):
        lines = []
        for i in range(count):
            if i % 97 == 13:
                lines.append("{broken json")
            elif i % 89 == 7:
                lines.append(json.dumps({"kind": "listing", "title": "no id"}))
            else:
                record = {"kind": "listing", "id": f"P-{i}", "target_markets": [["DE"], ["DE", "FR"], ["MX"], ["US"]][i % 4]}
                if i % 3:
                    record["title"] = "Replica watch" if i % 5 == 0 else f"Wooden blocks {i}"
                if i % 7:
                    record["product"] = {"manufacturer": {"name": f"Maker {i}"}}
                lines.append(json.dumps(record))
        return "\n".join(lines) + "\n"

    def test_output_is_identical_for_every_job_count(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "records.jsonl")
            with open(path, "w", encoding="utf-8") as file:
                file.write(self.records(3000))
            for fmt in ("jsonl", "compact", "json", "text"):
                outputs = []
                for jobs in ("1", "2", "5"):
                    process = run("check", "--rules", GOOD_RULES, "--format", fmt, "--as-of", "2025-06-01",
                                  "--jobs", jobs, path)
                    self.assertExit(process, 3)
                    outputs.append(process.stdout)
                self.assertEqual(outputs[0], outputs[1], fmt)
                self.assertEqual(outputs[0], outputs[2], fmt)
            report = json.loads(run("check", "--rules", GOOD_RULES, "--format", "json", "--jobs", "3",
                                    "--as-of", "2025-06-01", path).stdout)
            self.assertEqual(report["summary"]["records"], 3000)
            indexes = [result["record"].get("source") for result in report["results"]]
            self.assertEqual(indexes[0], path + ":1")

    def test_compact_lines(self):
        process = run("check", "--rules", GOOD_RULES, "--format", "compact", "--as-of", "2025-06-01", "-",
                      stdin='{"kind": "listing", "id": "C-1", "target_markets": ["DE", "MX"], "title": "Replica watch"}\n'
                            '{oops\n')
        self.assertExit(process, 3)
        lines = process.stdout.splitlines()
        self.assertEqual(len(lines), 3)
        first = json.loads(lines[0])
        self.assertEqual((first["id"], first["market"]), ("C-1", "DE"))
        self.assertEqual(first["rules"], sorted(set(first["rules"])))
        self.assertIn("E2E-REPLICA-WORDS", first["rules"])  # the rule's ref
        self.assertEqual(json.loads(lines[1])["market"], "MX")
        self.assertEqual(json.loads(lines[2]), {"id": None, "market": None, "rules": [],
                                                "invalid": "malformed_json", "source": "-:2"})
        self.assertNotIn(" ", lines[0])

    def progress_on_terminal(self, *extra):
        """Feeds records through a pipe for about 2.5 s of judging with standard error on a
        pseudo-terminal; returns what appeared on it."""
        leader, follower = pty.openpty()
        try:
            process = subprocess.Popen(
                [TRADELINT, "check", "--rules", GOOD_RULES, "--format", "compact", "--as-of",
                 "2025-06-01", *extra, "-"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=follower)
            os.close(follower)
            line = json.dumps({"kind": "listing", "id": "G-1", "target_markets": ["DE"], "title": "Replica"}) + "\n"
            process.stdin.write(line.encode())
            process.stdin.flush()
            # The first result means the rulesets are compiled and judging has begun (a slow,
            # sanitized build may take seconds to get there); then sleep past the progress
            # line's two-second delay.
            process.stdout.readline()
            select.select([], [], [], 2.5)
            process.stdin.write((line * 200).encode())
            process.stdin.close()
            process.stdout.read()
            output = b""
            while True:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                output += chunk
            process.wait(TIMEOUT)
        finally:
            os.close(leader)
        return output.decode("utf-8")

    def test_progress_line_on_a_terminal_only_and_not_with_quiet(self):
        shown = self.progress_on_terminal()
        self.assertRegex(shown, r"tradelint: \d+ records, \d+/s, \d+\.\d s, \d+ findings")
        self.assertTrue(shown.endswith("\r\x1b[K"), "the line is erased at the end")
        self.assertNotIn("records,", self.progress_on_terminal("--quiet"))
        # Piped standard error (every other test) never gets it.
        process = run("check", "--rules", GOOD_RULES, data("listings.jsonl"))
        self.assertNotIn("records,", process.stderr)

    def test_jobs_must_be_a_positive_number(self):
        self.assertExit(run("check", "--jobs", "0", data("listing_ok.json")), 2)

    def test_jobs_has_a_documented_maximum(self):
        """A huge --jobs is a usage error, not an abort for want of threads."""
        self.assertIn("1 to 256", run("check", "--help").stdout)
        for jobs in ("257", "1000000000", "99999999999999999999"):
            with self.subTest(jobs=jobs):
                process = run("check", "--rules", GOOD_RULES, "--jobs", jobs, data("pass.jsonl"))
                self.assertExit(process, 2)
                self.assertIn("is not a whole number from 1 to 256", process.stderr)
                self.assertEqual(process.stdout, "")
        process, report = check("--jobs", "256", data("listings.jsonl"))
        self.assertExit(process, 1)
        self.assertEqual(report["summary"]["records"], 4)

    @staticmethod
    def peak_rss_mib(*args):
        """Runs tradelint in a child of a fresh Python process; returns its exit status and
        its peak resident set size in MiB (this process's own children would mix runs)."""
        probe = ("import resource, subprocess, sys\n"
                 "status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
                 "print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)\n")
        output = subprocess.run([sys.executable, "-c", probe, TRADELINT, *args],
                                capture_output=True, text=True, timeout=TIMEOUT, check=True).stdout
        status, peak = output.split()
        return int(status), int(peak)

    def test_memory_in_flight_is_bounded_in_bytes(self):
        """Records near the 8 MiB limit: --jobs 2 holds a byte budget of record text in
        flight, not a number of records (32 records would all fit in one batch of 256)."""
        record_count = 32
        filler = "x" * ((8 << 20) - 4096)
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "big.jsonl")
            with open(path, "w", encoding="utf-8") as file:
                for i in range(record_count):
                    file.write(json.dumps({"kind": "listing", "id": f"BIG-{i}",
                                           "target_markets": ["DE"], "title": "Wooden blocks",
                                           "description": filler}) + "\n")
            peaks = {}
            for jobs in ("1", "2"):
                status, peaks[jobs] = self.peak_rss_mib(
                    "check", "--rules", GOOD_RULES, "--format", "compact", "--jobs", jobs, path)
                self.assertEqual(status, 1)  # no manufacturer: a finding per record
        # Before the budget --jobs 2 held every record at once: 5.5 times the peak of --jobs 1.
        self.assertLess(peaks["2"], 4 * peaks["1"], peaks)


class InvalidRecordTest(TradelintTestCase):
    def test_bad_lines_are_counted_and_reported(self):
        process, report = check(data("bad.jsonl"))
        self.assertExit(process, 3)
        self.assertValidReport(report)
        self.assertEqual(report["summary"]["records"], 10)
        source = data("bad.jsonl")
        by_line = {int(r["record"]["source"].rsplit(":", 1)[1]): r for r in report["results"]}
        codes = {line: r["error"]["code"] for line, r in by_line.items() if "error" in r}
        self.assertEqual(codes, {2: "malformed_json", 3: "not_an_object", 4: "unknown_kind",
                                 5: "missing_id", 6: "schema_violation", 7: "schema_violation",
                                 8: "no_market", 9: "too_deep"})
        self.assertEqual(by_line[1]["verdict"], "pass")
        self.assertEqual(by_line[10]["verdict"], "fail")
        self.assertTrue(all(r["record"]["source"].startswith(source + ":")
                            for r in report["results"]))
        # Unknown kind and id are null.
        self.assertEqual(by_line[2]["record"],
                         {"kind": None, "id": None, "source": source + ":2", "hash": None})
        self.assertEqual(by_line[5]["record"]["kind"], "listing")
        self.assertIsNone(by_line[5]["record"]["id"])
        self.assertEqual(by_line[6]["error"]["paths"], ["offer.price.amount"])
        self.assertEqual(by_line[7]["error"]["paths"], ["target_markets[0]"])
        self.assertIn("`GB`", by_line[7]["error"]["message"])
        self.assertEqual(by_line[8]["record"]["id"], "B-NOMARKET")
        self.assertEqual(by_line[8]["error"]["paths"], ["target_markets"])

    def test_no_market_paths_by_kind(self):
        _, report = check(data("transactions.jsonl"), data("sellers.jsonl"))
        by_id = results_by_id(report)
        self.assertEqual(by_id["ORD-NOWHERE"][0]["error"]["code"], "no_market")
        self.assertEqual(by_id["ORD-NOWHERE"][0]["error"]["paths"],
                         ["shipment.ship_to", "buyer.country", "shipment.ship_from"])
        self.assertEqual(by_id["S-NOWHERE"][0]["error"]["paths"], ["target_markets"])

    def test_market_option_gives_a_market_to_records_without_one(self):
        process, report = check("--market", "FR", data("sellers.jsonl"))
        self.assertExit(process, 1)
        self.assertEqual(report["summary"]["invalid"], 0)
        self.assertEqual([r["market"] for r in report["results"]], ["FR", "FR", "FR"])

    def test_50_megabyte_line(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "big.jsonl")
            with open(path, "w", encoding="utf-8") as records:
                records.write('{"kind": "listing", "id": "BIG", "target_markets": ["DE"], "title": "')
                chunk = "a" * (1 << 20)
                for _ in range(50):
                    records.write(chunk)
                records.write('"}\n')
                with open(data("pass.jsonl"), encoding="utf-8") as good:
                    records.write(good.read())
            process, report = check(path)
        self.assertExit(process, 3)
        self.assertEqual(report["summary"]["records"], 3)
        first = report["results"][0]
        self.assertEqual(first["error"]["code"], "too_large")
        self.assertEqual(first["record"]["source"], path + ":1")
        self.assertEqual([r["record"]["id"] for r in report["results"][1:]], ["P-1", "P-1", "P-2"])

    def test_deeply_nested_object(self):
        depth = 100000
        record = '{"kind": "listing", "id": "DEEP", "x": ' + '{"a": ' * depth + "1" + "}" * depth + "}"
        process, report = check(stdin=record + "\n" + record[:20] + "\n")
        self.assertExit(process, 3)
        self.assertEqual(report["summary"]["records"], 2)
        self.assertEqual([r["error"]["code"] for r in report["results"]],
                         ["too_deep", "malformed_json"])

    def test_unopenable_file_others_still_checked(self):
        missing = data("no-such-file.jsonl")
        process, report = check(missing, data("pass.jsonl"))
        self.assertExit(process, 3)
        self.assertIn("no-such-file.jsonl", process.stderr)
        self.assertEqual(report["summary"]["records"], 2)
        self.assertEqual(report["summary"]["invalid"], 0)
        self.assertEqual({r["verdict"] for r in report["results"]}, {"pass"})

    def test_folder_as_input(self):
        process, report = check(RULES, data("pass.jsonl"))
        self.assertExit(process, 3)
        self.assertIn("Is a directory", process.stderr)
        self.assertEqual(report["summary"]["records"], 2)


class ExitStatusTest(TradelintTestCase):
    def status(self, *args, rules=GOOD_RULES):
        return run("check", "--rules", rules, *args).returncode

    def test_statuses(self):
        self.assertEqual(self.status(data("pass.jsonl")), 0)
        self.assertEqual(self.status(data("fail_only.jsonl")), 1)
        self.assertEqual(self.status(data("bad.jsonl")), 3)

    def test_precedence(self):
        # 3 (an invalid record) wins over 1 (a failing record in the same run).
        self.assertEqual(self.status(data("fail_only.jsonl"), data("bad.jsonl")), 3)
        # 3 (an unopenable file) wins over 1.
        self.assertEqual(self.status(data("fail_only.jsonl"), data("missing.jsonl")), 3)
        # 2 (a ruleset error) wins over everything: nothing is checked.
        broken = os.path.join(RULES, "broken")
        process = run("check", "--rules", broken, data("bad.jsonl"), data("missing.jsonl"))
        self.assertExit(process, 2)
        self.assertEqual(process.stdout, "")
        # 2 (a usage error) as well.
        self.assertEqual(self.status("--market", "XX", data("bad.jsonl")), 2)

    def test_fail_on(self):
        cases = [
            ("fail_only.jsonl", "error", 1), ("fail_only.jsonl", "never", 0),
            ("warn_only.jsonl", "error", 0), ("warn_only.jsonl", "warning", 1),
            ("warn_only.jsonl", "info", 1), ("warn_only.jsonl", "never", 0),
            ("info_only.jsonl", "error", 0), ("info_only.jsonl", "warning", 0),
            ("info_only.jsonl", "info", 1), ("fail_only.jsonl", "info", 1),
            ("pass.jsonl", "info", 0), ("bad.jsonl", "never", 3),
        ]
        for name, fail_on, expected in cases:
            with self.subTest(file=name, fail_on=fail_on):
                self.assertEqual(self.status("--fail-on", fail_on, data(name)), expected)
        self.assertEqual(self.status(data("warn_only.jsonl")), 0)  # default: error

    def test_broken_ruleset_diagnostics(self):
        process = run("check", "--rules", os.path.join(RULES, "broken"), data("pass.jsonl"))
        self.assertExit(process, 2)
        self.assertRegex(process.stderr, r"broken\.trl:\d+:\d+: error\[")

    def test_missing_ruleset_path(self):
        process = run("check", "--rules", os.path.join(RULES, "no-such-folder"), data("pass.jsonl"))
        self.assertExit(process, 2)
        self.assertIn("no-such-folder", process.stderr)


class MarketAndDateTest(TradelintTestCase):
    def test_market_codes_are_read_upper_case(self):
        process, report = check("--market", "de,at", data("pass.jsonl"))
        self.assertEqual([r["market"] for r in report["results"]], ["DE", "AT", "DE", "AT"])
        process = run("rules", "--rules", GOOD_RULES, "--market", "de")
        self.assertExit(process, 0)

    def test_uncovered_market_gets_a_note(self):
        process, report = check("--market", "MX", data("pass.jsonl"), data("replica.jsonl"))
        self.assertExit(process, 1)
        self.assertValidReport(report)
        self.assertEqual({r["market"] for r in report["results"]}, {"MX"})
        for result in report["results"]:
            self.assertEqual(len(result["notes"]), 1)
            self.assertIn("`MX`", result["notes"][0])
        # Marketplace-wide rules still judge it: never silently passed.
        self.assertEqual(rule_ids(results_by_id(report)["R-1"][0]), ["e2e.global.replica_words"])
        mentions = [line for line in process.stderr.splitlines() if "`MX`" in line]
        self.assertEqual(len(mentions), 1, process.stderr)  # once per run
        process = run("check", "--rules", GOOD_RULES, "--market", "MX", data("pass.jsonl"))
        self.assertIn("note: ", process.stdout)

    def test_covered_market_has_no_note(self):
        _, report = check("--market", "DE", data("pass.jsonl"))
        self.assertTrue(all("notes" not in r for r in report["results"]))

    def test_market_lists_and_order(self):
        process, report = check("--market", "FR,DE", "--market", "AT", data("listing_ok.json"))
        self.assertExit(process, 0)
        self.assertEqual([r["market"] for r in report["results"]], ["FR", "DE", "AT"])
        _, report = check("--market", "DE,DE", "--market", "DE", data("listing_ok.json"))
        self.assertEqual([r["market"] for r in report["results"]], ["DE"])

    def test_transaction_default_markets_and_date(self):
        _, report = check(data("transactions.jsonl"))
        by_id = results_by_id(report)
        # Destination subdivision, buyer inside it (skipped), country of dispatch.
        self.assertEqual([r["market"] for r in by_id["ORD-IOSS"]], ["DE-BE", "CN"])
        # No fixture ruleset has a rule for CN: not covered, never pass.
        self.assertEqual([r["verdict"] for r in by_id["ORD-IOSS"]], ["pass", "not_covered"])
        self.assertEqual(by_id["ORD-IOSS"][0]["as_of"], "2026-03-10")
        # Destination, buyer's residence, dispatch; created_at's UTC date.
        self.assertEqual([r["market"] for r in by_id["ORD-NO-IOSS"]], ["DE", "FR", "CN"])
        self.assertEqual(by_id["ORD-NO-IOSS"][0]["as_of"], "2025-03-10")
        self.assertEqual(rule_ids(by_id["ORD-NO-IOSS"][0]), ["e2e.eu.ioss_number"])

    def test_as_of(self):
        _, report = check("--as-of", "2024-03-01", data("fail_only.jsonl"))
        [result] = report["results"]
        self.assertEqual(result["as_of"], "2024-03-01")
        self.assertIn("e2e.eu.old_labelling", rule_ids(result))
        _, report = check("--as-of", "2024-07-01", data("fail_only.jsonl"))
        self.assertNotIn("e2e.eu.old_labelling", rule_ids(report["results"][0]))
        # Before every ruleset: nothing applies.
        _, report = check("--as-of", "2023-12-31", data("fail_only.jsonl"))
        self.assertEqual(report["results"][0]["findings"], [])
        # --as-of wins over a transaction's created_at.
        _, report = check("--as-of", "2025-01-02", data("transactions.jsonl"))
        self.assertEqual({r["as_of"] for r in report["results"]}, {"2025-01-02"})

    def test_national_rules_and_overrides(self):
        _, report = check(data("sellers.jsonl"))
        by_id = results_by_id(report)
        self.assertEqual([(r["market"], r["verdict"]) for r in by_id["S-NO-MAIL"]], [("DE", "fail")])
        findings = by_id["S-NO-MAIL"][0]["findings"]
        # In DE the national rule replaces the EU one and says so.
        self.assertEqual([f["rule"] for f in findings], ["e2e.de.trade_register",
                                                         "e2e.de.seller_email"])
        self.assertEqual(findings[1]["overrides"], ["e2e.eu.seller_email"])
        self.assertNotIn("overrides", findings[0])
        # The group EU is judged as its members: DE with its national rules, every other
        # member with the EU rule; each finding names the members where it fired.
        _, report = check("--market", "EU", "--as-of", "2025-06-01", data("sellers.jsonl"))
        [result] = results_by_id(report)["S-NO-MAIL"]
        self.assertEqual(result["market"], "EU")
        members = {f["rule"]: f["members"] for f in result["findings"]}
        self.assertEqual(sorted(members), ["e2e.de.seller_email", "e2e.de.trade_register", "e2e.eu.seller_email"])
        self.assertEqual(members["e2e.de.seller_email"], ["DE"])
        self.assertEqual(len(members["e2e.eu.seller_email"]), 26)
        self.assertNotIn("DE", members["e2e.eu.seller_email"])
        self.assertEqual(result["coverage"]["in_force"], sum(
            r["coverage"]["in_force"]
            for r in check("--market", "EU", "--expand", "--as-of", "2025-06-01", data("sellers.jsonl"))[1]["results"]
            if r["record"]["id"] == "S-NO-MAIL"))
        text = run("check", "--rules", GOOD_RULES, "--verbose", data("sellers.jsonl")).stdout
        self.assertIn("overrides: e2e.eu.seller_email", text)


class GroupRuleTest(TradelintTestCase):
    """Group rules: findings about linked records, reported apart from the record results
    (docs/language.md, "Group rules"; docs/cli.md, `groups`)."""

    REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
    RULES = os.path.join(REPO, "rulesets", "cn", "cbec_three_documents.trl")
    INPUT = os.path.join(REPO, "examples", "groups", "cn-three-documents.jsonl")

    def check_groups(self, fmt, *inputs):
        process = run("check", "--rules", self.RULES, "--format", fmt, *(inputs or [self.INPUT]))
        self.assertExit(process, 1)
        return process.stdout

    def test_json_report_has_a_groups_array(self):
        report = json.loads(self.check_groups("json"))
        # Each record's results as if alone (transactions also for their country of dispatch).
        self.assertEqual(report["summary"]["records"], 10)
        self.assertEqual(len(report["results"]), 14)
        found = {(group["rule"], tuple(record["id"] for record in group["records"]))
                 for group in report["groups"]}
        self.assertEqual(found, {
            ("cn.cbec_three_documents.orderer_is_payer", ("CN-ORD-2", "CN-PAY-2")),
            ("cn.cbec_three_documents.amounts_agree", ("CN-ORD-2", "CN-PAY-2")),
            ("cn.cbec_three_documents.three_documents_transmitted", ("CN-ORD-3",)),
        })
        group = report["groups"][0]
        self.assertEqual(group["market"], "CN")
        self.assertEqual(group["finding"]["severity"], "error")
        self.assertIn("source", group["records"][0])

    def test_jsonl_writes_a_group_when_its_window_closes(self):
        lines = [json.loads(line) for line in self.check_groups("jsonl").splitlines()]
        order = [line["group"]["records"][0]["id"] if "group" in line else line["record"]["id"]
                 for line in lines]
        # The March groups close when the first record of May is read, after its result.
        first_group = next(i for i, line in enumerate(lines) if "group" in line)
        self.assertEqual(order[first_group - 1], "CN-ORD-9")
        self.assertEqual(sum("group" in line for line in lines), 3)

    def test_text_has_a_group_block(self):
        text = self.check_groups("text")
        self.assertRegex(text, r'(?m)^group "CN-ORD-3" \(2026-03-03\)$')
        self.assertIn("records: transaction CN-ORD-3", text)

    def test_merge_keeps_each_shards_groups(self):
        with tempfile.TemporaryDirectory() as work:
            with open(self.INPUT, encoding="utf-8") as records:
                lines = records.readlines()
            shards = []
            for n, part in enumerate((lines[:4], lines[4:])):
                path = os.path.join(work, "shard%d.jsonl" % n)
                with open(path, "w", encoding="utf-8") as shard:
                    shard.writelines(part)
                report = os.path.join(work, "shard%d.json" % n)
                process = run("check", "--rules", self.RULES, "--format", "json", "--output",
                              report, path)
                self.assertExit(process, 1)
                shards.append(report)
            process = run("merge", *shards)
            self.assertExit(process, 0)
            merged = json.loads(process.stdout)
            # Shard 0 holds the orders and payments, shard 1 the waybills: the second shard's
            # waybills cannot join their orders' groups.
            self.assertEqual(merged["summary"]["records"], 10)
            rules = sorted(group["rule"].split(".")[-1] for group in merged["groups"])
            self.assertEqual(rules, ["amounts_agree", "orderer_is_payer",
                                     "three_documents_transmitted", "three_documents_transmitted",
                                     "three_documents_transmitted"])


class LanguageTest(TradelintTestCase):
    def test_german_message(self):
        _, english = check(data("fail_only.jsonl"))
        _, german = check("--lang", "de", data("fail_only.jsonl"))
        message = {f["rule"]: f["message"] for f in german["results"][0]["findings"]}
        self.assertEqual(message["e2e.eu.manufacturer_contact"], "Hersteller mit E-Mail-Adresse angeben")
        self.assertEqual(english["results"][0]["findings"][0]["message"],
                         "name the manufacturer with an e-mail address")

    def test_fallback_to_english_and_region_tags(self):
        _, french = check("--lang", "fr", data("fail_only.jsonl"))
        self.assertEqual(french["results"][0]["findings"][0]["message"],
                         "name the manufacturer with an e-mail address")
        _, austrian = check("--lang", "de-AT", data("fail_only.jsonl"))
        self.assertEqual(austrian["results"][0]["findings"][0]["message"],
                         "Hersteller mit E-Mail-Adresse angeben")

    def test_title_fix_and_lang_follow_the_language(self):
        """Each finding's title and fix are in --lang where the rule has them; `lang` names the
        message's language, `en` where it fell back."""
        _, german = check("--lang", "de-AT", data("fail_only.jsonl"), data("sellers.jsonl"))
        findings = [f for r in german["results"] for f in r["findings"]]
        self.assertTrue(findings)
        for finding in findings:
            self.assertIn(finding["lang"], ("de", "en"), finding)
        first = {f["rule"]: f for f in german["results"][0]["findings"]}["e2e.eu.manufacturer_contact"]
        self.assertEqual((first["title"], first["fix"], first["lang"]),
                         ("Identität und Kontaktdaten des Herstellers im Angebot",
                          "product.manufacturer.name und .email ausfüllen", "de"))
        _, french = check("--lang", "fr", data("fail_only.jsonl"))
        first = french["results"][0]["findings"][0]
        self.assertEqual((first["title"], first["lang"]),
                         ("Manufacturer identity and contact on the offer", "en"))

    def test_unknown_language_warns_and_runs_in_english(self):
        process, report = check("--lang", "xx", "--as-of", "2025-06-01", data("fail_only.jsonl"))
        self.assertExit(process, 1)
        self.assertRegex(process.stderr, r"warning: the language `xx` is not an official language")
        self.assertEqual([w for w in report["summary"]["warnings"] if "language" in w],
                         [w for w in report["summary"]["warnings"] if "`xx`" in w])
        self.assertEqual(len([w for w in report["summary"]["warnings"] if "`xx`" in w]), 1)
        finding = report["results"][0]["findings"][0]
        self.assertEqual((finding["lang"], finding["message"]),
                         ("en", "name the manufacturer with an e-mail address"))
        process, report = check("--lang", "de", "--as-of", "2025-06-01", data("fail_only.jsonl"))
        self.assertNotIn("language", process.stderr)
        self.assertFalse([w for w in report["summary"]["warnings"] if "language" in w])


class LintCommandTest(TradelintTestCase):
    def test_clean(self):
        process = run("lint", "--rules", GOOD_RULES)
        self.assertExit(process, 0)
        self.assertEqual(process.stderr.splitlines()[-1], "0 errors, 0 warnings in 3 rulesets")

    def test_warnings_allowed(self):
        process = run("lint", "--rules", os.path.join(RULES, "warned"))
        self.assertExit(process, 0)
        self.assertRegex(process.stderr, r"e2e_warned\.trl:\d+:\d+: warning\[")
        self.assertEqual(process.stderr.splitlines()[-1], "0 errors, 1 warning in 1 ruleset")

    def test_errors(self):
        process = run("lint", "--rules", os.path.join(RULES, "broken"), "--rules", GOOD_RULES)
        self.assertExit(process, 2)
        self.assertRegex(process.stderr, r"broken\.trl:\d+:\d+: error\[syntax_error\]")
        self.assertRegex(process.stderr.splitlines()[-1], r"^1 error, 0 warnings in 4 rulesets$")


    def test_diagnostics_escape_file_names_and_source(self):
        with tempfile.TemporaryDirectory() as directory:
            with open(os.path.join(directory, "bad\x1b[2J\u202e.trl"), "w", encoding="utf-8") as file:
                file.write('ruleset e2e.bad {\n\ttitle "\x1b[31mred" oops\n}\n')
            for command in ("lint", "check"):
                with self.subTest(command=command):
                    process = run(command, "--rules", directory, stdin="")
                    self.assertExit(process, 2)
                    self.assertNotIn("\x1b", process.stderr)
                    self.assertNotIn("\u202e", process.stderr)
                    self.assertIn("bad\\x1b[2J\\u202e.trl:2:", process.stderr)
                    # Tabs and line ends keep the excerpt's layout; the rest is escaped.
                    self.assertIn('\ttitle "\\x1b[31mred" oops\n', process.stderr)


class TestCommandTest(TradelintTestCase):
    SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed$", re.M)

    def test_all_pass_with_coverage_warnings(self):
        process = run("test", "--rules", GOOD_RULES)
        self.assertExit(process, 0)
        self.assertEqual(self.SUMMARY.findall(process.stdout), [("13", "0")])
        self.assertIn("e2e.eu.old_labelling` has no failing case", process.stdout)
        self.assertIn("e2e.eu.old_labelling` has no passing case", process.stdout)
        self.assertNotIn("e2e.eu.manufacturer_contact` has no failing case", process.stdout)
        self.assertNotIn("e2e.eu.manufacturer_contact` has no passing case", process.stdout)
        # Effective dates: a test is wanted on each side of every boundary.
        self.assertIn("e2e.eu.old_labelling` has no test at 2024-06-30 (its last day in force) "
                      "expecting a finding", process.stdout)
        self.assertIn("e2e.eu.old_labelling` has no test at 2024-07-01 (the day after it ends) "
                      "expecting no finding", process.stdout)
        self.assertIn("e2e.eu.manufacturer_contact` has no test at 2023-12-31 (the day before it "
                      "applies) expecting no finding", process.stdout)
        self.assertNotIn("e2e.global.replica_words` has no test", process.stdout)
        self.assertIn("coverage: 8 of 9 rules covered by a failing and a passing case; 1 with every "
                      "effective-date boundary tested", process.stdout)

    def test_require_coverage(self):
        self.assertExit(run("test", "--rules", GOOD_RULES, "--require-coverage"), 1)
        self.assertExit(run("test", "--rules", os.path.join(GOOD_RULES, "e2e_global.trl"),
                            "--require-coverage"), 0)

    def test_failing(self):
        process = run("test", "--rules", os.path.join(RULES, "failing"))
        self.assertExit(process, 1)
        self.assertEqual(self.SUMMARY.findall(process.stdout), [("1", "1")])
        self.assertIn("a listing without a title passes (wrong on purpose)", process.stdout)
        self.assertIn("expected no finding from e2e.failing.title_present", process.stdout)

    def test_ruleset_errors(self):
        process = run("test", "--rules", os.path.join(RULES, "broken"))
        self.assertExit(process, 2)
        self.assertRegex(process.stderr, r"broken\.trl:\d+:\d+: error\[")


class RulesCommandTest(TradelintTestCase):
    def rules(self, *args):
        process = run("rules", "--rules", GOOD_RULES, "--format", "json", *args)
        self.assertExit(process, 0)
        return json.loads(process.stdout)["rules"]

    def test_json_shape(self):
        rules = self.rules()
        self.assertEqual(len(rules), 9)
        first = rules[0]
        self.assertEqual(list(first)[:10], ["id", "ruleset", "jurisdiction", "applies_to", "domain",
                                            "severity", "citation", "effective_from",
                                            "effective_to", "title"])
        by_id = {rule["id"]: rule for rule in rules}
        old = by_id["e2e.eu.old_labelling"]
        self.assertEqual((old["effective_from"], old["effective_to"]), ("2024-01-01", "2024-06-30"))
        self.assertIsNone(by_id["e2e.eu.seller_email"]["effective_to"])
        self.assertEqual(by_id["e2e.eu.manufacturer_contact"]["ref"], "E2E-EU-MFR")
        self.assertEqual(by_id["e2e.eu.manufacturer_contact"]["applies_to"], "listing")

    def test_translation_coverage(self):
        """Per rule, its wholly translated `languages` and the parts in each; per language,
        counts out of the rules listed (docs/cli.md, "rules")."""
        process = run("rules", "--rules", GOOD_RULES, "--format", "json")
        catalogue = json.loads(process.stdout)
        by_id = {rule["id"]: rule for rule in catalogue["rules"]}
        contact = by_id["e2e.eu.manufacturer_contact"]
        self.assertEqual(contact["languages"], ["de"])
        self.assertEqual(contact["translations"], {"de": ["title", "message", "fix"]})
        register = by_id["e2e.de.trade_register"]
        self.assertEqual((register["languages"], register["translations"]), ([], {"de": ["message"]}))
        self.assertEqual(by_id["e2e.global.replica_words"]["translations"], {})
        self.assertEqual(catalogue["translation_coverage"],
                         {"de": {"rules": 9, "complete": 1, "title": 1, "message": 3, "fix": 1}})
        by_market = json.loads(run("rules", "--rules", GOOD_RULES, "--format", "json", "--market",
                                   "FR").stdout)["translation_coverage"]
        self.assertEqual(by_market["de"]["message"], 1)
        self.assertLess(by_market["de"]["rules"], 9)

    def test_filters(self):
        ids = lambda *args: {rule["id"] for rule in self.rules(*args)}
        everything = ids()
        self.assertNotIn("e2e.de.trade_register", ids("--market", "FR"))
        self.assertIn("e2e.de.trade_register", ids("--market", "DE"))
        self.assertIn("e2e.de.trade_register", ids("--market", "EU"))
        self.assertIn("e2e.eu.manufacturer_contact", ids("--market", "DE"))
        self.assertEqual(ids("--market", "US"), {"e2e.global.replica_words"})
        self.assertNotIn("e2e.eu.old_labelling", ids("--as-of", "2025-01-01"))
        self.assertIn("e2e.eu.old_labelling", ids("--as-of", "2024-03-01"))
        self.assertEqual(ids("--as-of", "2023-01-01"), set())
        self.assertEqual(ids("--as-of", "2024-03-01"), everything)

    def test_eea_extension_brings_the_gdpr_to_norway_from_its_date(self):
        """markets.json `extensions`: eu.gdpr reaches NO from 2018-07-20; no EU VAT rule does."""
        def bundled_ids(*args):
            process = run("rules", "--format", "json", "--market", "NO", *args)
            self.assertExit(process, 0)
            return {rule["id"] for rule in json.loads(process.stdout)["rules"]}
        today = bundled_ids("--as-of", "2026-11-22")
        self.assertIn("eu.gdpr.transfer_outside_eea", today)
        self.assertIn("no.voec.vat_at_sale", today)
        self.assertFalse({rule for rule in today if rule.startswith(("eu.vat_ioss.", "eu.gpsr."))})
        self.assertNotIn("eu.gdpr.transfer_outside_eea", bundled_ids("--as-of", "2018-07-19"))
        self.assertIn("eu.gdpr.transfer_outside_eea", bundled_ids("--as-of", "2018-07-20"))
        markdown = run("rules", "--format", "markdown")
        self.assertExit(markdown, 0)
        self.assertRegex(markdown.stdout, r"\| `eu\.gdpr` \| NO \| EEA \| 2018-07-20 \|.*NO-GDPR-TRANSFER")

    def test_bad_market(self):
        process = run("rules", "--rules", GOOD_RULES, "--market", "UK")
        self.assertExit(process, 2)
        self.assertIn("did you mean `GB`", process.stderr)

    def test_markdown(self):
        process = run("rules", "--rules", GOOD_RULES, "--format", "markdown")
        self.assertExit(process, 0)
        self.assertIn("## EU", process.stdout)
        self.assertIn("## DE", process.stdout)
        self.assertLess(process.stdout.index("## DE"), process.stdout.index("## EU"))
        self.assertIn("| `e2e.eu.old_labelling` |", process.stdout)

    def test_text(self):
        process = run("rules", "--rules", GOOD_RULES, "--market", "DE")
        self.assertExit(process, 0)
        self.assertIn("e2e.eu.manufacturer_contact [E2E-EU-MFR]", process.stdout)
        self.assertIn("in force: 2024-01-01 to 2024-06-30", process.stdout)
        self.assertEqual(process.stdout.splitlines()[-1], "9 rules")


class ReferenceDataTest(TradelintTestCase):
    """`refdata import-ecb`, `--reference-data DIR` and the warning on stale exchange rates."""

    FX_RULES = os.path.join(RULES, "fx")
    TRANSACTIONS = data(os.path.join("refdata", "usd_transactions.jsonl"))
    SAMPLE = data(os.path.join("refdata", "ecb-format-sample.csv"))  # ECB layout, made-up rates
    # The ECB's published history, where the project's shared data lies beside a parent folder.
    ECB_HISTORY = next((os.path.join(folder, "shared", "data", "fx", "eurofxref-hist.csv")
                        for folder in (os.path.dirname(os.path.dirname(os.path.dirname(HERE))),
                                       os.path.dirname(os.path.dirname(os.path.dirname(
                                           os.path.dirname(HERE)))))
                        if os.path.exists(os.path.join(folder, "shared", "data", "fx",
                                                       "eurofxref-hist.csv"))), "")
    BUNDLED_FX = os.path.join(HERE, "..", "..", "rulesets", "reference", "fx",
                              "ecb-euro-reference-rates.csv")

    def import_ecb(self, *args):
        return run("refdata", "import-ecb", *args)

    def test_import_writes_the_table_on_standard_output(self):
        process = self.import_ecb(self.SAMPLE, "--from", "2026-01-01")
        self.assertExit(process, 0)
        lines = process.stdout.splitlines()
        self.assertIn("# source: European Central Bank, euro foreign exchange reference rates, "
                      "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip", lines)
        self.assertIn("# date: 2026-11-20", lines)
        self.assertTrue(any(line.startswith("# imported: ") for line in lines), lines)
        rows = lines[lines.index("date,currency,rate") + 1:]
        self.assertEqual(rows, ["2026-11-19,GBP,0.8795", "2026-11-19,JPY,189.95",
                                "2026-11-19,USD,1.2400", "2026-11-20,GBP,0.88",
                                "2026-11-20,JPY,190.10", "2026-11-20,USD,1.2500"])

    def test_import_errors_name_file_line_and_field(self):
        with tempfile.TemporaryDirectory() as directory:
            bad = os.path.join(directory, "hist.csv")
            with open(bad, "w", encoding="utf-8") as file:
                file.write("Date,USD,GBP,\n2026-11-30,1.25,0.88,\n2026-11-27,1.24,?,\n")
            process = self.import_ecb(bad, "--output", directory)
            self.assertExit(process, 2)
            self.assertIn(f"{bad}:3: column 3 (GBP): `?` is neither a positive decimal rate nor N/A",
                          process.stderr)
            self.assertFalse(os.path.exists(os.path.join(directory, "fx")))
        self.assertExit(self.import_ecb(data("no-such-file.csv")), 2)
        self.assertExit(run("refdata"), 2)

    def test_imported_folder_replaces_the_bundled_rates(self):
        with tempfile.TemporaryDirectory() as directory:
            self.assertExit(self.import_ecb(self.SAMPLE, "--output", directory), 0)
            process, report = check("--reference-data", directory, self.TRANSACTIONS,
                                    rules=self.FX_RULES)
            self.assertExit(process, 1)
            fx = [t for t in report["reference_data"] if t["name"].startswith("fx/")]
            self.assertEqual(len(fx), 1)
            self.assertEqual(fx[0]["date"], "2026-11-20")
            finding = results_by_id(report)["STALE"][0]["findings"][0]
            self.assertEqual(finding["message"], "the consignment is worth EUR 160.00")
            self.assertEqual(finding["notes"], ["converted USD 200.00 to EUR 160.00 at the ECB "
                                                "reference rate of 2026-11-20 (1 EUR = 1.2500 USD)"])
            self.assertEqual(report["summary"]["warnings"], [])
            self.assertNotIn("warning", process.stderr)

    def test_sidecar_gives_the_provenance(self):
        with tempfile.TemporaryDirectory() as directory:
            os.mkdir(os.path.join(directory, "fx"))
            table = os.path.join(directory, "fx", "ecb-euro-reference-rates.csv")
            with open(table, "w", encoding="utf-8") as file:
                file.write("date,currency,rate\n2026-11-19,USD,1.6\n")
            with open(table + ".meta.json", "w", encoding="utf-8") as file:
                json.dump({"source": "treasury desk", "date": "2026-11-19", "version": "47"}, file)
            process, report = check("--reference-data", directory, self.TRANSACTIONS,
                                    rules=self.FX_RULES)
            self.assertValidReport(report)
            fx = [t for t in report["reference_data"] if t["name"].startswith("fx/")]
            self.assertEqual(fx, [{"name": "fx/ecb-euro-reference-rates.csv",
                                   "source": "treasury desk", "date": "2026-11-19",
                                   "version": "47"}])
            by_id = results_by_id(report)
            # USD 200 = EUR 125: no finding; the fixture ruleset is for every market (GLOBAL),
            # which covers none of them.
            self.assertEqual(by_id["STALE"][0]["verdict"], "not_covered")
            self.assertEqual(by_id["FRESH"][0]["verdict"], "fail")  # no rate yet: undecided

    def test_the_test_command_takes_the_replacing_rates(self):
        self.assertExit(run("test", "--rules", self.FX_RULES), 0)
        with tempfile.TemporaryDirectory() as directory:
            os.mkdir(os.path.join(directory, "fx"))
            with open(os.path.join(directory, "fx", "ecb-euro-reference-rates.csv"), "w",
                      encoding="utf-8") as file:
                file.write("# source: e2e fixture\n# date: 2026-04-13\n"
                           "date,currency,rate\n2026-04-13,USD,2\n")
            # At 2 USD to the euro, USD 200 is EUR 100: the failing case now passes.
            process = run("test", "--rules", self.FX_RULES, "--reference-data", directory)
            self.assertExit(process, 1)
            self.assertIn("USD 200 is more than EUR 150", process.stdout + process.stderr)

    def test_a_file_without_a_bundled_counterpart_is_an_error(self):
        with tempfile.TemporaryDirectory() as directory:
            os.mkdir(os.path.join(directory, "fx"))
            with open(os.path.join(directory, "fx", "rates.csv"), "w", encoding="utf-8") as file:
                file.write("date,currency,rate\n")
            process, _ = check("--reference-data", directory, self.TRANSACTIONS,
                               rules=self.FX_RULES)
            self.assertExit(process, 2)
            self.assertIn("error[reference_data_invalid]", process.stderr)
            self.assertIn("no bundled reference file `fx/rates.csv` to replace", process.stderr)
        process, _ = check("--reference-data", data("no-such-folder"), self.TRANSACTIONS)
        self.assertExit(process, 2)

    def test_overlay_replaces_a_rulesets_lookup_table(self):
        # us.ofac reads reference/sanctions/comprehensive-embargoes.csv: without Cuba there,
        # an order shipped to Cuba is no longer flagged by its embargo rule.
        order = json.dumps({"kind": "transaction", "id": "CU-1",
                            "created_at": "2026-11-20T09:00:00Z",
                            "shipment": {"ship_from": "US", "ship_to": "CU"}})
        base = ["check", "--format", "json", "--market", "US", "-"]
        bundled = json.loads(run(*base, stdin=order + "\n").stdout)
        ofac = [f["rule"] for r in bundled["results"] for f in r["findings"]
                if f["rule"].startswith("us.ofac.")]
        self.assertTrue(ofac, bundled)
        with tempfile.TemporaryDirectory() as directory:
            os.mkdir(os.path.join(directory, "sanctions"))
            with open(os.path.join(directory, "sanctions", "comprehensive-embargoes.csv"), "w",
                      encoding="utf-8") as file:
                file.write("# source: e2e fixture\n# date: 2026-12-01\n"
                           "code:market,program,from:date,until:date,ended:bool,scope,rule_ref,"
                           "citation\n")
            replaced = json.loads(run(*base[:-1], "--reference-data", directory, "-",
                                      stdin=order + "\n").stdout)
        self.assertFalse([f for r in replaced["results"] for f in r["findings"]
                          if f["rule"] in ofac], replaced)
        tables = {t["name"]: t for t in replaced["reference_data"]}
        self.assertEqual(tables["reference/sanctions/comprehensive-embargoes.csv"]["source"],
                         "e2e fixture")

    def test_a_currency_without_a_rate_is_undecided_with_the_reason(self):
        # The ECB publishes no VND rate: the conversion is undecided, "no FX rate", never a guess;
        # a converted currency names its source (the ECB) in the finding's notes.
        orders = "".join(json.dumps({"kind": "transaction", "id": currency,
                                     "created_at": "2026-04-13T09:00:00Z",
                                     "shipment": {"ship_to": "VN", "consignment_value": {
                                         "amount": amount, "currency": currency}}}) + "\n"
                         for currency, amount in (("VND", 5000000), ("KRW", 300000)))
        process = run("check", "--rules", self.FX_RULES, "--format", "json", "--market", "VN", "-",
                      stdin=orders)
        by_id = results_by_id(json.loads(process.stdout))
        vnd = by_id["VND"][0]["findings"][0]
        self.assertEqual(vnd["basis"], "undecided")
        self.assertEqual(vnd["reason"], "no FX rate for VND in the ECB reference rates (the ECB "
                                        "publishes none for it)")
        krw = by_id["KRW"][0]["findings"][0]
        self.assertEqual(krw["basis"], "violation")
        self.assertIn("at the ECB reference rate of 2026-04-13 (1 EUR = 1740.86 KRW)",
                      krw["notes"][0])

    def test_stale_rates_note_and_warn_once(self):
        process, report = check(self.TRANSACTIONS, rules=self.FX_RULES)
        self.assertExit(process, 1)
        by_id = results_by_id(report)
        self.assertEqual(len(by_id["FRESH"][0]["findings"][0]["notes"]), 1)  # a day old: fresh
        notes = by_id["STALE"][0]["findings"][0]["notes"]
        self.assertEqual(notes[1], "the ECB reference rate of 2026-04-13 is 221 days older than "
                                   "the as-of date 2026-11-20: the exchange rates may be out of "
                                   "date (refresh them with `tradelint refdata import-ecb`)")
        warning = ("the exchange rates end on 2026-04-13, 221 days before the as-of date "
                   "2026-11-20: conversions use the last rates; refresh them with `tradelint "
                   "refdata import-ecb` (or give newer ones with --reference-data)")
        self.assertEqual(report["summary"]["warnings"], [warning])
        self.assertEqual(process.stderr.count("tradelint: warning: "), 1, process.stderr)
        self.assertIn(warning, process.stderr)
        text = run("check", "--rules", self.FX_RULES, self.TRANSACTIONS).stdout.splitlines()
        self.assertEqual(text[-2:], ["warning: " + warning,
                                     "2 records, 2 results: 2 fail, 0 warn, 0 pass, 0 not covered, 0 invalid"])
        # Judged at a date the rates serve, the run does not warn.
        process, report = check("--as-of", "2026-04-20", self.TRANSACTIONS, rules=self.FX_RULES)
        self.assertEqual(report["summary"]["warnings"], [])
        self.assertNotIn("warning", process.stderr)

    @unittest.skipUnless(ECB_HISTORY, "the ECB history (shared/data/fx/) is not beside the project")
    def test_bundled_table_is_the_ecb_history_imported_from_2019(self):
        process = self.import_ecb(self.ECB_HISTORY, "--from", "2019-01-01")
        self.assertExit(process, 0)
        with open(self.BUNDLED_FX, encoding="utf-8") as file:
            bundled = file.read()

        def without_import_date(text):
            return [line for line in text.splitlines() if not line.startswith("# imported: ")]

        self.assertEqual(without_import_date(process.stdout), without_import_date(bundled))


class ScreenCommandTest(TradelintTestCase):
    """`screen`, `screen --pairs`, `screen --compare` and `check --dispositions` (docs/cli.md)."""

    PAIRS = os.path.join(HERE, "..", "..", "bench", "screening", "ofac-search-scores.csv")
    # The 2019 copy of the SDN list, where the project's shared data lies beside a parent folder.
    SDN_2019 = next((os.path.join(folder, "shared", "data", "screening", "ofac-sdn-2019")
                     for folder in (os.path.dirname(os.path.dirname(os.path.dirname(HERE))),
                                    os.path.dirname(os.path.dirname(os.path.dirname(
                                        os.path.dirname(HERE)))))
                     if os.path.exists(os.path.join(folder, "shared", "data", "screening",
                                                    "ofac-sdn-2019", "sdn.csv"))), "")
    ORDER = {"kind": "transaction", "id": "T-SCREEN-1", "created_at": "2025-09-01T10:00:00Z",
             "buyer": {"name": "Banco Nacional de Cuba"},
             "shipment": {"ship_from": "US", "ship_to": "ES"}}

    def dispositions(self, directory, version):
        path = os.path.join(directory, "dispositions.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"dispositions": [{
                "party": "BANCO NACIONAL DE CUBA", "list": "sdn", "entry": "306",
                "list_version": version, "decision": "cleared", "reason": "another bank",
                "by": "J. Doe", "date": "2025-03-01"}]}, f)
        return path

    def test_a_listed_name_matches_and_exits_1(self):
        process = run("screen", "Banco Nacional de Cuba", "Jane Miller")
        self.assertExit(process, 1)
        first = process.stdout.splitlines()[0].split("\t")
        self.assertEqual(first[:3], ["Banco Nacional de Cuba", "100", "sdn:306"])
        self.assertEqual(first[-1], "2021-07-07")
        self.assertNotIn("Jane Miller", process.stdout)
        self.assertIn("days before", process.stderr)  # the lists are stale: a warning

    def test_no_match_exits_0_and_names_come_from_stdin(self):
        process = run("screen", "-", "--lists", "un", stdin="Jane Miller\nAcme Trading Co Ltd\n")
        self.assertExit(process, 0)
        self.assertEqual(process.stdout, "")

    def test_lists_takes_one_value_before_the_names(self):
        # `--lists un -`: the `-` is the names' operand, not a second list.
        process = run("screen", "--lists", "un", "-", stdin="Jane Miller\n")
        self.assertExit(process, 0)
        process = run("screen", "--lists", "sdn", "Banco Nacional de Cuba S.A.")
        self.assertExit(process, 1)
        self.assertIn("sdn:306", process.stdout)

    def test_pairs_in_ofac_mode(self):
        process = run("screen", "--mode", "ofac", "--pairs", self.PAIRS)
        self.assertExit(process, 0)
        lines = process.stdout.splitlines()
        self.assertEqual(lines[0], "query_name,result_name,score")
        with open(self.PAIRS, encoding="utf-8") as f:
            self.assertEqual(len(lines), len(f.read().splitlines()))
        self.assertEqual(lines[1], 'VLADIMIR PUTIN,"PUTIN, Vladimir",100')

    def test_a_cleared_match_stays_cleared_on_its_list_version(self):
        with tempfile.TemporaryDirectory() as directory:
            record = os.path.join(directory, "order.json")
            with open(record, "w", encoding="utf-8") as f:
                json.dump(self.ORDER, f)
            process = run("check", "--format", "json", "--market", "US", record)
            self.assertIn("sdn_match", process.stdout)
            held = run("check", "--format", "json", "--market", "US", "--dispositions",
                       self.dispositions(directory, "2021-07-07"), record)
            findings = [f["rule"] for r in json.loads(held.stdout)["results"] for f in r["findings"]]
            self.assertNotIn("us.ofac.sdn_match", findings)
            stale = run("check", "--format", "json", "--market", "US", "--dispositions",
                        self.dispositions(directory, "2019-01-15"), record)
            self.assertIn("no longer holds", stale.stdout)

    def test_check_warns_once_of_a_stale_list_it_used(self):
        order = json.dumps(self.ORDER) + "\n"
        process = run("check", "--format", "json", "--market", "US", "-", stdin=order * 2)
        warnings = json.loads(process.stdout)["summary"]["warnings"]
        stale = [w for w in warnings if "sanctions/ofac-sdn/sdn.csv" in w]
        self.assertEqual(len(stale), 1, warnings)  # once per run, not per record
        self.assertIn("is of 2021-07-07, 1517 days before the as-of date 2025-09-01", stale[0])
        self.assertFalse([w for w in warnings if "sanctions/un/" in w])  # dated after 2025-09-01
        self.assertIn("sanctions/ofac-sdn/sdn.csv", process.stderr)
        # Within 30 days of the list's date: current.
        fresh = run("check", "--format", "json", "--market", "US", "--as-of", "2021-07-20", "-",
                    stdin=order)
        self.assertFalse([w for w in json.loads(fresh.stdout)["summary"]["warnings"]
                          if "sanctions/" in w])

    @unittest.skipUnless(SDN_2019, "the 2019 SDN list (shared/data/screening/) is not beside the project")
    def test_compare_2019_with_2021_says_which_clearances_to_review(self):
        with tempfile.TemporaryDirectory() as directory:
            old = os.path.join(directory, "2019-01-15")
            os.symlink(self.SDN_2019, old)
            output = os.path.join(directory, "carried.json")
            process = run("screen", "--compare", old, "--dispositions",
                          self.dispositions(directory, "2019-01-15"), "--output", output)
            self.assertIn(process.returncode, (0, 1), process.stderr)
            self.assertRegex(process.stdout, r"OFAC SDN List 2019-01-15 -> 2021-07-07: \d+ entries added")
            status = process.stdout.splitlines()[1].split("\t")[0]
            self.assertIn(status, ("holds", "review"))
            with open(output, encoding="utf-8") as f:
                carried = json.load(f)["dispositions"]
            if status == "holds":
                self.assertEqual(carried[0]["list_version"], "2021-07-07")


class HorizonTest(TradelintTestCase):
    """`check --horizon MONTHS`: the rules coming into force that would fire (docs/cli.md)."""

    # A plush toy with a built-in portable battery, without its label, removability or passport.
    TOY = {"kind": "listing", "id": "TOY-1", "target_markets": ["DE"], "title": "Plush bear",
           "product": {"regulated_as": ["toy"], "batteries": [
               {"category": "portable", "packaging": "contained_in_equipment",
                "user_removable": False}]}}

    def upcoming(self, *args, fmt="json"):
        return run("check", "--market", "DE", "--as-of", "2026-06-01", "--format", fmt, *args,
                   "-", stdin=json.dumps(self.TOY) + "\n")

    def test_rules_coming_into_force_within_the_horizon(self):
        process = self.upcoming("--horizon", "60")
        report = json.loads(process.stdout)
        result = report["results"][0]
        upcoming = {u["rule"]: u["effective_from"] for u in result["upcoming"]}
        self.assertEqual(upcoming.get("eu.batteries.battery_removable"), "2027-02-18")
        self.assertEqual(upcoming.get("eu.toy_safety_regulation.digital_product_passport"),
                         "2030-08-01")
        self.assertEqual(upcoming.get("eu.batteries.battery_label"), "2026-08-18")
        dates = [u["effective_from"] for u in result["upcoming"]]
        self.assertEqual(dates, sorted(dates))
        self.assertTrue(all(d > "2026-06-01" for d in dates))
        # Not in force at the as-of date: not among the findings, nor counted.
        self.assertNotIn("eu.batteries.battery_removable", [f["rule"] for f in result["findings"]])
        self.assertNotIn("eu.batteries.battery_removable", report["summary"]["by_rule"])
        entry = next(u for u in result["upcoming"] if u["rule"] == "eu.batteries.battery_removable")
        self.assertEqual(entry["severity"], "info")
        self.assertIn("removable", entry["message"])

    def test_a_shorter_horizon_and_none(self):
        upcoming = json.loads(self.upcoming("--horizon", "12").stdout)["results"][0]["upcoming"]
        rules = [u["rule"] for u in upcoming]
        self.assertIn("eu.batteries.battery_removable", rules)  # 2027-02-18: within 12 months
        self.assertNotIn("eu.toy_safety_regulation.digital_product_passport", rules)  # 2030
        self.assertNotIn("upcoming", json.loads(self.upcoming().stdout)["results"][0])
        # A toy whose passport is given: that rule would not fire, so it is not upcoming.
        toy = dict(self.TOY, product=dict(self.TOY["product"],
                                          digital_product_passport_url="https://dpp.example/1"))
        process = run("check", "--market", "DE", "--as-of", "2026-06-01", "--format", "json",
                      "--horizon", "60", "-", stdin=json.dumps(toy) + "\n")
        rules = [u["rule"] for u in json.loads(process.stdout)["results"][0]["upcoming"]]
        self.assertNotIn("eu.toy_safety_regulation.digital_product_passport", rules)

    def test_jsonl_and_text(self):
        line = json.loads(self.upcoming("--horizon", "60", fmt="jsonl").stdout.splitlines()[0])
        self.assertTrue(line["upcoming"])
        text = self.upcoming("--horizon", "60", fmt="text").stdout
        self.assertIn("upcoming 2027-02-18: info[eu.batteries.battery_removable]", text)


class BundledRulesetsTest(TradelintTestCase):
    """Without --rules the shipped rulesets are found from any working directory."""

    def test_rules_and_check_without_rules_option(self):
        with tempfile.TemporaryDirectory() as directory:
            process = subprocess.run([TRADELINT, "rules", "--format", "json"], cwd=directory,
                                     capture_output=True, text=True, timeout=TIMEOUT)
            self.assertExit(process, 0)
            self.assertTrue(json.loads(process.stdout)["rules"])
            process = subprocess.run([TRADELINT, "check", "--format", "json",
                                      data("listing_ok.json")],
                                     cwd=directory, capture_output=True, text=True, timeout=TIMEOUT)
            self.assertIn(process.returncode, (0, 1), process.stderr)
            self.assertValidReport(json.loads(process.stdout))


FEEDS = os.path.join(HERE, "..", "..", "examples", "feeds")


def feed(name):
    return os.path.join(FEEDS, name)


class FeedTest(TradelintTestCase):
    """--input-format gmc|shopify|jsonld with the bundled rules and --supplement (docs/cli.md,
    Feeds): every item accounted for, feed attributes named, uncarried fields warned once."""

    def check_feed(self, input_format, *args):
        process = run("check", "--format", "json", "--as-of", "2026-06-01",
                      "--input-format", input_format, *args)
        self.assertIn(process.returncode, (1, 3), process.stderr)
        report = json.loads(process.stdout)
        self.assertValidReport(report)
        return process, report

    def test_gmc_text_feed(self):
        process, report = self.check_feed("gmc", feed("gmc-products.tsv"))
        self.assertEqual(report["summary"]["records"], 4)
        by_id = results_by_id(report)
        self.assertEqual([r["market"] for r in by_id["PLUSH-BEAR-01"]], ["DE", "FR"])
        brand_or_price = [f for r in by_id["PLUSH-BEAR-01"] for f in r["findings"]
                          if f.get("feed_attributes")]
        self.assertTrue(brand_or_price)
        [no_market] = by_id["PLUSH-BEAR-02"]
        self.assertEqual(no_market["error"]["code"], "no_market")
        self.assertIn("`shipping.country`", no_market["error"]["message"])
        [short_row] = by_id["PLUSH-BEAR-03"]
        self.assertEqual(short_row["record"]["source"], feed("gmc-products.tsv") + ":4")
        self.assertEqual(short_row["error"]["code"], "schema_violation")
        [bad_price] = by_id["PLUSH-BEAR-04"]
        self.assertIn("(from `price`)", bad_price["error"]["message"])
        # The fields the feed cannot carry: one warning for the run, on stderr too.
        [warning] = [w for w in report["summary"]["warnings"] if "gmc feed cannot carry" in w]
        self.assertIn("`product.manufacturer", warning)
        self.assertIn("--supplement", warning)
        self.assertEqual(process.stderr.count("gmc feed cannot carry"), 1)

    def test_gmc_xml_feed_with_market_and_supplement(self):
        with tempfile.TemporaryDirectory() as directory:
            supplement = os.path.join(directory, "supplement.jsonl")
            with open(supplement, "w", encoding="utf-8") as out:
                out.write(json.dumps({"id": "LAMP-LED-07", "product": {"manufacturer": {
                    "name": "Lumo GmbH", "email": "info@lumo.example"}}}) + "\n")
            _, report = self.check_feed("gmc", "--market", "de", "--supplement", supplement,
                                        feed("gmc-products.xml"))
        by_id = results_by_id(report)
        self.assertEqual([r["market"] for r in by_id["PLUSH-BEAR-01"]], ["DE"])
        paths = [p for r in by_id["LAMP-LED-07"] for f in r["findings"] for p in f["paths"]]
        self.assertNotIn("product.manufacturer.name", paths)
        process = run("check", "--input-format", "gmc", "--supplement", data("listings.csv"),
                      feed("gmc-products.xml"))
        self.assertExit(process, 2)

    def test_shopify_and_jsonld(self):
        _, report = self.check_feed("shopify", "--market", "DE", feed("shopify-products.csv"))
        self.assertEqual(report["summary"]["records"], 4)
        self.assertEqual([r["record"].get("id") for r in report["results"]],
                         ["singing-plush-bear", "wooden-blocks-120", "wooden-blocks-120", None])
        _, report = self.check_feed("jsonld", feed("jsonld-product-page.html"))
        self.assertEqual(report["summary"]["records"], 2)
        self.assertEqual([r["market"] for r in report["results"][:2]], ["DE", "AT"])
        self.assertEqual(report["results"][-1]["error"]["code"], "malformed_json")


def main():
    global TRADELINT
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        TRADELINT = sys.argv.pop(1)
    if not TRADELINT or not os.access(TRADELINT, os.X_OK):
        sys.exit("usage: run_cli_tests.py PATH/TO/tradelint (or set TRADELINT)")
    TRADELINT = os.path.abspath(TRADELINT)
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()

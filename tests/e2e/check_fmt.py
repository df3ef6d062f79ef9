#!/usr/bin/env python3
"""`tradelint fmt` is safe on every ruleset of the repository (docs/cli.md, "fmt").

  check_fmt.py path/to/tradelint

Copies rulesets/ and schema/ (the data directory), bench/listings-v1/ and tests/conformance/
into a temporary folder, disturbs the layout of every copied .trl file (every line indented
further, trailing spaces, blank lines doubled: nothing the lexer reads), then:

- `fmt --check` and `fmt --diff` name the disturbed files (exit 1) and change nothing;
- `fmt` rewrites them, and `fmt --check` then finds nothing to change (fmt is idempotent);
- the formatted copies compile to the same rules as the originals: `tradelint rules --format
  json` and `tradelint test` print the same, for the bundled rulesets, the benchmark's and the
  conformance suite;
- a file that does not parse is refused (exit 2) and left as it was.

Prints one line per problem and exits 1 if there is any.
"""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COPIED = ["rulesets", "schema", os.path.join("bench", "listings-v1"),
          os.path.join("tests", "conformance")]
# The rules of each set, given as `--rules` (None: the bundled rulesets of the data directory).
RULE_SETS = [None, os.path.join("bench", "listings-v1"), os.path.join("tests", "conformance")]

problems = []


def run(tradelint, arguments, data_dir):
    return subprocess.run([tradelint] + arguments, capture_output=True, text=True,
                          env=dict(os.environ, TRADELINT_DATA_DIR=data_dir))


def trl_files(folder):
    for directory, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(".trl"):
                yield os.path.join(directory, name)


def disturb(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = ["   " + line + "  " if line else line for line in text.split("\n")]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines).replace("\n\n", "\n\n\n"))


def compiled(tradelint, data_dir, rules):
    """What `rules --format json` and `test` print for one set of rules."""
    extra = [] if rules is None else ["--rules", os.path.join(data_dir, rules)]
    listing = run(tradelint, ["rules", "--format", "json"] + extra, data_dir)
    tests = run(tradelint, ["test"] + extra, data_dir)
    return (listing.returncode, listing.stdout, tests.returncode,
            tests.stdout.replace(data_dir, "<root>"))


def main():
    tradelint = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as copy:
        for folder in COPIED:
            shutil.copytree(os.path.join(ROOT, folder), os.path.join(copy, folder))
        folders = [os.path.join(copy, folder) for folder in ("rulesets", "bench", "tests")]
        files = [path for folder in folders for path in trl_files(folder)]
        for path in files:
            disturb(path)
        disturbed = {path: open(path, encoding="utf-8").read() for path in files}

        check = run(tradelint, ["fmt", "--check"] + folders, copy)
        if check.returncode != 1 or sorted(check.stdout.split()) != sorted(files):
            problems.append(f"fmt --check: exit {check.returncode}, named "
                            f"{len(check.stdout.split())} of {len(files)} disturbed files")
        diff = run(tradelint, ["fmt", "--diff"] + folders, copy)
        if diff.returncode != 0 or diff.stdout.count("\n+++ ") != len(files):
            problems.append(f"fmt --diff: exit {diff.returncode}, "
                            f"{diff.stdout.count(chr(10) + '+++ ')} files in the diff")
        if any(open(path, encoding="utf-8").read() != disturbed[path] for path in files):
            problems.append("fmt --check or --diff changed a file")

        done = run(tradelint, ["fmt"] + folders, copy)
        again = run(tradelint, ["fmt", "--check"] + folders, copy)
        if done.returncode != 0 or again.returncode != 0 or again.stdout:
            problems.append(f"fmt then fmt --check: exit {done.returncode} then "
                            f"{again.returncode}, still to change: {again.stdout.split()[:5]}")

        for rules in RULE_SETS:
            name = rules or "the bundled rulesets"
            original = compiled(tradelint, ROOT, rules)
            formatted = compiled(tradelint, copy, rules)
            if original[0] != 0 or original[2] != 0:
                problems.append(f"{name}: the originals do not compile or pass their tests")
            elif formatted != original:
                problems.append(f"{name}: the formatted copies compile or test differently")

        broken = os.path.join(copy, "broken.trl")
        with open(broken, "w", encoding="utf-8") as f:
            f.write("ruleset broken {\nrule r { require }\n")
        refused = run(tradelint, ["fmt", broken], copy)
        if (refused.returncode != 2 or "broken.trl:2:" not in refused.stderr
                or open(broken, encoding="utf-8").read() != "ruleset broken {\nrule r { require }\n"):
            problems.append(f"a file that does not parse: exit {refused.returncode}, "
                            f"stderr {refused.stderr.strip()[:200]}")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

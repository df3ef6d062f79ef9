#!/usr/bin/env python3
"""Checks that the repository stands alone: its docs, comments and code cite the project's own
files (docs/cli.md, docs/language.md, ...), never files outside it such as the design contract
or a `../shared` folder beside the repository.

Exceptions: bench/ may use the shared benchmark harness (`../shared/bench`), and tests/ may read
the shared test data (`../shared/data`).

Prints each offending line as `file:line: text` and exits 1 when there is one.
Usage: tools/check-references.py [SOURCE_DIR]
"""
import os
import re
import subprocess
import sys

OUTSIDE = re.compile(r"CONTRACT\.md|(?<![\w.])\.\./(?:\.\./)*shared\b|/work/shared\b")
ALLOWED = {  # folder -> what of `../shared` it may use
    "bench/": re.compile(r"(?:\.\./)+shared/bench\b"),
    "tests/": re.compile(r"(?:\.\./)+shared/data\b"),
}
THIS_FILE = "tools/check-references.py"


def tracked_files(root):
    try:
        output = subprocess.run(["git", "-C", root, "ls-files", "-z"], check=True,
                                capture_output=True).stdout
        return [name for name in output.decode("utf-8").split("\0") if name]
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: every file
        return [os.path.relpath(os.path.join(directory, name), root).replace(os.sep, "/")
                for directory, dirs, names in os.walk(root)
                if not os.path.basename(directory).startswith(("build", "."))
                for name in names]


def offending(path, line):
    """Whether `line` of `path` cites a file outside the repository."""
    allowed = next((pattern for folder, pattern in ALLOWED.items() if path.startswith(folder)),
                   None)
    for match in OUTSIDE.finditer(line):
        if allowed is None or not allowed.match(line, match.start()):
            return True
    return False


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(__file__), ".."))
    found = 0
    for path in tracked_files(root):
        if path == THIS_FILE:
            continue
        try:
            with open(os.path.join(root, path), encoding="utf-8") as f:
                lines = f.readlines()
        except (UnicodeDecodeError, IsADirectoryError, FileNotFoundError):
            continue  # binary data
        for number, line in enumerate(lines, 1):
            if offending(path, line):
                print("%s:%d: %s" % (path, number, line.strip()))
                found += 1
    if found:
        print("check-references: %d reference(s) to files outside the repository; cite the "
              "project's own documents (docs/cli.md) instead" % found)
        return 1
    print("check-references: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

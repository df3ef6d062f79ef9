#!/usr/bin/env python3
"""Runs docs/tutorial-new-market.md: every command it shows must work as shown.

In the tutorial:
- a fenced block whose info string names a file (```trl file=examples/tutorial/...) shows that
  file, or an excerpt of it: the block's text must occur in the file as it is;
- a ```console block holds commands, each on a line starting with `$ `, run from the
  repository's root with `tradelint` the built binary; the lines after a command, up to the
  next command, are its standard output exactly, with a last line `[exit N]` when the command
  exits with N rather than 0. Standard error is not compared.

Usage: run_tutorial.py PATH/TO/tradelint [PATH/TO/tutorial.md]
"""

import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
FENCE = re.compile(r"^```(\S*)(.*)$")
EXIT = re.compile(r"^\[exit (\d+)\]$")


def blocks(text):
    """(info string, body lines, line number) for each fenced block."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        start = i + 1
        end = start
        while end < len(lines) and lines[end] != "```":
            end += 1
        yield match.group(1), match.group(2).strip(), lines[start:end], start
        i = end + 1


def commands(body):
    """(command, expected stdout lines, expected exit status) for each `$ ` line."""
    current = None
    for line in body:
        if line.startswith("$ "):
            if current:
                yield current
            current = [line[2:], [], 0]
        elif current is not None:
            exit_match = EXIT.match(line)
            if exit_match:
                current[2] = int(exit_match.group(1))
            else:
                current[1].append(line)
    if current:
        yield current


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    tradelint = os.path.abspath(sys.argv[1])
    tutorial = sys.argv[2] if len(sys.argv) > 2 else os.path.join(SOURCE, "docs",
                                                                    "tutorial-new-market.md")
    with open(tutorial, encoding="utf-8") as file:
        text = file.read()
    failures = []
    ran = shown = 0
    with tempfile.TemporaryDirectory() as bin_directory:
        os.symlink(tradelint, os.path.join(bin_directory, "tradelint"))
        env = dict(os.environ, PATH=bin_directory + os.pathsep + os.environ.get("PATH", ""),
                   TRADELINT_DATA_DIR=SOURCE, NO_COLOR="1")
        for language, info, body, line in blocks(text):
            if info.startswith("file="):
                path = os.path.join(SOURCE, info[len("file="):])
                shown += 1
                try:
                    with open(path, encoding="utf-8") as file:
                        content = file.read()
                except OSError as error:
                    failures.append(f"line {line}: {error}")
                    continue
                if "\n".join(body) not in content:
                    failures.append(f"line {line}: the block is not the text of {path}")
                continue
            if language != "console":
                continue
            for command, expected, expected_status in commands(body):
                ran += 1
                process = subprocess.run(["bash", "-c", command], cwd=SOURCE, env=env,
                                         capture_output=True, text=True, encoding="utf-8",
                                         timeout=300)
                got = process.stdout.rstrip("\n").split("\n") if process.stdout else []
                want = expected
                while want and want[-1] == "":
                    want = want[:-1]
                if process.returncode != expected_status or got != want:
                    failures.append(
                        f"line {line}: `{command}` exited {process.returncode} (expected "
                        f"{expected_status})\n--- expected\n" + "\n".join(want) +
                        "\n--- got\n" + "\n".join(got) + "\n--- stderr\n" + process.stderr)
    for failure in failures:
        print("FAILED " + failure)
    print(f"{ran} commands run, {shown} files compared, {len(failures)} failed")
    sys.exit(1 if failures or ran == 0 else 0)


if __name__ == "__main__":
    main()

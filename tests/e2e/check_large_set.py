#!/usr/bin/env python3
"""A constant set of 1,000,000 strings lints within 128 MiB more than a ruleset without it.

  check_large_set.py path/to/tradelint

Writes a ruleset whose `set BIG` lists 1,000,000 distinct strings, one a line (14 MB; the
ruleset file limit is 32 MiB), used by one rule; runs `tradelint lint` on it and checks that it
reports no error and that the process's peak resident set stayed under 128 MiB above that of
linting the same ruleset with a one-string set (the data model, reference tables and libraries
every run loads: about 30 MiB). (It took 1.3 GiB when ANTLR kept a token and a parse-tree node
per string.) Exits 1 on failure.
"""
import os
import subprocess
import sys
import tempfile

COUNT = 1_000_000
LIMIT_KIB = 128 * 1024  # above the one-string baseline; ru_maxrss counts KiB on Linux

RULESET = """ruleset big.strings {
  title        "A large constant set"
  jurisdiction EU
  effective    2020-01-01
}

set BIG = [
%s
]

rule big_set "Device type outside a large set" {
  applies to  listing
  domain      product_safety
  severity    error
  cite        "none"
  forbid      product.device_type in BIG
  message     "the device type is in the set"
}
"""


def lint(tradelint, folder, count):
    """(exit status, output, peak RSS in KiB) of linting a ruleset whose set has `count` strings."""
    path = os.path.join(folder, "big%d.trl" % count)
    with open(path, "w", encoding="utf-8") as out:
        out.write(RULESET % ",\n".join('  "s%07d"' % i for i in range(count)))
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen([tradelint, "lint", "--rules", path], stdout=output,
                                   stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        output.seek(0)
        return os.waitstatus_to_exitcode(status), output.read().decode(), usage.ru_maxrss


def main():
    tradelint = sys.argv[1]
    with tempfile.TemporaryDirectory() as folder:
        _, _, baseline_kib = lint(tradelint, folder, 1)
        status, output, peak_kib = lint(tradelint, folder, COUNT)
    problems = []
    if status != 0 or "0 errors" not in output:
        problems.append("lint failed (exit %d):\n%s" % (status, output))
    if peak_kib - baseline_kib >= LIMIT_KIB:
        problems.append("peak RSS %d KiB, %d KiB above the baseline, limit %d KiB" %
                        (peak_kib, peak_kib - baseline_kib, LIMIT_KIB))
    print("lint of %d strings: peak RSS %d KiB, baseline %d KiB, difference %d KiB (limit %d KiB)" %
          (COUNT, peak_kib, baseline_kib, peak_kib - baseline_kib, LIMIT_KIB))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

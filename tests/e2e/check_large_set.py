#!/usr/bin/env python3
"""A constant set of 1,000,000 strings lints within 150 MiB (issue 8).

  check_large_set.py path/to/tradelint

Writes a ruleset whose `set BIG` lists 1,000,000 distinct strings, one a line (14 MB; the
ruleset file limit is 32 MiB), used by one rule; runs `tradelint lint` on it and checks that it
reports no error and that the process's peak resident set stayed under 150 MiB. (It took
1.3 GiB when ANTLR kept a token and a parse-tree node per string.) Exits 1 on failure.
"""
import os
import resource
import subprocess
import sys
import tempfile

COUNT = 1_000_000
LIMIT_KIB = 150 * 1024  # ru_maxrss counts KiB on Linux

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


def main():
    tradelint = sys.argv[1]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "big.trl")
        with open(path, "w", encoding="utf-8") as out:
            out.write(RULESET % ",\n".join('  "s%07d"' % i for i in range(COUNT)))
        result = subprocess.run([tradelint, "lint", "--rules", path], capture_output=True,
                                text=True, check=False)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    problems = []
    if result.returncode != 0 or "0 errors" not in result.stdout + result.stderr:
        problems.append("lint failed (exit %d):\n%s%s" %
                        (result.returncode, result.stdout, result.stderr))
    if peak_kib >= LIMIT_KIB:
        problems.append("peak RSS %d KiB, limit %d KiB" % (peak_kib, LIMIT_KIB))
    print("lint of %d strings: peak RSS %d KiB (limit %d KiB)" % (COUNT, peak_kib, LIMIT_KIB))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The systemd unit of `tradelint serve` passes `systemd-analyze verify` (with ExecStart
pointed at the built binary), and the Dockerfile uses Debian 12 and Debian packages only
(docs/server.md, "Running as a service"). Exits 77 (skipped) without systemd-analyze.

Usage: check_service_files.py PATH/TO/tradelint
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    tradelint = os.path.abspath(sys.argv[1])
    failures = []
    with open(os.path.join(ROOT, "packaging", "docker", "Dockerfile")) as f:
        dockerfile = f.read()
    for line in re.findall(r"^FROM .*", dockerfile, re.M):
        if not line.split()[1] == "debian:12":
            failures.append("Dockerfile: %s is not Debian 12" % line)
    for forbidden in ("pip install", "npm install", "curl ", "wget ", "ADD http"):
        if forbidden in dockerfile:
            failures.append("Dockerfile: `%s`: Debian packages only" % forbidden)
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        print("skipped: systemd-analyze is not installed")
        return 77 if not failures else 1
    with open(os.path.join(ROOT, "packaging", "systemd", "tradelint.service")) as f:
        unit = f.read().replace("/usr/local/bin/tradelint", tradelint)
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "tradelint.service")
        with open(path, "w") as f:
            f.write(unit)
        process = subprocess.run([analyze, "verify", path], capture_output=True, text=True,
                                 timeout=120)
        output = (process.stdout + process.stderr).strip()
        if process.returncode != 0 or output:
            failures.append("systemd-analyze verify: exit %d\n%s" % (process.returncode, output))
    for failure in failures:
        print("FAIL: " + failure)
    print("service files: %s" % ("ok" if not failures else "%d failures" % len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

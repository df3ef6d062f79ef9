#!/usr/bin/env python3
"""The systemd unit of `tradelint serve` passes `systemd-analyze verify` (with ExecStart
pointed at the built binary), and the Dockerfile uses Debian 12 and Debian packages only
(docs/server.md, "Running as a service"); with --packages, also that the Dockerfile installs the
packages of every shared library the binary needs (give it a binary built as the Dockerfile
builds it: not under the sanitizers). Exits 77 (skipped) without systemd-analyze.

Usage: check_service_files.py PATH/TO/tradelint [--packages]
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


# Packages of the debian:12 image itself.
BASE_PACKAGES = {"libc6", "libgcc-s1", "libstdc++6"}


def stage_packages(dockerfile):
    """The packages each stage of the Dockerfile installs with apt-get, stage by stage."""
    stages = []
    for stage in re.split(r"^FROM .*$", dockerfile, flags=re.M)[1:]:
        packages = set()
        for command in re.findall(r"apt-get install ((?:\\\n|[^\n])*)", stage):
            packages.update(word for word in command.replace("\\\n", " ").split()
                            if not word.startswith("-") and word not in ("&&", "rm"))
        stages.append(packages)
    return stages


def check_docker_packages(tradelint, dockerfile):
    """Every shared library the built binary needs (readelf's NEEDED, found where ldd finds it)
    comes from a package the Dockerfile's last stage installs or the base image has, and the
    build stage installs a development package of the same source package."""
    tools = ("readelf", "ldd", "dpkg-query")
    if not all(shutil.which(tool) for tool in tools):
        print("skipped the Dockerfile's packages: readelf, ldd or dpkg-query is missing")
        return []
    stages = stage_packages(dockerfile)
    if len(stages) < 2:
        return ["Dockerfile: expected a build stage and a runtime stage"]
    build, runtime = stages[0], stages[-1]
    dynamic = subprocess.run(["readelf", "-d", tradelint], capture_output=True, text=True).stdout
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+)\]", dynamic)
    found = dict(re.findall(r"^\s*(\S+) => (\S+)", subprocess.run(
        ["ldd", tradelint], capture_output=True, text=True).stdout, re.M))
    installed = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${source:Package}\n"],
                               capture_output=True, text=True).stdout.split("\n")
    dev_of_source = {}
    for line in installed:
        if line.count(" ") == 1 and line.split()[0].endswith("-dev"):
            dev_of_source.setdefault(line.split()[1], set()).add(line.split()[0])
    failures = []
    for library in needed:
        if library not in found:
            continue  # the dynamic loader itself
        # dpkg knows a file by the path its package ships it at: /lib or /usr/lib.
        owner = ""
        for path in (found[library], os.path.realpath(found[library])):
            owner = owner or subprocess.run(["dpkg-query", "-S", path], capture_output=True,
                                            text=True).stdout
        if not owner:
            failures.append("Dockerfile: %s belongs to no Debian package here" % library)
            continue
        package = owner.split(":")[0]
        if package in BASE_PACKAGES:
            continue
        if package not in runtime:
            failures.append("Dockerfile: the runtime stage does not install %s (for %s)" %
                            (package, library))
        source = subprocess.run(["dpkg-query", "-W", "-f=${source:Package}", package],
                                capture_output=True, text=True).stdout.strip()
        if not dev_of_source.get(source, set()) & build:
            failures.append("Dockerfile: the build stage installs none of %s (for %s)" %
                            (sorted(dev_of_source.get(source, {source + "-dev"})), library))
    return failures


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
    if "--packages" in sys.argv[2:]:
        failures += check_docker_packages(tradelint, dockerfile)
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

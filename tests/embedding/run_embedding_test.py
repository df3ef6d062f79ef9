#!/usr/bin/env python3
"""Installs tradelint into a temporary prefix and builds examples/embedding against it.

  run_embedding_test.py BUILD_DIR CXX_COMPILER

- `cmake --install BUILD_DIR --prefix TMP` installs the headers, libtradelint, the CMake
  package and the pkg-config file (docs/embedding.md);
- libtradelint exports the `tradelint::` API only (no symbol of its dependencies);
- examples/embedding builds with CMake (find_package(tradelint)) and with pkg-config, and both
  builds print, for examples/records.jsonl, the verdicts and findings that the installed
  `tradelint check --format json` reports, finding the installed data by themselves.

Prints one line per problem and exits 1 if there is any.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "embedding")
RECORDS = os.path.join(ROOT, "examples", "records.jsonl")
# The data must come from the installation, not from the environment or the source tree.
ENV = {key: value for key, value in os.environ.items() if key != "TRADELINT_DATA_DIR"}
EXPORTED_PREFIXES = ("tradelint::", "vtable for tradelint::", "typeinfo for tradelint::",
                     "typeinfo name for tradelint::", "VTT for tradelint::",
                     "guard variable for tradelint::")


def run(command, **kwargs):
    kwargs.setdefault("env", ENV)
    process = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if process.returncode != 0:
        raise RuntimeError("%s exited %d:\n%s%s" % (" ".join(command), process.returncode,
                                                     process.stdout, process.stderr))
    return process.stdout


def expected_lines(tradelint, records):
    """The example's output for `records` as the installed CLI's JSON report gives it."""
    process = subprocess.run([tradelint, "check", records, "--format", "json"],
                             capture_output=True, text=True, env=ENV)
    if process.returncode not in (0, 1):
        raise RuntimeError("tradelint check exited %d: %s" % (process.returncode, process.stderr))
    lines = []
    for result in json.loads(process.stdout)["results"]:
        record = result["record"]
        if result["verdict"] == "invalid":
            lines.append("%s invalid %s" % (record["source"], result["error"]["code"]))
            continue
        lines.append("%s %s %s %s" % (record["source"], record["id"], result["market"],
                                      result["verdict"]))
        lines += ["  %s %s" % (finding["rule"], finding["severity"])
                  for finding in result["findings"]]
    return lines


def main():
    build_dir, compiler = sys.argv[1], sys.argv[2]
    problems = []
    with tempfile.TemporaryDirectory() as temp:
        prefix = os.path.join(temp, "prefix")
        run(["cmake", "--install", build_dir, "--prefix", prefix])
        libdir = next(os.path.join(prefix, d) for d in ("lib", "lib64")
                      if os.path.isdir(os.path.join(prefix, d, "pkgconfig")))
        library = os.path.join(libdir, "libtradelint.so")

        symbols = run(["nm", "-D", "--defined-only", "-C", library]).splitlines()
        foreign = [line.split(" ", 2)[2] for line in symbols
                   if len(line.split(" ", 2)) == 3 and
                   not line.split(" ", 2)[2].startswith(EXPORTED_PREFIXES)]
        if foreign:
            problems.append("libtradelint exports %d symbols outside `tradelint::`, e.g. %s" %
                            (len(foreign), foreign[:3]))

        # RECORDS is named alike for the CLI and the example, so that sources are equal.
        os.chdir(os.path.dirname(RECORDS))
        records = os.path.basename(RECORDS)
        expected = expected_lines(os.path.join(prefix, "bin", "tradelint"), records)

        cmake_build = os.path.join(temp, "cmake-build")
        run(["cmake", "-S", EXAMPLE, "-B", cmake_build, "-G", "Ninja",
             "-DCMAKE_CXX_COMPILER=" + compiler, "-DCMAKE_PREFIX_PATH=" + prefix])
        run(["cmake", "--build", cmake_build])
        built = {"cmake": os.path.join(cmake_build, "embedding")}

        flags = run(["pkg-config", "--cflags", "--libs", "tradelint"],
                    env=dict(ENV, PKG_CONFIG_PATH=os.path.join(libdir, "pkgconfig"))).split()
        built["pkg-config"] = os.path.join(temp, "embedding-pkg-config")
        run([compiler, os.path.join(EXAMPLE, "main.cc"), *flags, "-Wl,-rpath," + libdir,
             "-o", built["pkg-config"]])

        for how, program in built.items():
            lines = run([program, records]).splitlines()
            if lines != expected:
                problems.append("the example built with %s printed %d lines, the CLI's report "
                                "gives %d; first difference: %s" % (
                                    how, len(lines), len(expected),
                                    next(((a, b) for a, b in zip(lines, expected) if a != b),
                                         None)))
        if not expected:
            problems.append("the CLI reported no result for %s" % RECORDS)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

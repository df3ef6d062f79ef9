#!/usr/bin/env python3
"""Load test of `tradelint serve` with wrk on loopback (bench/README.md, "The server").

Measures records per second and latency p50/p99 for single-record requests at 1, 16 and 64
connections, the throughput of 1,000-record JSON Lines bodies, and the command line on the
same records (`check --format json --jobs 1`), and prints a Markdown table. Every answer must
be 200 (wrk's `non-200` count is checked).

Usage: bench/serve/serve-load.py [--brief] [--tradelint PATH]
  --brief: two seconds per measurement, 100-record bodies and fewer records for the CLI (the
           ctest `serve_load_brief`).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "serve"))
from serve_harness import Server  # noqa: E402

RECORDS = os.path.join(ROOT, "examples", "records.jsonl")
AS_OF = "2025-06-01"


def wrk(url, connections, seconds, body_file, content_type):
    environment = dict(os.environ, BODY_FILE=body_file, CONTENT_TYPE=content_type)
    process = subprocess.run(
        ["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", "%ds" % seconds,
         "--timeout", "60s", "--latency", "-s", os.path.join(HERE, "post.lua"), url],
        capture_output=True, text=True, env=environment, timeout=seconds + 120)
    out = process.stdout
    if process.returncode != 0:
        raise RuntimeError("wrk failed:\n" + out + process.stderr)

    def latency(percentile):
        match = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % percentile, out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    bad = int(re.search(r"non-200: (\d+)", out).group(1))
    errors = re.search(r"Socket errors: (.*)", out)  # connect, read, write, timeout
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return {"requests_per_s": requests, "p50_ms": latency(50), "p99_ms": latency(99),
            "non_200": bad, "socket_errors": errors.group(1) if errors else ""}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--brief", action="store_true")
    parser.add_argument("--tradelint", default=os.environ.get(
        "TRADELINT", os.path.join(ROOT, "build", "tools", "tradelint", "tradelint")))
    options = parser.parse_args()
    seconds = 2 if options.brief else 10
    with open(RECORDS, encoding="utf-8") as f:
        records = [line for line in f.read().splitlines() if line.strip()]
    batch = 100 if options.brief else 1000
    cli_records = 2000 if options.brief else 20000
    failures = []
    rows = []
    with tempfile.TemporaryDirectory() as work:
        single = os.path.join(work, "single.json")
        with open(single, "w") as f:
            f.write(records[0] + "\n")
        lines = os.path.join(work, "batch.jsonl")
        with open(lines, "w") as f:
            f.write("".join(records[i % len(records)] + "\n" for i in range(batch)))
        started = time.monotonic()
        subprocess.run([options.tradelint, "rules", "--format", "json"], check=True,
                       capture_output=True, timeout=600)
        startup = time.monotonic() - started  # compiling the rulesets, which the server does once

        def cli_rate(record_lines):
            """Records per second of `check` on `cli_records` records cycling through
            `record_lines`, the rule compilation subtracted."""
            path = os.path.join(work, "cli.jsonl")
            with open(path, "w") as f:
                f.write("".join(record_lines[i % len(record_lines)] + "\n"
                                for i in range(cli_records)))
            started = time.monotonic()
            subprocess.run([options.tradelint, "check", "--format", "json", "--as-of", AS_OF,
                            "--jobs", "1", "--fail-on", "never", "--quiet", "--output",
                            os.devnull, path], check=True, stderr=subprocess.DEVNULL,
                           timeout=3600)
            return cli_records / max(time.monotonic() - started - startup, 1e-6)

        cli_single = cli_rate(records[:1])
        cli_batch = cli_rate(records)

        with Server(options.tradelint, rules=None, env=dict(os.environ)) as server:
            url = server.url("/v1/check?as_of=" + AS_OF)
            wrk(url, 4, 1, single, "application/json")  # warm-up
            for connections in (1, 4):
                result = wrk(url, connections, seconds, lines, "application/x-ndjson")
                rows.append(("%d records (JSON Lines)" % batch, connections,
                             result["requests_per_s"] * batch, result["p50_ms"], result["p99_ms"],
                             cli_batch, result))
            for connections in (1, 16, 64):
                result = wrk(url, connections, seconds, single, "application/json")
                rows.append(("1 record", connections, result["requests_per_s"],
                             result["p50_ms"], result["p99_ms"], cli_single, result))
            status = server.stop()
            if status != 0:
                failures.append("the server exited %d" % status)
    print("| body | connections | records/s | p50 ms | p99 ms | ratio to the CLI |")
    print("|---|---|---|---|---|---|")
    for body, connections, rate, p50, p99, cli, result in rows:
        print("| %s | %d | %.0f | %.2f | %.2f | %.2f |" % (body, connections, rate, p50, p99,
                                                         rate / cli))
        if result["socket_errors"]:
            failures.append("%s at %d connections: socket errors %s" % (
                body, connections, result["socket_errors"]))
        if result["non_200"]:
            failures.append("%s at %d connections: %d answers not 200" % (
                body, connections, result["non_200"]))
    print("\nCLI (`check --format json --jobs 1`, %d records, the rule compilation of %.2f s "
          "subtracted): %.0f records/s for the single record repeated, %.0f for the mix of "
          "examples/records.jsonl" % (cli_records, startup, cli_single, cli_batch))
    for failure in failures:
        print("FAIL: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

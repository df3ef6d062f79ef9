#!/usr/bin/env python3
"""Per-core throughput of the Python package and of tradelint.dask (docs/scale-out.md).

    PYTHONPATH=build/python /usr/bin/python3 bench/dask-throughput.py [RECORDS] [WORKERS]

Makes RECORDS records (default 20,000) from the bundled examples (examples/records.jsonl and
examples/violations/, each copy with an id of its own), then measures against the bundled
rulesets, with each record judged for its own markets:

1. compiling the Engine (once per worker process);
2. Engine.check_lines on one thread (jobs=1): records per second of wall and of CPU time;
3. `tradelint check --jobs 1 --format jsonl` on the same file, for comparison;
4. tradelint.dask.check_files on a LocalCluster of WORKERS processes (default 2) of one thread
   each, over WORKERS * 4 files: records per second, wall time.

Prints one line per figure. The machine's other load counts: run it on an idle machine, or
read the CPU-time figure.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_records(count):
    samples = []
    with open(os.path.join(ROOT, "examples", "records.jsonl"), encoding="utf-8") as lines:
        samples += [json.loads(line) for line in lines if line.strip()]
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "violations", "*.json"))):
        with open(path, encoding="utf-8") as file:
            samples.append(json.load(file))
    records = []
    for n in range(count):
        record = dict(samples[n % len(samples)])
        record["id"] = "%s-%d" % (record.get("id", "R"), n)
        records.append(json.dumps(record, ensure_ascii=False))
    return records


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    import tradelint
    import tradelint.dask
    import distributed

    records = make_records(count)
    with tempfile.TemporaryDirectory() as temp:
        start = time.perf_counter()
        engine = tradelint.Engine()
        print("compile: %.2f s (%d rulesets)" % (time.perf_counter() - start,
                                                len(engine.rulesets)))

        wall, cpu = time.perf_counter(), time.process_time()
        results = sum(1 for _ in engine.check_lines(records, jobs=1))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print("python, 1 thread: %d records, %d results in %.2f s wall, %.2f s CPU: "
              "%.0f records/s (wall), %.0f records/CPU-s" % (count, results, wall, cpu,
                                                             count / wall, count / cpu))

        path = os.path.join(temp, "all.jsonl")
        with open(path, "w", encoding="utf-8") as file:
            file.write("\n".join(records) + "\n")
        tradelint_bin = os.environ.get("TRADELINT",
                                       os.path.join(ROOT, "build", "tools", "tradelint", "tradelint"))
        start = time.perf_counter()
        subprocess.run([tradelint_bin, "check", path, "--jobs", "1", "--format", "jsonl",
                        "--fail-on", "never"], stdout=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - start
        print("cli --jobs 1: %.2f s wall (compile included): %.0f records/s" % (wall, count / wall))

        files = workers * 4
        paths = []
        for n in range(files):
            paths.append(os.path.join(temp, "part%d.jsonl" % n))
            with open(paths[-1], "w", encoding="utf-8") as file:
                file.write("\n".join(records[n::files]) + "\n")
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster):
            start = time.perf_counter()
            summary = tradelint.dask.check_files(paths, os.path.join(temp, "out"))["summary"]
            first = time.perf_counter() - start
            start = time.perf_counter()
            tradelint.dask.check_files(paths, os.path.join(temp, "out"))
            second = time.perf_counter() - start
        print("dask, %d workers x 1 thread, %d files: %.2f s first run (compiles included), "
              "%.2f s second: %.0f records/s, %.0f records/s per worker" % (
                  workers, files, first, second, count / second, count / second / workers))
        print("summary:", json.dumps(summary["verdicts"]))


if __name__ == "__main__":
    main()

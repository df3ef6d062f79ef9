"""tradelint.dask on a LocalCluster of 2 worker processes, and on a scheduler and 2 workers
started as separate processes on loopback, as on separate machines: results and summaries
equal to the CLI's on the same files, the rulesets compiled once per worker process."""
import contextlib
import json
import os
import subprocess
import sys
import time

import dask.bag
import distributed
import pytest

import tradelint.dask
from conftest import ROOT, run_cli

PARTITIONS = 4


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """examples/records.jsonl and a bad line dealt into PARTITIONS files in one folder."""
    folder = tmp_path_factory.mktemp("inputs")
    with open(os.path.join(ROOT, "examples", "records.jsonl"), encoding="utf-8") as lines:
        records = [line.rstrip("\n") for line in lines if line.strip()]
    records.append('{"kind": "listing", "id": "BROKEN"')
    parts = [records[p::PARTITIONS] for p in range(PARTITIONS)]
    paths = []
    for p, part in enumerate(parts):
        paths.append(str(folder / ("part%d.jsonl" % p)))
        (folder / ("part%d.jsonl" % p)).write_text("\n".join(part) + "\n", encoding="utf-8")
    return folder, paths, parts


def check_on(client, inputs, output_dir):
    folder, paths, parts = inputs
    expected_lines = subprocess.run(
        [os.environ["TRADELINT_BIN"], "check", *paths, "--format", "jsonl"],
        capture_output=True, text=True).stdout.splitlines()
    expected_report = run_cli(*paths)

    report = tradelint.dask.check_files(paths, output_dir)
    written = []
    for output in report["outputs"]:
        with open(output, encoding="utf-8") as file:
            written += file.read().splitlines()
    assert written == expected_lines
    assert report["summary"] == expected_report["summary"]
    assert report["rulesets"] == expected_report["rulesets"]

    # A bag of records as dicts (and one broken text), and the same records as the CLI reads
    # them from files named as check_bag names the bag's partitions.
    records = [json.loads(r) if r.endswith("}") else r for part in parts for r in part]
    bag = dask.bag.from_sequence(records, npartitions=PARTITIONS)
    results = tradelint.dask.check_bag(bag).compute()
    names, start = [], 0
    for p, size in enumerate(bag.map_partitions(lambda part: [len(part)]).compute()):
        names.append("bag.%d" % p)
        texts = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)
                 for r in records[start:start + size]]
        (folder / names[-1]).write_text("\n".join(texts) + "\n", encoding="utf-8")
        start += size
    assert results == run_cli(*names, cwd=str(folder))["results"]

    # The tasks of check_files and check_bag (2 * PARTITIONS) used one Engine per process.
    counts = list(client.run(tradelint.dask.compiled_engines).values())
    assert len(counts) == 2 and max(counts) == 1, counts


def check_horizon(inputs, output_dir):
    """check_files(horizon=60) writes what `check --horizon 60 --format jsonl` prints."""
    _, paths, _ = inputs
    expected_lines = subprocess.run(
        [os.environ["TRADELINT_BIN"], "check", *paths, "--format", "jsonl", "--horizon", "60"],
        capture_output=True, text=True).stdout.splitlines()
    assert any(json.loads(line).get("upcoming") for line in expected_lines)
    report = tradelint.dask.check_files(paths, output_dir, horizon=60)
    written = []
    for output in report["outputs"]:
        with open(output, encoding="utf-8") as file:
            written += file.read().splitlines()
    assert written == expected_lines


def test_local_cluster_of_two_processes(inputs, tmp_path):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=2, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        check_on(client, inputs, tmp_path / "out")
        check_horizon(inputs, tmp_path / "horizon")


@contextlib.contextmanager
def started(command):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_scheduler_and_workers_as_separate_processes(inputs, tmp_path):
    scheduler_file = str(tmp_path / "scheduler.json")
    with started([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host",
                  "127.0.0.1", "--port", "0", "--no-dashboard",
                  "--scheduler-file", scheduler_file]):
        deadline = time.monotonic() + 60
        while not os.path.exists(scheduler_file) and time.monotonic() < deadline:
            time.sleep(0.1)
        worker = [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file",
                  scheduler_file, "--host", "127.0.0.1", "--nthreads", "2", "--no-dashboard"]
        with started(worker), started(worker), \
                distributed.Client(scheduler_file=scheduler_file, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
            check_on(client, inputs, tmp_path / "out")

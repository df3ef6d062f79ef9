"""tradelint.dask: check records on a Dask cluster (docs/scale-out.md).

    import dask.bag, distributed, tradelint.dask

    client = distributed.Client("tcp://scheduler:8786")
    summary = tradelint.dask.check_files(paths, "/shared/results", markets="DE,FR")
    results = tradelint.dask.check_bag(dask.bag.read_text(paths).map(json.loads)).compute()

Each worker process compiles the rulesets once (one Engine per process and set of rules,
shared by the process's threads) and judges with the GIL released, so a worker's threads
judge in parallel. Results are those of `tradelint check`: check_files writes, per input file,
exactly what `tradelint check FILE --format jsonl` prints, and returns the summary that
`tradelint check FILES... --format json` reports.
"""
import json
import os
import threading

import dask
import dask.bag

from . import Engine, _as_of, _markets, _paths

__all__ = ["check_bag", "check_files", "engine_for"]

# This process's Engines by (rules, reference data): each compiled on first use in the process.
_engines = {}
_engines_lock = threading.Lock()


def engine_for(rules=None, reference_data=None):
    """The Engine of this process for `rules` and `reference_data`, compiled on first use and
    then shared by every task the process runs (Engines are thread-safe)."""
    key = (tuple(_paths(rules)), os.fspath(reference_data) if reference_data else None)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _engines[key] = Engine(list(key[0]), key[1])
        return engine


def compiled_engines():
    """How many Engines this process has compiled (one per set of rules it was asked for)."""
    with _engines_lock:
        return len(_engines)


def _record_text(record):
    return record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)


def _check_partition(records, index, markets, as_of, lang, rules, reference_data, source_name,
                     horizon):
    engine = engine_for(rules, reference_data)
    return list(engine.check_lines((_record_text(record) for record in records), jobs=1,
                                   markets=markets, as_of=as_of, lang=lang,
                                   source_name="%s.%d" % (source_name, index[0]),
                                   horizon=horizon))


def check_bag(bag, markets=None, as_of=None, rules=None, reference_data=None, lang="en", *,
              source_name="bag", horizon=None):
    """A Dask bag of the result dicts of each record of `bag` (dicts, or JSON texts), in
    order: the results of `tradelint check` on the same records. Records are judged one by
    one, so group rules judge nothing here: use check_files for them (docs/scale-out.md). The source of record n of
    partition p is `<source_name>.<p>:<n>`, as the CLI names line n of a file `bag.<p>`."""
    partitions = bag.npartitions
    indexes = dask.bag.from_sequence(range(partitions), npartitions=partitions)
    return bag.map_partitions(_check_partition, indexes, _markets(markets), _as_of(as_of), lang,
                              _paths(rules), reference_data, source_name, horizon)


def _check_file(path, output, markets, as_of, lang, rules, reference_data, horizon):
    report = engine_for(rules, reference_data)._engine.check_file(path, output, markets, as_of,
                                                                  lang, 1, horizon)
    return json.loads(report)


def _merge_counts(total, part):
    """Adds the counts of `part` into `total` (numbers summed, objects merged member by member,
    lists of warnings joined without repeats)."""
    for key, value in part.items():
        if isinstance(value, dict):
            _merge_counts(total.setdefault(key, {}), value)
        elif isinstance(value, list):
            items = total.setdefault(key, [])
            items += [item for item in value if item not in items]
        else:
            total[key] = total.get(key, 0) + value
    return total


def check_files(paths, output_dir, markets=None, as_of=None, rules=None, reference_data=None,
                lang="en", *, horizon=None):
    """Checks each record file of `paths` (JSON Lines, JSON or CSV, named as the CLI takes
    them) as one Dask task on the current Dask scheduler (a distributed.Client, else Dask's
    default), writing `<output_dir>/part-NNNNN.jsonl` for the n-th path: the lines of
    `tradelint check PATH --format jsonl`. Workers read the paths and write the outputs
    themselves, so on a cluster both must be on storage every worker sees at the same path.

    Returns the JSON report `tradelint check PATHS... --format json` would give without its
    `results`: `tool`, `rulesets` and `reference_data` as the CLI writes them, the `summary`
    summed over the files, `groups` (the groups that group rules found against, each file's
    in turn: a group never spans two files, which are checked apart), plus `outputs`, the
    files written, in the order of `paths`.
    """
    paths = _paths(paths)
    output_dir = os.fspath(output_dir)
    os.makedirs(output_dir, exist_ok=True)
    markets, as_of = _markets(markets), _as_of(as_of)
    outputs = [os.path.join(output_dir, "part-%05d.jsonl" % n) for n in range(len(paths))]
    tasks = [dask.delayed(_check_file, pure=False)(path, output, markets, as_of, lang,
                                                   _paths(rules), reference_data, horizon)
             for path, output in zip(paths, outputs)]
    reports = dask.compute(*tasks)
    if not reports:
        return {"summary": {}, "outputs": []}
    merged = {key: value for key, value in reports[0].items() if key not in ("results", "summary")}
    merged["summary"] = {}
    for report in reports:
        _merge_counts(merged["summary"], report["summary"])
    # Groups are found within each file only: a file is one shard (docs/scale-out.md).
    merged["groups"] = [group for report in reports for group in report.get("groups", [])]
    merged["outputs"] = outputs
    return merged

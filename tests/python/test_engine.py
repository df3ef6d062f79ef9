"""tradelint.Engine: results equal to the CLI's JSON report, errors, threads and the GIL."""
import concurrent.futures
import glob
import json
import os
import sys
import threading

import pytest

import tradelint
from conftest import ROOT, run_cli

RECORDS = "examples/records.jsonl"
AS_OF = "2026-11-22"


def test_check_lines_equals_cli_on_records(engine):
    expected = run_cli(RECORDS)["results"]
    with open(os.path.join(ROOT, RECORDS), encoding="utf-8") as lines:
        results = list(engine.check_lines(lines, source_name=RECORDS))
    assert len(results) == len(expected) > 0
    assert results == expected


def test_check_equals_cli_on_example_files(engine):
    paths = sorted(os.path.relpath(path, ROOT) for path in
                   glob.glob(os.path.join(ROOT, "examples", "violations", "*.json")) +
                   glob.glob(os.path.join(ROOT, "examples", "compliant", "*", "*.json")))
    assert len(paths) > 50
    expected = run_cli(*paths, "--as-of", AS_OF)["results"]
    results = []
    for path in paths:
        with open(os.path.join(ROOT, path), encoding="utf-8") as file:
            results += engine.check(json.load(file), as_of=AS_OF, source_name=path)
    assert [r["verdict"] for r in results] == [r["verdict"] for r in expected]
    assert results == expected


def test_markets_and_dates_as_the_cli_takes_them(engine):
    with open(os.path.join(ROOT, RECORDS), encoding="utf-8") as lines:
        records = [line for line in lines if line.strip()][:3]
    expected = run_cli(RECORDS, "--market", "DE,FR", "--as-of", "2025-03-01")["results"]
    results = list(engine.check_lines(records, markets=["DE", "FR"], as_of="2025-03-01",
                                      source_name=RECORDS, jobs=2))
    assert results == expected[:len(results)]
    assert {r["market"] for r in results} == {"DE", "FR"}


def test_horizon_as_the_cli_takes_it(engine, tmp_path):
    # A plush toy with a built-in portable battery: battery rules come into force after 2026-06-01.
    toy = {"kind": "listing", "id": "TOY-1", "target_markets": ["DE"], "title": "Plush bear",
           "product": {"regulated_as": ["toy"], "batteries": [
               {"category": "portable", "packaging": "contained_in_equipment",
                "user_removable": False}]}}
    path = tmp_path / "toy.jsonl"
    path.write_text(json.dumps(toy) + "\n", encoding="utf-8")
    expected = run_cli(str(path), "--market", "DE", "--as-of", "2026-06-01",
                       "--horizon", "60")["results"]
    assert expected[0]["upcoming"]
    results = engine.check(toy, markets="DE", as_of="2026-06-01", horizon=60,
                           source_name=str(path))
    assert results == expected
    lines = list(engine.check_lines([json.dumps(toy)], markets="DE", as_of="2026-06-01",
                                    horizon=60, source_name=str(path)))
    assert lines == expected
    assert "upcoming" not in engine.check(toy, markets="DE", as_of="2026-06-01")[0]
    with pytest.raises(ValueError, match="horizon"):
        engine.check(toy, markets="DE", horizon=1201)


def test_bad_lines_are_invalid_results(engine):
    results = list(engine.check_lines(['{"kind": "listing", "id": "A"', "", "[1]", b'{"id": 1}\n',
                                       b'{"kind": "listing", "id": "\xff"}']))
    assert [(r["record"]["source"], r["verdict"], r["error"]["code"]) for r in results] == [
        ("python:1", "invalid", "malformed_json"),
        ("python:3", "invalid", "not_an_object"),
        ("python:4", "invalid", "unknown_kind"),
        ("python:5", "invalid", "malformed_json")]


def test_unknown_market_and_bad_date_raise(engine):
    with pytest.raises(ValueError, match="did you mean `DE`"):
        engine.check({"kind": "listing", "id": "A"}, markets="de")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        engine.check({"kind": "listing", "id": "A"}, markets="DE", as_of="2025-13-01")


def test_ruleset_errors_raise_with_rendered_diagnostics(tmp_path):
    ruleset = tmp_path / "broken.trl"
    ruleset.write_text('ruleset broken {\n  rule r {\n    when nonsense(\n  }\n}\n')
    with pytest.raises(tradelint.RulesetError) as raised:
        tradelint.Engine(rules=str(ruleset))
    assert "broken.trl:" in raised.value.diagnostics
    assert "error" in raised.value.diagnostics
    assert str(raised.value) == raised.value.diagnostics


def test_one_engine_shared_between_threads(engine):
    with open(os.path.join(ROOT, RECORDS), encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    alone = [engine.check(record, markets="DE,US,EU", as_of=AS_OF) for record in records]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        rounds = list(pool.map(
            lambda _: [engine.check(record, markets="DE,US,EU", as_of=AS_OF)
                       for record in records], range(8)))
    assert all(results == alone for results in rounds)


def test_judging_releases_the_gil(engine):
    """With a switch interval of an hour the interpreter never takes the GIL from a thread:
    the main thread runs while another judges only if judging gives the GIL up."""
    with open(os.path.join(ROOT, RECORDS), encoding="utf-8") as lines:
        batch = [line for line in lines if line.strip()] * 200
    judging = threading.Event()
    seen_while_judging = False

    def judge():
        judging.set()
        list(engine.check_lines(batch, jobs=1))
        judging.clear()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(3600)
    try:
        worker = threading.Thread(target=judge)
        worker.start()
        while worker.is_alive() and not seen_while_judging:
            seen_while_judging = judging.is_set()
        worker.join()
    finally:
        sys.setswitchinterval(interval)
    assert seen_while_judging

"""tradelint: check marketplace records against the compiled rule sets (docs/python.md).

    import tradelint

    engine = tradelint.Engine()                      # the bundled rulesets, compiled once
    for result in engine.check(record, markets="DE", as_of="2025-03-01"):
        print(result["market"], result["verdict"])
    with open("listings.jsonl") as lines:
        for result in engine.check_lines(lines, source_name="listings.jsonl"):
            ...

Results are plain dicts equal to the result objects of `tradelint check --format json`
(docs/cli.md). An Engine is immutable: share one between threads; judging releases the GIL.
"""
import json
import os
import pathlib
from itertools import islice

from . import _tradelint

__all__ = ["Engine", "RulesetError"]

# Records judged per call into the engine by check_lines: enough to keep every thread busy,
# few enough that results start flowing at once.
_BATCH = 1024


class RulesetError(ValueError):
    """The rulesets did not compile; `diagnostics` holds every diagnostic as `tradelint lint`
    renders it (file, line, caret, code)."""

    def __init__(self, diagnostics):
        super().__init__(diagnostics)
        self.diagnostics = diagnostics


def _installed_data_directory():
    """PREFIX/share/tradelint when this package is installed in PREFIX/lib/pythonX.Y/site-packages
    (`cmake --install`), else None (the engine then finds the data as the CLI does)."""
    parents = pathlib.Path(__file__).resolve().parents  # tradelint/, site-packages/, ...
    if len(parents) < 5:
        return None
    data = os.path.join(parents[4], "share", "tradelint")
    return data if os.path.isfile(os.path.join(data, "rulesets", "reference", "markets.json")) \
        else None


def _paths(value):
    """A path or a list of paths as a list of strings; None as an empty list."""
    if value is None:
        return []
    if isinstance(value, (str, os.PathLike)):
        return [os.fspath(value)]
    return [os.fspath(item) for item in value]


def _markets(markets):
    """`"DE,FR"`, `["DE", "FR"]` or None (each record's own markets) as a list of codes."""
    if markets is None:
        return []
    codes = markets.split(",") if isinstance(markets, str) else markets
    # A market given twice is judged once, as by the CLI.
    return list(dict.fromkeys(code.strip() for code in codes if code.strip()))


def _as_of(as_of):
    """A `datetime.date` or `YYYY-MM-DD` text as text; None as "" (each record's default)."""
    if as_of is None:
        return ""
    return as_of.isoformat() if hasattr(as_of, "isoformat") else str(as_of)


def _text(line):
    """A JSON Lines line (str or bytes, with or without its line end) without its line end.
    Bytes go to the engine as they are, so that text that is not UTF-8 is reported as the CLI
    reports it (`malformed_json`)."""
    if isinstance(line, (bytes, bytearray)):
        return bytes(line).rstrip(b"\r\n")
    return line.rstrip("\r\n")


class Engine:
    """Rulesets compiled once (`tradelint check --rules ... --reference-data ...`).

    rules: a ruleset file or folder, or a list of them; None: the bundled rulesets.
    reference_data: a folder of files replacing the bundled reference files (docs/cli.md).
    plugins: plugin libraries whose functions the rules call (`--plugin`, docs/plugins.md).
    Raises RulesetError when the rulesets do not compile, ValueError when a plugin does not load.
    """

    def __init__(self, rules=None, reference_data=None, *, plugins=None, data_directory=None):
        self.rules = _paths(rules)
        self.reference_data = os.fspath(reference_data) if reference_data is not None else None
        self.plugins = _paths(plugins)
        data = data_directory or os.environ.get("TRADELINT_DATA_DIR") or \
            _installed_data_directory() or ""
        try:
            self._engine = _tradelint.CompiledEngine(self.rules, self.reference_data or "",
                                                     os.fspath(data), self.plugins)
        except _tradelint.RulesetFailure as error:
            raise RulesetError(str(error)) from None

    @property
    def rulesets(self):
        """The compiled rulesets as (id, version) pairs, in load order."""
        return self._engine.rulesets

    def check(self, record, markets=None, as_of=None, lang="en", *, source_name="python",
              horizon=None):
        """The results of one record (a dict, or its JSON text): one per market, in market
        order, or one `invalid` result; `record.source` is `<source_name>:1`.

        markets: `"DE,FR"` or a list; None: the record's own. as_of: a date or `YYYY-MM-DD`;
        None: the record's default. horizon: months, as `check --horizon` (each result lists
        the rules coming into force within them that would fire, `upcoming`). Raises
        ValueError for an unknown market, a bad date or a horizon outside 0 to 1200.
        """
        text = record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
        judged = self._engine.judge([text], source_name, 1, _markets(markets), _as_of(as_of),
                                    lang, 1, horizon)
        return json.loads(judged[0]) if judged else []

    def check_lines(self, lines, jobs=None, markets=None, as_of=None, lang="en", *,
                    source_name="python", horizon=None):
        """Yields the results of each record of `lines` (JSON Lines: an open file, a list of
        strings or bytes), in input order, judged on `jobs` threads (None: one per core).

        Sources are `<source_name>:<line>`, lines counted from 1 with blank lines skipped but
        counted, as the CLI reads a .jsonl file: give the file's name to match its report.
        """
        jobs = jobs or os.cpu_count() or 1
        markets, as_of = _markets(markets), _as_of(as_of)
        lines = iter(lines)
        first_line = 1
        while True:
            batch = [_text(line) for line in islice(lines, _BATCH)]
            if not batch:
                return
            for judged in self._engine.judge(batch, source_name, first_line, markets, as_of,
                                             lang, jobs, horizon):
                yield from json.loads(judged)
            first_line += len(batch)

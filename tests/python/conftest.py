"""Shared fixtures of the Python package's tests (tests/python/CMakeLists.txt runs them).

The environment names the build: PYTHONPATH holds build/python (the package), TRADELINT_BIN
the CLI, TRADELINT_BUILD_DIR the build tree, TRADELINT_DATA_DIR the source tree's data.
"""
import json
import os
import subprocess

import pytest

import tradelint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_cli(*arguments, cwd=ROOT):
    """The JSON report of `tradelint check ARGUMENTS --format json`, run in `cwd`."""
    process = subprocess.run([os.environ["TRADELINT_BIN"], "check", *arguments,
                              "--format", "json"], capture_output=True, text=True, cwd=cwd)
    assert process.returncode in (0, 1, 3), process.stderr  # 3: some record invalid
    return json.loads(process.stdout)


@pytest.fixture(scope="session")
def engine():
    """The bundled rulesets, compiled once for the whole session."""
    return tradelint.Engine()

#!/usr/bin/env python3
"""Starts `tradelint serve` and runs check_openapi.mjs against it: the OpenAPI document is
valid OpenAPI 3.1 and every example in it holds against the server (docs/server.md).

Usage: check_openapi.py PATH/TO/tradelint NODE_MODULES
Exits 77 (skipped) when Node or the validator is not installed.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Server  # noqa: E402


def main():
    tradelint, node_modules = sys.argv[1], sys.argv[2]
    node = shutil.which("node")
    if node is None or not os.path.isdir(os.path.join(node_modules, "@seriousme")):
        print("skipped: node or tests/node/node_modules (tools/install-deps.sh) is missing")
        return 77
    key = "openapi-example-key"
    with tempfile.TemporaryDirectory() as directory:
        keys = os.path.join(directory, "keys")
        with open(keys, "w") as f:
            f.write(hashlib.sha256(key.encode()).hexdigest() + "\n")
        with Server(tradelint, "--api-keys", keys, rules=None) as server:
            script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_openapi.mjs")
            status = subprocess.run([node, script, server.url("").rstrip("/"), node_modules, key],
                                    timeout=300).returncode
            if server.stop() != 0:
                print("FAIL: the server did not stop cleanly")
                return 1
    return status


if __name__ == "__main__":
    sys.exit(main())

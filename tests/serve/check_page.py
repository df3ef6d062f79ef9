#!/usr/bin/env python3
"""Starts `tradelint serve` with the bundled rulesets and drives its web page in headless
Chromium (check_page.mjs, playwright-core from tests/node).

Usage: check_page.py PATH/TO/tradelint NODE_MODULES SCREENSHOT_DIR
Exits 77 (skipped) when Node, playwright-core or /usr/bin/chromium is missing.
"""

import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import E2E_DATA, Server  # noqa: E402


def main():
    tradelint, node_modules, screenshots = sys.argv[1:4]
    node = shutil.which("node")
    if (node is None or not os.path.isdir(os.path.join(node_modules, "playwright-core"))
            or not os.access("/usr/bin/chromium", os.X_OK)):
        print("skipped: node, tests/node/node_modules or /usr/bin/chromium is missing "
              "(tools/install-deps.sh)")
        return 77
    os.makedirs(screenshots, exist_ok=True)
    with Server(tradelint, rules=None) as server:
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_page.mjs")
        listing = os.path.join(E2E_DATA, "listing_ok.json")
        status = subprocess.run([node, script, server.url("").rstrip("/"), node_modules,
                                 screenshots, listing], timeout=240).returncode
        if server.stop() != 0:
            print("FAIL: the server did not stop cleanly")
            return 1
    return status


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Fault test of `tradelint serve` (bench/README.md, "The server"): malformed requests of every
kind interleaved with valid ones, from several connections at once. Every valid request must
be answered with exactly the report the first one got, every malformed one with its 4xx and a
JSON error (or, for a body cut short, a closed connection); afterwards the server must answer
/healthz and its resident memory must be within 20 MiB of its level after warm-up.

Kinds: broken JSON, a body over --max-body, a body shorter than its Content-Length, a body
sent a byte at a time (complete: answered 200; stalled: closed at the read timeout), a wrong
Content-Type, a wrong method, bad UTF-8, a request line that is not HTTP.

Usage: bench/serve/serve-fault.py [--requests N] [--tradelint PATH]
  (default 10,000 requests; the ctest `serve_fault_brief` runs 600)
"""

import argparse
import json
import os
import socket
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "serve"))
from serve_harness import E2E_DATA, GOOD_RULES, Server  # noqa: E402

MAX_BODY = 65536
CHECK = "/v1/check?as_of=2025-03-01"
VALID = open(os.path.join(E2E_DATA, "listings.jsonl"), encoding="utf-8").read().encode()


def http(port, method, path, body=b"", content_type="application/json", raw=None,
         byte_delay=0.0, declared_length=None):
    """(status or None when the connection closed without an answer, body bytes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
        if raw is not None:
            s.sendall(raw)
        else:
            length = len(body) if declared_length is None else declared_length
            head = ("%s %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: %s\r\n"
                    "Content-Length: %d\r\n\r\n" % (method, path, content_type, length)).encode()
            s.sendall(head)
            if byte_delay:
                for i in range(len(body)):
                    s.sendall(body[i:i + 1])
                    time.sleep(byte_delay)
            else:
                try:
                    s.sendall(body)
                except OSError:
                    pass  # the server may refuse a huge body before reading it all
        data = b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        except OSError:
            pass
    if not data.startswith(b"HTTP/1.1 "):
        return None, b""
    head, _, payload = data.partition(b"\r\n\r\n")
    return int(head[9:12]), payload


def json_error(payload):
    try:
        return json.loads(payload)["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return None


def kinds(port, expected):
    """(name, request function, check function) for each kind of request."""
    def answered(status, code):
        return lambda result: result[0] == status and json_error(result[1]) == code

    return [
        ("valid", lambda: http(port, "POST", CHECK, VALID, "application/x-ndjson"),
         lambda result: result[0] == 200 and json.loads(result[1]) == expected),
        ("broken_json", lambda: http(port, "POST", CHECK, b'{"kind": "listing", "id": '),
         answered(400, "malformed_json")),
        ("huge", lambda: http(port, "POST", CHECK, b"[" + b" " * (MAX_BODY + 10) + b"]"),
         lambda result: result[0] in (413, None) and (result[0] is None or
                                                      json_error(result[1]) == "too_large")),
        ("truncated", lambda: http(port, "POST", CHECK, VALID[:40], declared_length=len(VALID)),
         lambda result: result[0] in (400, None)),
        ("wrong_type", lambda: http(port, "POST", CHECK, VALID, "text/csv"),
         answered(415, "unsupported_media_type")),
        ("wrong_method", lambda: http(port, "PUT", CHECK, VALID),
         answered(405, "method_not_allowed")),
        ("bad_utf8", lambda: http(port, "POST", CHECK, b'{"kind": "listing", "id": "\xff\xfe"}'),
         answered(400, "malformed_json")),
        ("not_http", lambda: http(port, None, None, raw=b"\x16\x03\x01 NOT HTTP\r\n\r\n"),
         answered(400, "bad_request")),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=10000)
    parser.add_argument("--tradelint", default=os.environ.get(
        "TRADELINT", os.path.join(ROOT, "build", "tools", "tradelint", "tradelint")))
    options = parser.parse_args()
    failures = []
    with Server(options.tradelint, "--max-body", str(MAX_BODY), "--read-timeout", "1",
                "--no-access-log", rules=GOOD_RULES) as server:
        first = http(server.port, "POST", CHECK, VALID, "application/x-ndjson")
        expected = json.loads(first[1])
        table = kinds(server.port, expected)
        counts = {name: 0 for name, _, _ in table}
        lock = threading.Lock()
        next_index = [0]
        warm_rss = [None]
        warm_up = max(options.requests // 10, 50)

        def worker():
            while True:
                with lock:
                    index = next_index[0]
                    next_index[0] += 1
                    if index == warm_up:
                        warm_rss[0] = server.rss_kib()
                if index >= options.requests:
                    return
                # Every other request is valid; the malformed ones cycle through the kinds.
                name, send, good = table[0] if index % 2 == 0 else table[1 + (index // 2) % (len(table) - 1)]
                result = send()
                with lock:
                    counts[name] += 1
                    if not good(result):
                        failures.append("%s (request %d): %r %r" % (name, index, result[0],
                                                                    result[1][:200]))

        # The slow bodies, beside the rest: one complete, one stalled.
        slow = []

        def slow_bodies():
            slow.append(http(server.port, "POST", CHECK, VALID[:300].split(b"\n")[0] + b"\n",
                             "application/x-ndjson", byte_delay=0.002))
            slow.append(http(server.port, "POST", CHECK, VALID, "application/x-ndjson",
                             declared_length=len(VALID) + 100))

        threads = [threading.Thread(target=worker) for _ in range(8)]
        threads.append(threading.Thread(target=slow_bodies))
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        if slow[0][0] != 200:
            failures.append("the body sent a byte at a time was answered %r" % slow[0][0])
        if slow[1][0] not in (400, 408, None):
            failures.append("the stalled body was answered %r" % slow[1][0])
        alive = http(server.port, "GET", "/healthz")[0] == 200
        if not alive:
            failures.append("the server does not answer /healthz afterwards")
        end_rss = server.rss_kib()
        growth = (end_rss - warm_rss[0]) / 1024
        if growth > 20:
            failures.append("resident memory grew by %.1f MiB after warm-up" % growth)
        status = server.stop()
        if status != 0:
            failures.append("the server exited %d" % status)
    print("fault test: %d requests in %.1f s (%s); resident memory %.1f MiB after warm-up, "
          "%.1f MiB at the end (%+.1f MiB); server alive: %s" % (
              options.requests, elapsed, ", ".join("%s %d" % item for item in counts.items()),
              warm_rss[0] / 1024, end_rss / 1024, growth, alive))
    for failure in failures[:20]:
        print("FAIL: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
